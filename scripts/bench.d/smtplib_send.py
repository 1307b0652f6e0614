"""The ceiling for `followup send`: Python's smtplib sends every prospect's message over ONE connection.

usage: smtplib_send.py CSV PORT plain|starttls [--user U --password P --cafile F] [--witness ADDR]
Renders each message from the CSV with the same words as the templates (email.message), then
MAIL/RCPT/DATA for each over a single SMTP session. Exits 1 if any message is refused.
"""
import argparse
import csv
import os
import smtplib
import ssl
import sys
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import datagen  # noqa: E402


def main():
    p = argparse.ArgumentParser()
    p.add_argument("csv")
    p.add_argument("port", type=int)
    p.add_argument("mode", choices=["plain", "starttls"])
    p.add_argument("--user")
    p.add_argument("--password")
    p.add_argument("--cafile")
    p.add_argument("--witness")
    a = p.parse_args()
    with open(a.csv, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    refused = 0
    with smtplib.SMTP("127.0.0.1", a.port, local_hostname="example.test") as smtp:
        if a.mode == "starttls":
            smtp.starttls(context=ssl.create_default_context(cafile=a.cafile))
        if a.user:
            smtp.login(a.user, a.password)
        for row in rows:
            subject, body = datagen.render_plain(row)
            msg = EmailMessage()
            msg["Date"] = formatdate()
            msg["From"] = Address(datagen.SENDER_NAME, addr_spec=datagen.SENDER_EMAIL)
            msg["To"] = Address(row["first_name"], addr_spec=row["email"])
            msg["Subject"] = subject
            msg["Message-ID"] = make_msgid(domain="example.test")
            msg["List-Unsubscribe"] = f"<mailto:{datagen.UNSUB}?subject=unsubscribe>"
            msg.set_content(body, cte="quoted-printable")
            recipients = [row["email"]] + ([a.witness] if a.witness else [])
            refused += len(smtp.send_message(msg, from_addr=datagen.SENDER_EMAIL, to_addrs=recipients))
    sys.exit(1 if refused else 0)


if __name__ == "__main__":
    main()
