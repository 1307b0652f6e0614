"""Peer-only workloads for features followup does not have yet (classify, poll); run in the bench venv.

usage: peers.py classify talon|erp N        extract the new text of N generated replies
       peers.py write-replies N FILE        write the same N generated replies as a JSON array (for followup)
       peers.py classify-files talon|erp DIR  parse every .eml under DIR with Python's email package and extract the new text
       peers.py poll-first FOLDER           imap-tools: fetch every message of FOLDER (bench@example.test)
       peers.py poll-since FOLDER UIDFILE   imap-tools: fetch messages above the UID in UIDFILE, then store the new top UID
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import datagen  # noqa: E402

RIG = os.environ.get("FOLLOWUP_RIG", "/tmp/followup-rig")


def mailbox(folder):
    import ssl
    from imap_tools import MailBox
    ctx = ssl.create_default_context(cafile=f"{RIG}/tls/cert.pem")
    box = MailBox("127.0.0.1", 1993, ssl_context=ctx).login("bench@example.test", "secret")
    box.folder.set(folder, readonly=True)
    return box


def main():
    what = sys.argv[1]
    if what == "classify":
        replies = datagen.reply_mix(int(sys.argv[3]))
        if sys.argv[2] == "talon":
            from talon import quotations
            new = [quotations.extract_from_plain(r) for r in replies]
        else:
            from email_reply_parser import EmailReplyParser
            new = [EmailReplyParser.parse_reply(r) for r in replies]
        if any(not t.strip() for t in new):
            sys.exit("a reply came out empty")
    elif what == "write-replies":
        import json
        with open(sys.argv[3], "w") as f:
            json.dump(datagen.reply_mix(int(sys.argv[2])), f)
    elif what == "classify-files":
        import email
        from email import policy
        texts = []
        for root, _, names in os.walk(sys.argv[3]):
            for name in names:
                if name.endswith(".eml"):
                    with open(os.path.join(root, name), "rb") as f:
                        msg = email.message_from_binary_file(f, policy=policy.default)
                    part = msg.get_body(preferencelist=("plain", "html"))
                    try:
                        texts.append(part.get_content() if part else "")
                    except Exception:
                        texts.append("")
        if sys.argv[2] == "talon":
            from talon import quotations
            [quotations.extract_from_plain(t) for t in texts]
        else:
            from email_reply_parser import EmailReplyParser
            [EmailReplyParser.parse_reply(t) for t in texts]
    elif what == "poll-first":
        with mailbox(sys.argv[2]) as box:
            n = sum(1 for m in box.fetch(mark_seen=False, bulk=True) if m.subject is not None)
        print(n)
    elif what == "poll-since":
        from imap_tools import AND, U
        with open(sys.argv[3]) as f:
            last = int(f.read().strip())
        with mailbox(sys.argv[2]) as box:
            uids = [int(m.uid) for m in box.fetch(AND(uid=U(last + 1, "*")), mark_seen=False, bulk=True) if int(m.uid) > last]
        print(len(uids))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
