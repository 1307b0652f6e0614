import CSQLite
import FollowUp
import Foundation

/// One open SQLite database file. Owns the connection and closes it in `deinit`.
///
/// Not thread-safe: one owner at a time (the CLI runs one command per process).
final class SQLiteDatabase {
    private let handle: OpaquePointer
    private var statementCache: [String: SQLiteStatement] = [:]
    private let fullSync: Bool
    /// The file's path, for error messages.
    let path: String

    /// Opens (creating if needed, with mode 0600) the database at `path`, in WAL mode with
    /// foreign keys on and a busy timeout, so a second process waits instead of failing.
    /// `fullSync` makes every commit survive a power cut (an fsync each); without it commits
    /// survive any crash of the process, but a power cut may lose the last ones.
    init(path: String, fullSync: Bool = true) throws(StoreError) {
        self.path = path
        self.fullSync = fullSync
        let existed = FileManager.default.fileExists(atPath: path)
        if !existed {
            // Create the file ourselves so that it is private from its first byte.
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw StoreError(path: path, operation: "create", detail: "cannot create the file (does the directory exist and is it writable?)")
            }
        }
        var connection: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            let detail = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "error \(code)"
            if let connection { sqlite3_close_v2(connection) }
            throw StoreError(path: path, operation: "open", detail: detail, resultCode: code)
        }
        self.handle = connection
        sqlite3_busy_timeout(connection, 10_000)
        try execute("PRAGMA journal_mode = WAL")
        try execute(fullSync ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL")
        try execute("PRAGMA foreign_keys = ON")
        // WAL and shared-memory files inherit nothing from the database file's mode.
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path + suffix)
        }
    }

    deinit {
        statementCache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs statements that return no rows (may be several, separated by semicolons; no parameters).
    func execute(_ sql: String) throws(StoreError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let detail = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(message)
            throw StoreError(path: path, operation: "execute", detail: detail, resultCode: sqlite3_extended_errcode(handle))
        }
    }

    /// Prepares one statement with `?` parameters bound to `values` (not cached).
    func prepare(_ sql: String, _ values: [SQLValue] = []) throws(StoreError) -> SQLiteStatement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw StoreError(path: path, operation: "prepare", detail: String(cString: sqlite3_errmsg(handle)), resultCode: sqlite3_extended_errcode(handle))
        }
        let prepared = SQLiteStatement(statement, database: self)
        try prepared.bind(values)
        return prepared
    }

    /// A statement for `sql` with `values` bound, prepared once and kept: every statement of the
    /// store is a fixed string, and preparing costs more than running most of them. Callers reset
    /// it when done (a map closure must not run the same SQL while its statement is stepping).
    private func cached(_ sql: String, _ values: [SQLValue]) throws(StoreError) -> SQLiteStatement {
        if let statement = statementCache[sql] {
            statement.reset()
            try statement.bind(values)
            return statement
        }
        let statement = try prepare(sql, values)
        statementCache[sql] = statement
        return statement
    }

    /// Runs one statement that returns no rows; returns the number of rows it changed.
    @discardableResult
    func run(_ sql: String, _ values: [SQLValue] = []) throws(StoreError) -> Int {
        let statement = try cached(sql, values)
        defer { statement.reset() }
        while try statement.step() {}
        return Int(sqlite3_changes(handle))
    }

    /// Runs a query and maps every row.
    func query<T>(_ sql: String, _ values: [SQLValue] = [], _ map: (SQLiteRow) throws(StoreError) -> T) throws(StoreError) -> [T] {
        let statement = try cached(sql, values)
        defer { statement.reset() }
        var results: [T] = []
        while try statement.step() {
            results.append(try map(SQLiteRow(statement: statement)))
        }
        return results
    }

    /// The first row of a query, mapped, or nil when there is none.
    func first<T>(_ sql: String, _ values: [SQLValue] = [], _ map: (SQLiteRow) throws(StoreError) -> T) throws(StoreError) -> T? {
        let statement = try cached(sql, values)
        defer { statement.reset() }
        guard try statement.step() else { return nil }
        return try map(SQLiteRow(statement: statement))
    }

    /// The rowid of the last inserted row.
    var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Runs `body` in one transaction (`BEGIN IMMEDIATE`: takes the write lock up front); rolls back
    /// on any error, so a failure or a crash leaves none of its writes.
    ///
    /// `synced: false` skips the fsync of this one commit even in full-sync mode: it still survives
    /// any crash of the process, and the next synced commit makes it durable too. Only for records
    /// whose loss in a power cut something else repairs.
    func transaction<T>(synced: Bool = true, _ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        let relaxed = fullSync && !synced
        if relaxed { try execute("PRAGMA synchronous = NORMAL") }
        defer { if relaxed { try? execute("PRAGMA synchronous = FULL") } }
        return try enclosed(in: "BEGIN IMMEDIATE", body, failure: { $0 })
    }

    /// Runs `body`, which only reads, in one read transaction: every query sees the same snapshot,
    /// and the lock on the write-ahead log is taken once instead of once per query.
    func reading<T>(_ body: () throws -> T) throws -> T {
        try enclosed(in: "BEGIN", body, failure: { $0 })
    }

    /// `begin`, `body`, then `COMMIT`; `ROLLBACK` when `body` or the commit fails. `failure`
    /// turns the store's own errors into the body's kind of error.
    private func enclosed<T, Failure: Error>(in begin: String, _ body: () throws(Failure) -> T,
                                             failure: (StoreError) -> Failure) throws(Failure) -> T {
        do { try execute(begin) } catch { throw failure(error) }
        do throws(Failure) {
            let result = try body()
            do { try execute("COMMIT") } catch { throw failure(error) }
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// The latest error text of the connection.
    var lastError: String { String(cString: sqlite3_errmsg(handle)) }
    /// SQLite's extended result code for the most recent failure on this connection.
    var lastErrorCode: Int32 { sqlite3_extended_errcode(handle) }
}
