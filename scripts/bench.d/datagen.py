"""Deterministic synthetic data for scripts/bench: prospects, templates and configs.

Everything is derived from a seeded random.Random, so two runs with the same N write the same bytes.
"""
import csv
import random

SEED = 7  # issue 7

FIRST = ["Zoë", "José", "Ana", "Łukasz", "Søren", "Anaïs", "Björn", "Çağla", "Dvořák", "Émile",
         "Ἀλέξανδρος", "Ольга", "Дмитрий", "Νίκη", "美咲", "陽翔", "민준", "Ngọc", "Thảo", "Aoife",
         "Siobhán", "Gülşen", "Ñusta", "Kira", "Sam", "Priya", "Lee", "Jürgen", "François", "Maël"]
LAST = ["Müller", "García", "Øster", "Nowak", "Ferreira", "Kowalczyk", "Ó Briain", "Yılmaz", "Ivanova",
        "Παπαδόπουλος", "田中", "김", "Nguyễn", "Smith", "Okafor", "Raman", "Chen", "Dubois", "Åberg"]
COMPANY_A = ["Northwind", "Lindenhof", "Ferretería", "Bluebird", "Harbor Lights", "Café Zürich",
             "Żabka & Co", "Ölwerk", "Straße 9", "Crème Brûlée", "Tōkyō Tsūshin", "Мир", "Δέλτα"]
COMPANY_B = ["Bakery", "Möbel GmbH", "García, S.L.", "Logistics", "Studio", "\"Best\" Supplies",
             "Brothers", "Ltd.", "AG", "SARL", "K.K.", "ООО", "Α.Ε."]
ZONES = ["", "Europe/Berlin", "Europe/Madrid", "America/Chicago", "Asia/Kolkata", "Asia/Tokyo",
         "America/Sao_Paulo", "Australia/Sydney", "UTC"]

SENDER_NAME = "Kira Moore"
SENDER_EMAIL = "bench@example.test"  # the rig user whose INBOX the tests only send to
POSTAL = "1 Main Street, Springfield"
UNSUB = "bench+unsubscribe@example.test"

BODY = """Hi {first},

I help small teams make sure that every lead gets a timely, friendly
follow-up, instead of slipping away because everyone got busy.
Would a 15-minute call next week help {company}?

Thanks,
{name}
{postal}
"""


def prospects_csv(path, n, seed=SEED):
    """Writes N prospects (email bench+i@example.test, non-ASCII names and companies, some quoted)."""
    rng = random.Random(seed)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["email", "first_name", "last_name", "company", "timezone"])
        for i in range(1, n + 1):
            company = f"{rng.choice(COMPANY_A)} {rng.choice(COMPANY_B)}"
            w.writerow([f"bench+{i}@example.test", rng.choice(FIRST), rng.choice(LAST), company, rng.choice(ZONES)])


def followup_template(path):
    """followup's step template with the same text as the mailmerge one."""
    body = BODY.format(first="{{first_name}}", company="{{company}}", name="{{sender.name}}", postal="{{sender.postal_address}}")
    with open(path, "w", encoding="utf-8") as f:
        f.write("subject: {{first_name}}, a quick question about {{company}}\n---\n" + body + "\n{{unsubscribe_line}}\n")


UNSUB_LINE = f'To stop these emails, reply "unsubscribe" or write to {UNSUB}.'


def mailmerge_template(path):
    """mailmerge's template: the same words, with the sender and unsubscribe line written out."""
    body = BODY.format(first="{{first_name}}", company="{{company}}", name=SENDER_NAME, postal=POSTAL)
    with open(path, "w", encoding="utf-8") as f:
        f.write("TO: {{first_name}} <{{email}}>\n"
                "SUBJECT: {{first_name}}, a quick question about {{company}}\n"
                f"FROM: {SENDER_NAME} <{SENDER_EMAIL}>\n"
                f"List-Unsubscribe: <mailto:{UNSUB}?subject=unsubscribe>\n\n"
                + body + "\n" + UNSUB_LINE + "\n")


def render_plain(row):
    """The subject and body the smtplib peer sends for one CSV row (same words as the templates)."""
    subject = f"{row['first_name']}, a quick question about {row['company']}"
    body = BODY.format(first=row["first_name"], company=row["company"], name=SENDER_NAME, postal=POSTAL)
    return subject, body + "\n" + UNSUB_LINE + "\n"


def followup_config(path, template, store, smtp=None, imap=None, window="00:00-24:00",
                    weekdays=("mon", "tue", "wed", "thu", "fri", "sat", "sun")):
    """A followup.toml: one step, no pauses, no cap; smtp/imap are dicts of raw TOML lines."""
    lines = ["[sender]", f'name = "{SENDER_NAME}"', f'email = "{SENDER_EMAIL}"',
             f'postal_address = "{POSTAL}"', f'unsubscribe_mailto = "{UNSUB}"', ""]
    for section, table in (("smtp", smtp), ("imap", imap)):
        if table:
            lines.append(f"[{section}]")
            lines += [f"{k} = {v}" for k, v in table.items()]
            lines.append("")
    days = ", ".join(f'"{d}"' for d in weekdays)
    lines += ["[store]", f'path = "{store}"', "",
              "[schedule]", 'timezone = "UTC"', f'window = "{window}"', f"weekdays = [{days}]",
              "daily_cap = 1000000", "min_gap_seconds = 0", "jitter_seconds = 0", "",
              "[sequence]", 'after_last_step = "stop"', "",
              "[[steps]]", f'template = "{template}"', "delay_days = 0", ""]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def mailmerge_config(path, port, security=None, username=None):
    """mailmerge's server config (INI)."""
    lines = ["[smtp_server]", "host = 127.0.0.1", f"port = {port}"]
    if security:
        lines += [f"security = {security}", f"username = {username}"]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


REPLIES = [
    "Yes, let's talk. Tuesday at 10 works for me.",
    "Not interested, thanks.",
    "Please remove me from your list.",
    "unsubscribe",
    "I'm out of the office until Monday with limited access to email.",
    "Thanks {first}, can you send more details about pricing first?",
    "Wrong person, try my colleague Mia at {company}.",
    "Sounds good.\n\n-- \n{first}\nSent from my phone",
]


def reply_mix(n, seed=SEED):
    """N plain-text replies quoting our message (Gmail/Outlook-style attributions), deterministic."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        first, company = rng.choice(FIRST), f"{rng.choice(COMPANY_A)} {rng.choice(COMPANY_B)}"
        top = rng.choice(REPLIES).format(first=first, company=company)
        quoted = BODY.format(first=first, company=company, name=SENDER_NAME, postal=POSTAL)
        if i % 3 == 0:
            attribution = f"On Tue, Dec 1, 2026 at 3:00 PM {SENDER_NAME} <{SENDER_EMAIL}> wrote:"
            rest = "\n".join("> " + line if line else ">" for line in quoted.splitlines())
        elif i % 3 == 1:
            attribution = "-----Original Message-----"
            rest = f"From: {SENDER_NAME}\nSent: Tuesday, December 1, 2026 3:00 PM\nTo: {first}\nSubject: a quick question\n\n" + quoted
        else:
            attribution = f"Le mar. 1 déc. 2026 à 15:00, {SENDER_NAME} <{SENDER_EMAIL}> a écrit :"
            rest = "\n".join("> " + line for line in quoted.splitlines())
        out.append(f"{top}\n\n{attribution}\n{rest}\n")
    return out
