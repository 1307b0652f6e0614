"""Runs mailmerge with its password prompt answered from $BENCH_SMTP_PASSWORD (no terminal needed).

mailmerge asks for the SMTP password with getpass, once per run; everything else is mailmerge's own
code, which connects and logs in again for every message.
"""
import getpass
import os
import sys

getpass.getpass = lambda prompt="": os.environ["BENCH_SMTP_PASSWORD"]

from mailmerge.__main__ import main  # noqa: E402

sys.exit(main())
