"""scripts/bench's driver: generates the data, runs every workload for followup and its peer in
alternation, and prints (and writes) the markdown table. Standard library only; peers run from the
bench venv. See scripts/bench for the options.
"""
import argparse
import datetime
import imaplib
import json
import os
import platform
import re
import shutil
import ssl
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import datagen  # noqa: E402

RIG = os.environ.get("FOLLOWUP_RIG", "/tmp/followup-rig")
CA = f"{RIG}/tls/cert.pem"
ROOT = os.path.dirname(os.path.dirname(HERE))
NOW = "2026-12-01T15:00:00Z"  # a Tuesday
PASSWORD = os.environ.get("FOLLOWUP_RIG_PASSWORD", "secret")
POLL_FOLDER = "BenchPoll"


def log(*a):
    print("bench:", *a, file=sys.stderr, flush=True)


class Bench:
    def __init__(self, a):
        self.a = a
        self.fu = os.path.join(a.bin, "followup")
        self.py = os.path.join(a.venv, "bin", "python")
        self.have_venv = os.path.exists(self.py)
        self.work = os.path.abspath(a.work)
        self.rows = []
        self.failures = []
        self.env = dict(os.environ, FOLLOWUP_SMTP_PASSWORD=PASSWORD, FOLLOWUP_IMAP_PASSWORD=PASSWORD,
                        BENCH_SMTP_PASSWORD=PASSWORD, PYTHONHASHSEED="0")
        self.env.pop("FOLLOWUP_CONFIG", None)
        self.env.pop("FOLLOWUP_NOW", None)

    # ---- measuring -------------------------------------------------------------------------------

    def run(self, cmd, who, stdout=None, cwd=None, check_rc=True):
        """Runs cmd under /usr/bin/time; returns (seconds, peak KB, stderr text). Records failures."""
        fd, tf = tempfile.mkstemp(prefix="bench-time-")
        os.close(fd)
        out = open(stdout, "wb") if stdout else subprocess.DEVNULL
        try:
            t0 = time.perf_counter()
            p = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", tf] + cmd, stdout=out, stderr=subprocess.PIPE,
                               env=self.env, cwd=cwd)
            dt = time.perf_counter() - t0
        finally:
            if stdout:
                out.close()
        with open(tf) as f:
            lines = f.read().split()
        os.unlink(tf)
        kb = int(lines[-1]) if lines and lines[-1].isdigit() else 0
        if check_rc and p.returncode != 0:
            msg = f"{who}: exit {p.returncode}: {' '.join(cmd)}\n{p.stderr.decode(errors='replace')[-2000:]}"
            if who == "followup":
                self.failures.append(msg)
            log("FAILED", msg)
            return None
        return dt, kb, p.stderr.decode(errors="replace")

    def heavy_rounds(self):
        """Rounds for the slow workloads (1,000 real deliveries, or 100,000 previews whose peer takes half
        a minute): at most 2 of them, so a full run stays under 10 minutes from a fresh clone."""
        return min(self.a.rounds, 2)

    def row(self, workload, fu, peer, pr, count=None, note=""):
        """fu / pr: lists of (seconds, kb) or a string explaining why there is none."""
        self.rows.append(dict(workload=workload, fu=fu, peer=peer, pr=pr, count=count, note=note))

    # ---- helpers ---------------------------------------------------------------------------------

    def dir(self, name):
        d = os.path.join(self.work, name)
        os.makedirs(d, exist_ok=True)
        return d

    def fresh_store(self, d):
        for f in os.listdir(d):
            if f.startswith("store.sqlite"):
                os.unlink(os.path.join(d, f))

    def wait_queue(self, limit=180):
        """Waits until Postfix has delivered everything (so each send starts against an idle server)."""
        deadline = time.time() + limit
        while time.time() < deadline:
            p = subprocess.run(["postqueue", "-c", f"{RIG}/postfix", "-p"], capture_output=True, text=True)
            if "Mail queue is empty" in p.stdout or p.returncode != 0:
                return
            time.sleep(0.2)
        log("warning: the Postfix queue did not drain in", limit, "s")

    def empty_sink(self):
        """Expunges bench@example.test's INBOX (where every benchmark send lands; the tests only send there):
        Dovecot's delivery into a maildir slows down as it grows, which would make later rounds slower."""
        c = self.imap()
        try:
            typ, data = c.select("INBOX")
            if typ == "OK" and int(data[0]) > 0:
                c.store("1:*", "+FLAGS.SILENT", "(\\Deleted)")
                c.expunge()
        finally:
            c.logout()

    def mm(self, *args):
        if not self.have_venv:
            return None
        return [os.path.join(self.a.venv, "bin", "mailmerge"), *args, "--output-format", "raw"]

    # ---- workloads -------------------------------------------------------------------------------

    def preview(self, n):
        d = self.dir(f"preview-{n}")
        csvp = os.path.join(d, "prospects.csv")
        datagen.prospects_csv(csvp, n)
        datagen.followup_template(os.path.join(d, "step1.txt"))
        datagen.followup_config(os.path.join(d, "followup.toml"), "step1.txt", "store.sqlite")
        datagen.mailmerge_template(os.path.join(d, "mm.txt"))
        datagen.mailmerge_config(os.path.join(d, "mm.conf"), 2525)
        # On tmpfs when there is one: this VM's ext4 spends most of a 100,000-file run allocating inodes.
        tmpfs = os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK)
        out = f"/dev/shm/followup-bench-preview-{n}" if tmpfs else os.path.join(d, "out")
        fu, fu_mbox, pr = [], [], []
        for r in range(self.heavy_rounds() if n >= 100_000 else self.a.rounds):
            shutil.rmtree(out, ignore_errors=True)
            m = self.run([self.fu, "preview", "--config", os.path.join(d, "followup.toml"), "--prospects", csvp,
                          "--days", "1", "--format", "mbox", "--now", NOW], "followup")
            if m:
                if f"{n} message(s) written as mbox" not in m[2]:
                    self.failures.append(f"preview {n} mbox: expected {n} messages, stderr: {m[2][-300:]}")
                fu_mbox.append(m[:2])
            m = self.run([self.fu, "preview", "--config", os.path.join(d, "followup.toml"), "--prospects", csvp,
                          "--days", "1", "--format", "eml", "--out", out, "--now", NOW, "--quiet"], "followup")
            if m:
                files = len(os.listdir(out))
                if files != n:
                    self.failures.append(f"preview {n}: {files} .eml files, expected {n}")
                fu.append(m[:2])
            cmd = self.mm("--dry-run", "--no-limit", "--template", os.path.join(d, "mm.txt"), "--database", csvp,
                          "--config", os.path.join(d, "mm.conf"))
            if cmd:
                m = self.run(cmd, "mailmerge")
                if m:
                    pr.append(m[:2])
        shutil.rmtree(out, ignore_errors=True)
        self.row(f"preview (render) {n:,} messages, one mbox on stdout (to /dev/null)", fu_mbox, "mailmerge --dry-run (stdout to /dev/null)",
                 pr or "could not run", count=n)
        self.row(f"preview (render) {n:,} messages, eml files" + (" on tmpfs" if tmpfs else ""), fu, "mailmerge --dry-run (stdout to /dev/null)",
                 pr or "could not run", count=n)

    def send(self, n):
        d = self.dir(f"send-{n}")
        csvp = os.path.join(d, "prospects.csv")
        datagen.prospects_csv(csvp, n)
        datagen.followup_template(os.path.join(d, "step1.txt"))
        datagen.mailmerge_template(os.path.join(d, "mm.txt"))
        datagen.mailmerge_config(os.path.join(d, "mm-2525.conf"), 2525)
        datagen.mailmerge_config(os.path.join(d, "mm-2587.conf"), 2587, "STARTTLS", "bench@example.test")
        q = lambda s: json.dumps(s)  # TOML basic strings are JSON strings for these values
        variants = {
            "plain": dict(smtp={"url": q("smtp://127.0.0.1:2525"), "starttls": q("never"), "witness": q("none")}),
            "starttls": dict(smtp={"url": q("smtp://127.0.0.1:2587"), "username": q("bench@example.test"),
                                   "password_env": q("FOLLOWUP_SMTP_PASSWORD"), "ca_file": q(CA),
                                   "starttls": q("required"), "witness": q("none")}),
            "witness": dict(smtp={"url": q("smtp://127.0.0.1:2525"), "starttls": q("never")},
                            imap={"url": q("imaps://127.0.0.1:1993"), "username": q("bench@example.test"),
                                  "password_env": q("FOLLOWUP_IMAP_PASSWORD"), "ca_file": q(CA)}),
        }
        for name, v in variants.items():
            vd = self.dir(f"send-{n}/{name}")
            datagen.followup_config(os.path.join(vd, "followup.toml"), os.path.join(d, "step1.txt"), "store.sqlite", **v)
        smtplib_py = [sys.executable, os.path.join(HERE, "smtplib_send.py"), csvp]
        peers = {
            "plain": [("smtplib, one connection", smtplib_py + ["2525", "plain"]),
                      ("mailmerge (a connection per message)",
                       self.mm("--no-dry-run", "--no-limit", "--template", os.path.join(d, "mm.txt"), "--database", csvp,
                               "--config", os.path.join(d, "mm-2525.conf")))],
            "starttls": [("smtplib, one connection", smtplib_py + ["2587", "starttls", "--user", "bench@example.test",
                                                                   "--password", PASSWORD, "--cafile", CA]),
                         ("mailmerge (a connection + login per message)",
                          [self.py, os.path.join(HERE, "mailmerge_auth.py"), "--no-dry-run", "--no-limit", "--template",
                           os.path.join(d, "mm.txt"), "--database", csvp, "--config", os.path.join(d, "mm-2587.conf"),
                           "--output-format", "raw"] if self.have_venv else None)],
            "witness": [("smtplib, one connection, + witness RCPT", smtplib_py + ["2525", "plain", "--witness",
                                                                                  datagen.SENDER_EMAIL])],
        }
        res = {k: {"fu": [], "import": []} for k in variants}
        for k, plist in peers.items():
            for label, _ in plist:
                res[k][label] = []
        for r in range(self.heavy_rounds()):
            self.wait_queue()
            self.empty_sink()
            for name in variants:
                vd = os.path.join(d, name)
                cfg = os.path.join(vd, "followup.toml")
                self.fresh_store(vd)
                m = self.run([self.fu, "import", "--config", cfg, "--now", NOW, "--quiet", csvp], "followup")
                if m:
                    res[name]["import"].append(m[:2])
                self.wait_queue()
                outp = os.path.join(vd, "send.out")
                m = self.run([self.fu, "send", "--config", cfg, "--now", NOW], "followup", stdout=outp)
                if m:
                    with open(outp) as f:
                        text = f.read()
                    sent = re.search(r"(\d+) sent", text)
                    if not sent or int(sent.group(1)) != n:
                        self.failures.append(f"send {name}: expected {n} sent, got: {text.strip()}")
                    res[name]["fu"].append(m[:2])
                for label, cmd in peers[name]:
                    if cmd is None:
                        continue
                    self.wait_queue()
                    m = self.run(cmd, label.split(",")[0].split(" ")[0])
                    if m:
                        res[name][label].append(m[:2])
        self.wait_queue()
        self.empty_sink()
        titles = {"plain": f"send {n:,}, SMTP :2525 plaintext, witness none",
                  "starttls": f"send {n:,}, SMTP :2587 STARTTLS + AUTH, witness none",
                  "witness": f"send {n:,}, SMTP :2525 plaintext, default witness (self, with [imap])"}
        for name in variants:
            for label, cmd in peers[name]:
                self.row(titles[name], res[name]["fu"], label, res[name][label] or "could not run", count=n)
        self.row(f"import {n:,} prospects (new store)", res["plain"]["import"], "—", "no peer", count=n)

    def planning(self, n):
        d = self.dir(f"plan-{n}")
        csvp = os.path.join(d, "prospects.csv")
        datagen.prospects_csv(csvp, n)
        datagen.followup_template(os.path.join(d, "step1.txt"))
        # The window is closed at NOW (Tuesday 15:00 UTC; only Mondays 09-10), so nothing is due.
        cfg = os.path.join(d, "followup.toml")
        datagen.followup_config(cfg, "step1.txt", "store.sqlite", window="09:00-10:00", weekdays=("mon",))
        self.fresh_store(d)
        m = self.run([self.fu, "import", "--config", cfg, "--now", NOW, "--quiet", csvp], "followup")
        imp = [m[:2]] if m else []
        plan, status = [], []
        outp = os.path.join(d, "plan.json")
        for r in range(self.a.rounds):
            m = self.run([self.fu, "preview", "--config", cfg, "--days", "0", "--format", "json", "--now", NOW], "followup",
                         stdout=outp)
            if m:
                with open(outp) as f:
                    got = json.load(f)
                if got.get("messages"):
                    self.failures.append(f"planning {n}: expected nothing due, got {len(got['messages'])} message(s)")
                plan.append(m[:2])
            m = self.run([self.fu, "status", "--config", cfg, "--now", NOW], "followup")
            if m:
                status.append(m[:2])
        self.row(f"import {n:,} prospects (new store, 1 run)", imp, "—", "no peer", count=n)
        self.row(f"planning only: preview --days 0 --format json, {n:,} prospects, nothing due", plan, "—", "no peer", count=n)
        self.row(f"status on {n:,} prospects", status, "—", "no peer")

    def startup(self, runs):
        d = self.dir("startup")
        datagen.followup_template(os.path.join(d, "step1.txt"))
        cfg = os.path.join(d, "followup.toml")
        datagen.followup_config(cfg, "step1.txt", "store.sqlite")
        csvp = os.path.join(d, "empty.csv")
        with open(csvp, "w") as f:
            f.write("email,first_name,company\n")
        self.fresh_store(d)
        self.run([self.fu, "import", "--config", cfg, "--now", NOW, "--quiet", csvp], "followup")  # an empty store
        help_, status, py = [], [], []
        for i in range(runs):
            for cmd, acc, who in (([self.fu, "--help"], help_, "followup"),
                                  ([self.fu, "status", "--config", cfg, "--now", NOW], status, "followup"),
                                  (["python3", "-c", "pass"], py, "python3")):
                m = self.run(cmd, who)
                if m:
                    acc.append(m[:2])
        self.row(f"start-up: followup --help ({runs} runs)", help_, "python3 -c pass", py)
        self.row(f"start-up: followup status, empty store ({runs} runs)", status, "python3 -c pass", py)

    def classify(self, n):
        d = self.dir("classify")
        texts = os.path.join(d, "replies.json")
        bench = os.path.join(self.a.bin, "followup-bench")
        corpus = os.path.join(ROOT, "Tests", "TriageTests", "Fixtures", "corpus")
        # The texts come from the standard library alone, so followup is measured even without the peers.
        subprocess.run(["python3", os.path.join(HERE, "peers.py"), "write-replies", str(n), texts], check=True)
        for peer in ("talon", "erp"):
            label = {"talon": "talon.quotations.extract_from_plain", "erp": "email-reply-parser"}[peer]
            fu, pr, fu2, pr2 = [], [], [], []
            for r in range(self.a.rounds):
                m = self.run([bench, "quote-once", texts], "followup")
                if m:
                    fu.append(m[:2])
                m = self.run([bench, "classify-once", corpus], "followup")
                if m:
                    fu2.append(m[:2])
                if self.have_venv:
                    m = self.run([self.py, os.path.join(HERE, "peers.py"), "classify", peer, str(n)], label)
                    if m:
                        pr.append(m[:2])
                    m = self.run([self.py, os.path.join(HERE, "peers.py"), "classify-files", peer, corpus], label)
                    if m:
                        pr2.append(m[:2])
            self.row(f"quote extraction, {n:,} generated replies (same texts for both)", fu or "could not run", label,
                     pr or "could not run", count=n)
            count = sum(len([f for f in fs if f.endswith(".eml")]) for _, _, fs in os.walk(corpus))
            self.row(f"triage fixture mix, {count} .eml files: followup parses and fully classifies; the peer parses (Python email) and extracts quotes",
                     fu2 or "could not run", label, pr2 or "could not run", count=count)

    def imap(self):
        ctx = ssl.create_default_context(cafile=CA)
        c = imaplib.IMAP4_SSL("127.0.0.1", 1993, ssl_context=ctx)
        c.login("bench@example.test", PASSWORD)
        return c

    def fill_poll_folder(self, n, extra=0):
        """Makes POLL_FOLDER hold at least n messages (appending generated replies); then appends `extra` more.
        Returns the highest UID before the extra ones."""
        c = self.imap()
        c.create(POLL_FOLDER)
        typ, data = c.status(POLL_FOLDER, "(MESSAGES UIDNEXT)")
        have = int(re.search(rb"MESSAGES (\d+)", data[0]).group(1))
        replies = datagen.reply_mix(max(n - have, 0) + extra, seed=datagen.SEED + have)
        date = imaplib.Time2Internaldate(datetime.datetime(2026, 12, 1, 16, 0, tzinfo=datetime.timezone.utc))
        last = None
        for i, body in enumerate(replies):
            if i == len(replies) - extra:
                typ, data = c.status(POLL_FOLDER, "(UIDNEXT)")
                last = int(re.search(rb"UIDNEXT (\d+)", data[0]).group(1)) - 1
            k = have + i + 1
            raw = (f"From: Prospect {k} <bench+{k}@example.test>\r\nTo: {datagen.SENDER_EMAIL}\r\n"
                   f"Subject: Re: a quick question\r\nDate: Tue, 01 Dec 2026 16:00:00 +0000\r\n"
                   f"Message-ID: <reply.{k}@example.test>\r\nIn-Reply-To: <fu.{k}@example.test>\r\n"
                   "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                   + body.replace("\n", "\r\n")).encode("utf-8")
            c.append(POLL_FOLDER, "", date, raw)
        c.logout()
        return last

    def poll_config(self, d):
        cfg = os.path.join(d, "followup.toml")
        with open(cfg, "w") as f:
            f.write(f"""[sender]
name = "Bench"
email = "sales@example.test"
postal_address = "1 Bench Street"
[imap]
url = "imaps://127.0.0.1:1993"
username = "bench@example.test"
password_env = "FOLLOWUP_IMAP_PASSWORD"
ca_file = "{CA}"
mailbox = "{POLL_FOLDER}"
[store]
path = "poll.sqlite"
[[steps]]
template = "t.txt"
""")
        with open(os.path.join(d, "t.txt"), "w") as f:
            f.write("subject: hi\n---\nhello\n")
        with open(os.path.join(d, "one.csv"), "w") as f:
            f.write("email,first_name\nbench+seed@example.test,Seed\n")
        return cfg

    POLL_PROSPECT_EVERY = 20

    def fresh_poll_store(self, d, cfg, n, with_replies):
        """A store whose messages were all 'sent' long ago, so that a first poll reads the whole folder: one to a
        seed prospect and, `with_replies`, one to every 20th sender of the folder (bench+20, bench+40, ...), whose
        replies (Message-ID fu.K, answered by the folder's In-Reply-To) a poll must read whole and classify.
        Returns how many prospects have a reply in the folder."""
        for f in os.listdir(d):
            if f.startswith("poll.sqlite"):
                os.unlink(os.path.join(d, f))
        ks = list(range(self.POLL_PROSPECT_EVERY, n + 1, self.POLL_PROSPECT_EVERY)) if with_replies else []
        with open(os.path.join(d, "prospects.csv"), "w") as f:
            f.write("email,first_name\nbench+seed@example.test,Seed\n")
            f.writelines(f"bench+{k}@example.test,P{k}\n" for k in ks)
        subprocess.run([self.fu, "import", "prospects.csv", "--config", cfg, "--now", "2026-01-01T09:00:00Z", "--quiet"], cwd=d,
                       env=self.env, check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["sqlite3", os.path.join(d, "poll.sqlite"),
                        "INSERT INTO messages (prospect_id, step, attempt, message_id, subject, planned_at, status, updated_at) "
                        "SELECT id, 1, 1, CASE WHEN email = 'bench+seed@example.test' THEN 'seed@example.test' "
                        "ELSE 'fu.' || substr(email, 7, instr(email, '@') - 7) || '@example.test' END, "
                        "'a quick question', 1767258000, 'sent', 1767258000 FROM prospects"], check=True)
        return len(ks)

    def poll(self, n, new):
        first, since, fu_first, fu_mixed, fu_since = [], [], [], [], []
        if True:  # followup always; imap-tools only with the peers' venv
            t0 = time.time()
            self.fill_poll_folder(n)
            log(f"poll folder ready ({time.time() - t0:.1f} s)")
            d = self.dir("poll")
            cfg = self.poll_config(d)
            uidfile = os.path.join(d, "last-uid")
            for r in range(self.a.rounds):
                c = self.imap()
                typ, data = c.status(POLL_FOLDER, "(MESSAGES)")
                c.logout()
                in_folder = int(re.search(rb"MESSAGES (\d+)", data[0]).group(1))
                for with_replies, times in ((False, fu_first), (True, fu_mixed)):
                    replied = self.fresh_poll_store(d, cfg, n, with_replies)
                    outp = os.path.join(d, "first.json")
                    m = self.run([self.fu, "poll", "--config", cfg, "--json"], "followup", cwd=d, stdout=outp)
                    if m:
                        times.append(m[:2])
                        with open(outp) as f:
                            result = json.load(f)
                        if result.get("examined") != in_folder:
                            self.failures.append(f"first poll examined {result.get('examined')} of the folder's {in_folder} messages")
                        if result.get("matched") != replied:
                            self.failures.append(f"first poll matched {result.get('matched')} replies of the {replied} prospects who replied")
                if self.have_venv:
                    m = self.run([self.py, os.path.join(HERE, "peers.py"), "poll-first", POLL_FOLDER], "imap-tools")
                    if m:
                        first.append(m[:2])
                last = self.fill_poll_folder(0, extra=new)
                m = self.run([self.fu, "poll", "--config", cfg, "--quiet"], "followup", cwd=d)
                if m:
                    fu_since.append(m[:2])
                with open(uidfile, "w") as f:
                    f.write(str(last))
                outp = os.path.join(d, "since.out")
                m = self.run([self.py, os.path.join(HERE, "peers.py"), "poll-since", POLL_FOLDER, uidfile], "imap-tools",
                             stdout=outp) if self.have_venv else None
                if m:
                    with open(outp) as f:
                        got = f.read().strip()
                    if got != str(new):
                        log(f"warning: imap-tools incremental poll saw {got} new, expected {new}")
                    since.append(m[:2])
        self.row(f"poll: first poll of a {n:,}-message mailbox, none of it for the campaign (IMAPS; followup screens each by its header)",
                 fu_first or "could not run", "imap-tools (fetch all, bulk)", first or "could not run", count=n)
        self.row(f"poll: the same, 5% of it replies from prospects (followup also reads, classifies and applies each reply)",
                 fu_mixed or "could not run", "imap-tools (fetch all, bulk)", first or "could not run", count=n)
        self.row(f"poll: incremental, {new} new messages", fu_since or "could not run", "imap-tools (UID range)",
                 since or "could not run", count=new)

    class IdleClient:
        """A plain IMAP client in IDLE on bench's INBOX (imaplib's socket, raw IDLE): the moment Dovecot tells
        any client that a message arrived, which is as early as any reader can know."""

        def __init__(self, bench):
            import threading
            self.c = bench.imap()
            self.c.select("INBOX")
            self.c.send(b"W1 IDLE\r\n")
            line = self.c.readline()
            if not line.startswith(b"+"):
                raise RuntimeError(f"IDLE refused: {line!r}")
            self.arrivals = []
            self.thread = threading.Thread(target=self.read, daemon=True)
            self.thread.start()

        def read(self):
            while True:
                line = self.c.readline()
                if not line or line.startswith(b"W1 "):
                    return
                if line.rstrip().endswith(b"EXISTS"):
                    self.arrivals.append(time.perf_counter())

        def close(self):
            self.c.send(b"DONE\r\n")
            self.thread.join(timeout=10)
            self.c.logout()

    def run_latency(self, n):
        """`followup run --interval 1h` waits between rounds; n "not interested" replies are submitted to
        Postfix one after another, and each is timed from Postfix's "queued" until the prospect is closed_no
        in the store. The peer is a plain IDLE client on the same mailbox: the same moment until Dovecot
        announces the message to it."""
        d = self.dir("run-latency")
        for f in os.listdir(d):
            if f.startswith("run.sqlite"):
                os.unlink(os.path.join(d, f))
        self.empty_sink()
        with open(os.path.join(d, "followup.toml"), "w") as f:
            f.write(f"""[sender]
name = "Bench"
email = "bench@example.test"
postal_address = "1 Bench Street"
[smtp]
url = "smtp://127.0.0.1:2587"
username = "bench@example.test"
password_env = "FOLLOWUP_SMTP_PASSWORD"
ca_file = "{CA}"
[imap]
url = "imaps://127.0.0.1:1993"
username = "bench@example.test"
password_env = "FOLLOWUP_IMAP_PASSWORD"
ca_file = "{CA}"
witness_mailbox = ""
[store]
path = "run.sqlite"
[[steps]]
template = "t.txt"
""")
        with open(os.path.join(d, "t.txt"), "w") as f:
            f.write("subject: hi\n---\nhello\n")
        with open(os.path.join(d, "latency.csv"), "w") as f:
            f.write("email,first_name\n" + "".join(f"bench+late{k}@example.test,P{k}\n" for k in range(n)))
        cfg = os.path.join(d, "followup.toml")
        subprocess.run([self.fu, "import", "latency.csv", "--config", cfg, "--now", "2026-01-01T09:00:00Z", "--quiet"], cwd=d,
                       env=self.env, check=True, stdout=subprocess.DEVNULL)
        store = os.path.join(d, "run.sqlite")
        values = ",".join(f"({k + 1}, 1, 1, 'late{k}@example.test', 'hi', 1767258000, 'sent', 1767258000)" for k in range(n))
        subprocess.run(["sqlite3", store, "INSERT INTO messages (prospect_id, step, attempt, message_id, subject, planned_at, "
                        f"status, updated_at) VALUES {values}; UPDATE enrolments SET next_step = 2, attempts = 1, "
                        "first_sent_at = 1767258000, last_sent_at = 1767258000, first_subject = 'hi'"], check=True)
        maildir = f"{RIG}/mail/example.test/bench/Maildir"
        run = subprocess.Popen([self.fu, "run", "--interval", "1h", "--config", cfg, "--now", NOW, "--quiet"], cwd=d, env=self.env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        closed, delivered, announced = [], [], []
        idle = None
        try:
            time.sleep(2)  # the first round: a poll of an empty INBOX, nothing due to send
            import smtplib
            import sqlite3
            db = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
            idle = self.IdleClient(self)
            for k in range(n):
                arrivals_before = len(idle.arrivals)
                before = set(os.listdir(os.path.join(maildir, "new"))) | set(os.listdir(os.path.join(maildir, "cur")))
                msg = (f"From: P{k} <bench+late{k}@example.test>\r\nTo: bench@example.test\r\nSubject: Re: hi\r\n"
                       f"Date: Tue, 01 Dec 2026 16:00:00 +0000\r\nMessage-ID: <late-reply-{k}@example.test>\r\n"
                       f"In-Reply-To: <late{k}@example.test>\r\n\r\nThanks, but we are not interested.\r\n")
                with smtplib.SMTP("127.0.0.1", 2525) as smtp:
                    smtp.sendmail(f"bench+late{k}@example.test", ["bench@example.test"], msg.encode())
                t0 = time.perf_counter()
                got_file = got_closed = None
                while time.perf_counter() - t0 < 30 and got_closed is None:
                    now = time.perf_counter() - t0
                    if got_file is None and (set(os.listdir(os.path.join(maildir, "new"))) | set(os.listdir(os.path.join(maildir, "cur")))) - before:
                        got_file = now
                    row = db.execute("SELECT state FROM prospects WHERE email = ?", (f"bench+late{k}@example.test",)).fetchone()
                    if row and row[0] == "closed_no":
                        got_closed = now
                    time.sleep(0.002)
                if got_closed is None:
                    self.failures.append(f"run-latency: reply {k} did not close its prospect within 30 s")
                    break
                closed.append((got_closed, 0))
                delivered.append((got_file if got_file is not None else got_closed, 0))
                deadline = time.perf_counter() + 10
                while len(idle.arrivals) <= arrivals_before and time.perf_counter() < deadline:
                    time.sleep(0.002)
                if len(idle.arrivals) > arrivals_before:
                    announced.append((max(0.0, idle.arrivals[arrivals_before] - t0), 0))
        finally:
            if idle:
                idle.close()
            run.terminate()
            try:
                _, err = run.communicate(timeout=20)
            except subprocess.TimeoutExpired:
                run.kill()
                _, err = run.communicate()
            if run.returncode not in (0, -15):
                self.failures.append(f"run-latency: run exited {run.returncode}: {err.decode(errors='replace')[-500:]}")
        def spread(name, values):
            if not values:
                return
            lat = sorted(t for t, _ in values)
            q = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))]
            log(f"run-latency: {name}: min {lat[0] * 1000:.0f} ms, median {statistics.median(lat) * 1000:.0f} ms, "
                f"p90 {q(0.9) * 1000:.0f} ms, max {lat[-1] * 1000:.0f} ms over {len(lat)} replies")
        spread("in the Maildir", delivered)
        spread("announced to an IDLE client", announced)
        spread("closed_no in followup's store", closed)
        self.row(f"run: a 'no' from Postfix's 'queued' until the prospect is closed_no ({n} replies)", closed or "could not run",
                 "an IDLE client told of the message (imaplib, same mailbox)", announced or "could not run")
        self.empty_sink()


# ---- output ------------------------------------------------------------------------------------------

def fmt_t(s):
    return f"{s * 1000:.0f} ms" if s < 1 else f"{s:.2f} s"


def cell_time(v, count):
    if isinstance(v, str):
        return v, None
    if not v:
        return "failed", None
    med = statistics.median(t for t, _ in v)
    text = fmt_t(med)
    if count and count >= 10:
        text += f" ({count / med:,.0f}/s)"
    return text, med


def cell_mem(v):
    if isinstance(v, str) or not v:
        return "—"
    return f"{max(kb for _, kb in v) / 1024:.1f}"


def table(rows):
    out = ["| workload | followup median | peer | peer median | ratio (peer / followup) | followup peak MB | peer peak MB |",
           "| --- | --- | --- | --- | --- | --- | --- |"]
    for r in rows:
        ft, fm = cell_time(r["fu"], r["count"])
        pt, pm = cell_time(r["pr"], r["count"]) if r["peer"] != "—" else ("—", None)
        ratio = f"{pm / fm:.1f}×" if fm and pm else "—"
        out.append(f"| {r['workload']} | {ft} | {r['peer']} | {pt} | {ratio} | {cell_mem(r['fu'])} | {cell_mem(r['pr'])} |")
    return "\n".join(out)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bin", required=True)
    p.add_argument("--venv", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--out")
    p.add_argument("--quick", action="store_true")
    p.add_argument("--rounds", type=int)
    p.add_argument("--peers-note", default="")
    p.add_argument("--only", help="comma-separated workload names to run (start-up, preview, send, planning, classify, poll, run-latency)")
    a = p.parse_args()
    q = a.quick
    a.rounds = a.rounds or (1 if q else 3)
    sizes = dict(preview=[50] if q else [1000, 100000], send=20 if q else 1000, plan=50 if q else 100000,
                 startup=5 if q else 20, classify=20 if q else 1000, mailbox=20 if q else 10000)
    os.makedirs(a.work, exist_ok=True)
    b = Bench(a)
    started = time.time()
    steps = [("start-up", lambda: b.startup(sizes["startup"]))]
    steps += [(f"preview {n}", lambda n=n: b.preview(n)) for n in sizes["preview"]]
    steps += [("send", lambda: b.send(sizes["send"])),
              ("planning", lambda: b.planning(sizes["plan"])),
              ("classify", lambda: b.classify(sizes["classify"])),
              ("poll", lambda: b.poll(sizes["mailbox"], 10)),
              ("run-latency", lambda: b.run_latency(10 if q else 50))]
    for name, fn in steps:
        if a.only and not any(name.startswith(w) for w in a.only.split(",")):
            continue
        t0 = time.time()
        log(f"{name} ...")
        fn()
        log(f"{name} done in {time.time() - t0:.1f} s")
    elapsed = time.time() - started

    md = table(b.rows)
    print(md)
    cpu = subprocess.run("lscpu | grep 'Model name' | sed 's/.*: *//'", shell=True, capture_output=True, text=True).stdout.strip()
    uname = subprocess.run(["uname", "-srm"], capture_output=True, text=True).stdout.strip()
    if a.out:
        doc = DOC.format(date=datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                         uname=uname, cpu=cpu or "unknown", cores=os.cpu_count(), python=platform.python_version(),
                         rounds=a.rounds, mode="--quick" if q else "full", elapsed=elapsed, table=md,
                         peers=a.peers_note or "see the table", startup=sizes["startup"], mailbox=sizes["mailbox"],
                         classify=sizes["classify"])
        with open(a.out, "w", encoding="utf-8") as f:
            f.write(doc)
        log(f"wrote {a.out}")
    if b.failures:
        log(f"{len(b.failures)} followup failure(s):")
        for f in b.failures:
            log(" -", f)
        sys.exit(1)


DOC = """# Benchmarks

Written by `scripts/bench` ({mode} mode, {rounds} round(s) per workload, 2 for the sends and the 100,000-message
previews, {elapsed:.0f} s of measuring) on {date}.

- Machine: `{uname}`, {cpu}, {cores} cores; Python {python} for the peers.
- Peers: {peers}

Each workload runs followup and its peer one after the other, round after round; the table shows the
median wall time of the rounds (with items per second where that means something) and the highest peak
resident memory (`/usr/bin/time -f %M`). The ratio is the peer's median divided by followup's: how many
times faster followup is (below 1: slower).

{table}

Reading the numbers: the send rows are bound by the loopback Postfix (each message is a queue file it
writes and syncs, then delivers over LMTP to Dovecot on the same 2 cores), so they compare clients at the
speed of one small server and vary from run to run; followup's own CPU time is a small part of them.
followup keeps pace with smtplib on one connection although its exactly-once ledger commits each message
to SQLite (WAL, synchronous = FULL) before and after it is sent, two synced writes per message. Other jobs
may share the machine. The preview composes messages on every core (batches of 1,024, written in plan
order); mailmerge uses one. It writes its .eml files to /dev/shm when it exists, because on this kind of
VM creating 100,000 files on the ext4 disk is dominated by the kernel's inode allocation, whichever
program does it. The poll rows are mostly the server's fixed work per session (TLS handshake, login,
mailbox sync) plus process start; followup's own CPU time in an incremental poll is about 20 ms.

## The workloads

- **start-up**: one process that does nothing useful, {startup} times: `followup --help`, and `followup status`
  on a store with no prospects, against `python3 -c pass`.
- **preview (render)**: `followup preview --prospects FILE.csv --days 1 --format mbox` renders one message per
  prospect (a one-step sequence, window 00:00-24:00 every day, no cap, no gaps) and prints them all as one mbox
  on stdout (sent to /dev/null), like mailmerge `--dry-run --no-limit`, which renders the same words from its own
  template and prints every message to stdout. The second row writes each message to its own .eml file instead
  (`--format eml --out DIR`), against the same mailmerge runs. The CSV has non-ASCII names and companies
  (seeded, deterministic).
- **send**: `followup send --now ...` after an untimed `followup import` into a new store, delivering to
  the loopback Postfix (bench+N@example.test, from bench@example.test; that INBOX is emptied before
  each round and after the last, since Dovecot delivers more slowly into a big maildir); the Postfix queue is drained before every timed run. Peers:
  Python's smtplib over ONE connection (the ceiling: render + MAIL/RCPT/DATA per message), and mailmerge,
  which opens a connection (and, on :2587, runs STARTTLS and logs in) for every message; its STARTTLS
  does not verify the certificate. The default-witness row keeps `witness = "self"` (a second envelope
  recipient, the sender bench@example.test itself) and an `[imap]` section, against smtplib with the same extra RCPT.
- **import**: `followup import FILE.csv` into a new store; no peer.
- **planning only**: 100,000 imported prospects whose sending window is closed at `--now` (Mondays
  09:00-10:00, now a Tuesday 15:00 UTC), so `preview --days 0 --format json` plans every prospect and
  renders nothing; `status` on the same store. No peer.
- **quote extraction**: the same {classify} generated replies (Gmail, Outlook and French attributions) for
  followup's quote stripper (`followup-bench quote-once`) and for talon's `extract_from_plain` and
  email-reply-parser, process start included. **Triage fixture mix**: every .eml of the triage corpus,
  which followup parses and fully classifies (`followup-bench classify-once`: bounce, complaint, auto-reply,
  quotes, signature, intent) while the peer only parses with Python's email package and extracts quotes.
- **poll**: `followup poll` on an IMAPS folder of about {mailbox} messages (replies quoting a message,
  from senders bench+K), from a fresh store whose sent messages all predate them, so the first poll looks
  at every message. First with one prospect who is not among the senders: followup reads every message's
  header and leaves every message on the server. Then with every 20th sender a prospect to whom the message
  they answer was sent: followup also fetches whole, fully classifies (quotes, signature, intent) and
  applies those 5%. The bench fails unless each first poll examined the whole folder and matched every
  reply. Then again after 10 new messages arrive. Against imap-tools fetching every message of the folder,
  then only the 10 newest by UID (the folder grows by 10 per round).
- **run-latency**: `followup run --interval 1h` waits between rounds on bench's INBOX; "not interested"
  replies to prospects with a sent message are submitted to Postfix one after another, and each is timed
  from Postfix's "queued" until the prospect is closed_no in the store, against a plain IDLE client on the
  same mailbox timed until Dovecot tells it of the message. The spread of each is in the bench's log.

Not part of `scripts/test`. Run `scripts/bench` (6-7 minutes from a fresh clone) or `scripts/bench --quick`
(tiny sizes, one round, under a minute; exits non-zero when a followup command fails).
"""

if __name__ == "__main__":
    main()
