/// The store's schema, as an ordered list of migrations. Each runs once, in its own transaction,
/// and `PRAGMA user_version` records how far a file has come. Never edit a shipped migration:
/// add a new one.
enum Migrations {
    /// The migrations in order; index + 1 is the schema version each one produces.
    static let all: [String] = [
        // 1: prospects, enrolments, messages, suppressions, events, settings, replies, mailbox cursors.
        """
        CREATE TABLE settings (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE prospects (
            id            INTEGER PRIMARY KEY,
            identity      TEXT NOT NULL UNIQUE,
            email         TEXT NOT NULL,
            fields        TEXT NOT NULL,
            time_zone     TEXT,
            state         TEXT NOT NULL DEFAULT 'active',
            state_reason  TEXT,
            snoozed_until REAL,
            created_at    REAL NOT NULL,
            updated_at    REAL NOT NULL
        );
        CREATE TABLE enrolments (
            prospect_id   INTEGER PRIMARY KEY REFERENCES prospects(id),
            enrolled_at   REAL NOT NULL,
            next_step     INTEGER NOT NULL DEFAULT 1,
            attempts      INTEGER NOT NULL DEFAULT 0,
            first_sent_at REAL,
            last_sent_at  REAL,
            first_subject TEXT,
            temporary_failures INTEGER NOT NULL DEFAULT 0,
            retry_after   REAL
        );
        CREATE TABLE messages (
            id          INTEGER PRIMARY KEY,
            prospect_id INTEGER NOT NULL REFERENCES prospects(id),
            step        INTEGER NOT NULL,
            attempt     INTEGER NOT NULL,
            message_id  TEXT NOT NULL UNIQUE,
            subject     TEXT,
            planned_at  REAL NOT NULL,
            status      TEXT NOT NULL,
            smtp_reply  TEXT,
            updated_at  REAL NOT NULL,
            UNIQUE (prospect_id, attempt)
        );
        CREATE INDEX messages_by_status ON messages (status);
        CREATE TABLE suppressions (
            pattern  TEXT PRIMARY KEY,
            reason   TEXT NOT NULL,
            added_at REAL NOT NULL
        );
        CREATE TABLE events (
            id          INTEGER PRIMARY KEY,
            prospect_id INTEGER REFERENCES prospects(id),
            at          REAL NOT NULL,
            kind        TEXT NOT NULL,
            detail      TEXT NOT NULL
        );
        CREATE INDEX events_by_prospect ON events (prospect_id, at);
        CREATE TABLE replies (
            id            INTEGER PRIMARY KEY,
            mailbox       TEXT NOT NULL,
            uid_validity  INTEGER NOT NULL,
            uid           INTEGER NOT NULL,
            message_id    TEXT,
            prospect_id   INTEGER REFERENCES prospects(id),
            sender        TEXT,
            received_at   REAL,
            kind          TEXT NOT NULL,
            intent        TEXT,
            outcome       TEXT NOT NULL,
            explanation   TEXT NOT NULL,
            decided_by    TEXT NOT NULL DEFAULT 'classifier',
            processed_at  REAL NOT NULL,
            UNIQUE (mailbox, uid_validity, uid)
        );
        CREATE TABLE mailbox_cursors (
            mailbox      TEXT PRIMARY KEY,
            uid_validity INTEGER NOT NULL,
            next_uid     INTEGER NOT NULL
        );
        """,
        // 2: what each suppression changed, so that removing it can put those prospects back; and
        // what a reply said (the person's own words, its subject, how much was quoted), for triage.
        """
        ALTER TABLE replies ADD COLUMN subject TEXT;
        ALTER TABLE replies ADD COLUMN reply_text TEXT;
        ALTER TABLE replies ADD COLUMN folded_lines INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE replies ADD COLUMN bounce_cause TEXT;
        CREATE TABLE suppression_effects (
            pattern                TEXT NOT NULL,
            prospect_id            INTEGER NOT NULL REFERENCES prospects(id),
            previous_state         TEXT NOT NULL,
            previous_reason        TEXT,
            previous_snoozed_until REAL,
            PRIMARY KEY (pattern, prospect_id)
        );
        """,
    ]
}
