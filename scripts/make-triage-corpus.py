#!/usr/bin/env python3
"""Writes the labelled triage corpus (deterministic). Every message is fictional and written for this project.

Usage: python3 scripts/make-triage-corpus.py   (from the package root)
Output: Tests/TriageTests/Fixtures/corpus/<class>/<name>.eml (+ optional <name>.json sidecar with expected values)
"""
import base64, json, os, shutil

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "TriageTests", "Fixtures", "corpus")
CLASSES = ["bounce-permanent", "bounce-temporary", "auto-reply", "complaint", "human-no", "human-remove",
           "human-positive", "human-later", "human-referral", "human-unclear"]
ME = "Kira Moore <kira@example.com>"
ME_ADDR = "kira@example.com"
SUBJECT = "Quick question about your onboarding"
REPLY_DATE = "Tue, 01 Dec 2026 10:42:00 +0000"
OUR_ID = "<step4.8c1f@mail.example.com>"

NOTE = """Hi {first},

I've left you a few messages and I don't want to keep bothering you, but it's my job to connect with you. If you're not interested, just tell me and I'll take you off my list. Otherwise, I will assume you are interested but exceedingly busy and I will keep trying until we connect.

Thanks!
Kira Moore
Moore Consulting, 1 Main Street, Springfield

To stop these emails, reply "unsubscribe"."""

written = {c: 0 for c in CLASSES}


def crlf(text):
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def write(cls, name, raw, sidecar=None):
    d = os.path.join(ROOT, cls)
    os.makedirs(d, exist_ok=True)
    path = os.path.join(d, name + ".eml")
    assert not os.path.exists(path), path
    with open(path, "wb") as f:
        f.write(crlf(raw).encode("utf-8") if isinstance(raw, str) else raw)
    if sidecar:
        with open(os.path.join(d, name + ".json"), "w") as f:
            json.dump(sidecar, f, indent=1, sort_keys=True, ensure_ascii=False)
    written[cls] += 1


def headers(frm, to, subject, date=REPLY_DATE, extra="", msgid=None, reply=True):
    h = f"From: {frm}\nTo: {to}\nSubject: {subject}\nDate: {date}\nMessage-ID: <{msgid or 'm' + str(sum(written.values()))}@mail.example.net>\nMIME-Version: 1.0\n"
    if reply:
        h += f"In-Reply-To: {OUR_ID}\nReferences: {OUR_ID}\n"
    return h + extra


def qp_utf8(text):
    """8bit UTF-8 body headers (readers must cope)."""
    return "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n"


def b64(text):
    data = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return "\n".join(data[i:i + 76] for i in range(0, len(data), 76))


def quoted(text, prefix="> "):
    return "\n".join((prefix + line).rstrip() if line else prefix.rstrip() for line in text.split("\n"))


def html_escape(t):
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def html_paras(t):
    return "".join(f"<p>{html_escape(p).replace(chr(10), '<br>')}</p>" for p in t.split("\n\n"))


# ---------------------------------------------------------------- quoting styles

ATTR = {
    "en": "On Mon, Nov 30, 2026 at 9:15 AM Kira Moore <kira@example.com> wrote:",
    "de": "Am Mo., 30. Nov. 2026 um 09:15 Uhr schrieb Kira Moore <kira@example.com>:",
    "fr": "Le lun. 30 nov. 2026 à 09:15, Kira Moore <kira@example.com> a écrit :",
    "es": "El lun, 30 nov 2026 a las 9:15, Kira Moore (<kira@example.com>) escribió:",
    "it": "Il giorno lun 30 nov 2026 alle ore 09:15 Kira Moore <kira@example.com> ha scritto:",
    "nl": "Op ma 30 nov. 2026 om 09:15 schreef Kira Moore <kira@example.com>:",
    "pt": "Em seg., 30 de nov. de 2026 às 09:15, Kira Moore <kira@example.com> escreveu:",
}
OUTLOOK = {
    "en": ("-----Original Message-----", "From", "Sent", "To", "Subject", "Monday, November 30, 2026 9:15 AM"),
    "de": ("-----Ursprüngliche Nachricht-----", "Von", "Gesendet", "An", "Betreff", "Montag, 30. November 2026 09:15"),
    "fr": ("-----Message d'origine-----", "De\u00a0", "Envoyé\u00a0", "À\u00a0", "Objet\u00a0", "lundi 30 novembre 2026 09:15"),
    "es": ("-----Mensaje original-----", "De", "Enviado el", "Para", "Asunto", "lunes, 30 de noviembre de 2026 9:15"),
    "it": ("-----Messaggio originale-----", "Da", "Inviato", "A", "Oggetto", "lunedì 30 novembre 2026 09:15"),
    "nl": ("-----Oorspronkelijk bericht-----", "Van", "Verzonden", "Aan", "Onderwerp", "maandag 30 november 2026 09:15"),
    "pt": ("-----Mensagem original-----", "De", "Enviada em", "Para", "Assunto", "segunda-feira, 30 de novembro de 2026 09:15"),
}


def outlook_block(lang, to, underscores=False):
    sep, f, s, t, subj, when = OUTLOOK[lang]
    head = "________________________________" if underscores else sep
    return f"{head}\n{f}: Kira Moore <kira@example.com>\n{s}: {when}\n{t}: {to}\n{subj}: {SUBJECT}\n"


def style_gmail(reply, lang, to, first, sig):
    body = f"{reply}{sig}\n\n{ATTR[lang]}\n\n{quoted(NOTE.format(first=first))}\n"
    return qp_utf8(body) + "\n" + body


def style_gmail_wrapped(reply, lang, to, first, sig):
    attr = ATTR[lang]
    cut = attr.rfind(" ", 0, len(attr) - 8)
    body = f"{reply}{sig}\n\n{attr[:cut]}\n{attr[cut + 1:]}\n\n{quoted(NOTE.format(first=first))}\n"
    return qp_utf8(body) + "\n" + body


def style_gmail_html(reply, lang, to, first, sig):
    plain = f"{reply}{sig}\n\n{ATTR[lang]}\n\n{quoted(NOTE.format(first=first))}\n"
    html = (f'<div dir="ltr">{html_paras(reply + sig)}</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">'
            f'{html_escape(ATTR[lang])}<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">'
            f'{html_paras(NOTE.format(first=first))}</blockquote></div>')
    return ('Content-Type: multipart/alternative; boundary="alt42"\n\n--alt42\nContent-Type: text/plain; charset=utf-8\n'
            f'Content-Transfer-Encoding: base64\n\n{b64(plain)}\n--alt42\nContent-Type: text/html; charset=utf-8\n'
            f'Content-Transfer-Encoding: base64\n\n{b64(html)}\n--alt42--\n')


def style_gmail_html_only(reply, lang, to, first, sig):
    html = (f'<html><body><div dir="ltr">{html_paras(reply + sig)}</div><div class="gmail_quote"><div class="gmail_attr">'
            f'{html_escape(ATTR[lang])}</div><blockquote class="gmail_quote">{html_paras(NOTE.format(first=first))}</blockquote></div></body></html>')
    return f"Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n{b64(html)}\n"


def style_outlook(reply, lang, to, first, sig):
    body = f"{reply}{sig}\n\n{outlook_block(lang, to)}\n{NOTE.format(first=first)}\n"
    return qp_utf8(body) + "\n" + body


def style_outlook_underscore(reply, lang, to, first, sig):
    body = f"{reply}{sig}\n\n{outlook_block(lang, to, underscores=True)}\n{NOTE.format(first=first)}\n"
    return qp_utf8(body) + "\n" + body


def style_outlook_desktop_html(reply, lang, to, first, sig):
    sep, f, s, t, subj, when = OUTLOOK[lang]
    html = (f'<html><head><style>p.MsoNormal{{margin:0cm}}</style></head><body lang="EN-US"><div class="WordSection1">'
            f'{html_paras(reply + sig)}<div><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">'
            f'<p class="MsoNormal"><b>{f}:</b> Kira Moore &lt;kira@example.com&gt;<br><b>{s}:</b> {when}<br><b>{t}:</b> {html_escape(to)}<br>'
            f'<b>{subj}:</b> {SUBJECT}</p></div></div>{html_paras(NOTE.format(first=first))}</div></body></html>')
    return f"Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n{b64(html)}\n"


def style_outlook_web(reply, lang, to, first, sig):
    sep, f, s, t, subj, when = OUTLOOK[lang]
    html = (f'<html><body><div style="font-family:Calibri">{html_paras(reply + sig)}</div>'
            f'<hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri" style="font-size:11pt">'
            f'<b>{f}:</b> Kira Moore &lt;kira@example.com&gt;<br><b>{s}:</b> {when}<br><b>{t}:</b> {html_escape(to)}<br><b>{subj}:</b> {SUBJECT}</font>'
            f'<div>&nbsp;</div></div><div>{html_paras(NOTE.format(first=first))}</div></body></html>')
    return f"Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n{qp_encode(html)}\n"


def qp_encode(text):
    out, line = [], ""
    for ch in text.encode("utf-8"):
        c = chr(ch)
        tok = c if (33 <= ch <= 126 and c != "=") or c == " " else f"={ch:02X}"
        if len(line) + len(tok) > 74:
            out.append(line + "=")
            line = ""
        line += tok
    out.append(line)
    return "\n".join(out)


def style_apple(reply, lang, to, first, sig):
    body = f"{reply}{sig}\n\n> On 30 Nov 2026, at 09:15, Kira Moore <kira@example.com> wrote:\n> \n{quoted(NOTE.format(first=first))}\n"
    return qp_utf8(body) + "\n" + body


def style_apple_unquoted_attr(reply, lang, to, first, sig):
    body = f"{reply}{sig}\n\nOn Nov 30, 2026, at 9:15 AM, Kira Moore <kira@example.com> wrote:\n\n{quoted(NOTE.format(first=first))}\n"
    return qp_utf8(body) + "\n" + body


def style_ios(reply, lang, to, first, sig):
    footer = {"en": "Sent from my iPhone", "de": "Von meinem iPhone gesendet", "fr": "Envoyé de mon iPhone", "es": "Enviado desde mi iPhone",
              "it": "Inviato da iPhone", "nl": "Verstuurd vanaf mijn iPhone", "pt": "Enviado do meu iPhone"}[lang]
    body = f"{reply}\n\n{footer}\n\n> On Nov 30, 2026, at 09:15, Kira Moore <kira@example.com> wrote:\n> \n{quoted(NOTE.format(first=first))}\n"
    return qp_utf8(body) + "\n" + body


def style_android(reply, lang, to, first, sig):
    body = f"{reply}{sig}\n\nOn Mon, 30 Nov 2026, 09:15 Kira Moore, <kira@example.com> wrote:\n\n{quoted(NOTE.format(first=first))}\n"
    return qp_utf8(body) + "\n" + body


def style_thunderbird(reply, lang, to, first, sig):
    body = f"{reply}{sig}\n\nOn 30.11.26 09:15, Kira Moore wrote:\n{quoted(NOTE.format(first=first), '> ')}\n"
    return qp_utf8(body) + "\n" + body


def style_bottom(reply, lang, to, first, sig):
    body = f"{ATTR[lang]}\n{quoted(NOTE.format(first=first))}\n\n{reply}{sig}\n"
    return qp_utf8(body) + "\n" + body


def style_interleaved(reply, lang, to, first, sig):
    paras = NOTE.format(first=first).split("\n\n")
    body = (f"On 30/11/2026 09:15, Kira Moore wrote:\n{quoted(paras[0])}\n{quoted(paras[1])}\n\n{reply}\n\n"
            f"{quoted(chr(10).join(paras[2:]))}\n{sig.strip()}\n")
    return qp_utf8(body) + "\n" + body


STYLES = [
    ("gmail", style_gmail), ("outlook", style_outlook), ("apple", style_apple), ("gmailhtml", style_gmail_html),
    ("outlookweb", style_outlook_web), ("ios", style_ios), ("android", style_android), ("thunderbird", style_thunderbird),
    ("bottom", style_bottom), ("outlookul", style_outlook_underscore), ("gmailwrap", style_gmail_wrapped),
    ("outlookhtml", style_outlook_desktop_html), ("htmlonly", style_gmail_html_only), ("interleaved", style_interleaved),
    ("appleattr", style_apple_unquoted_attr),
]

PEOPLE = [("Jane", "Jane Doe", "jane.doe@example.net"), ("Omar", "Omar Haddad", "omar@example.org"), ("Lena", "Lena Vogt", "lena.vogt@example.org"),
          ("Paul", "Paul Girard", "p.girard@example.net"), ("Sofia", "Sofía Ruiz", "sofia.ruiz@example.org"), ("Marco", "Marco Bellini", "m.bellini@example.net"),
          ("Femke", "Femke de Vries", "femke@example.org"), ("João", "João Silva", "joao.silva@example.net"), ("Ruth", "Ruth Okafor", "ruth@example.test")]

SIGS = [
    "",
    "\n\nBest regards,\n{name}\nHead of Operations\nExample Logistics Ltd.\n+1 555 0100",
    "\n\n-- \n{name}\nExample Analytics | www.example.net",
    "\n\nThanks,\n{name}\n\nThis e-mail and any attachments are confidential and intended solely for the addressee. If you are not the intended recipient, please notify the sender and delete it. To unsubscribe from our newsletter, visit www.example.org/prefs.",
    "\n\nCheers,\n{name}",
    "\n\nKind regards\n{name}\n\nCONFIDENTIALITY NOTICE: This message may contain confidential information. If you received it in error, please notify the sender. You are receiving this because you are subscribed to updates; unsubscribe at any time.",
]

LOCAL_SIGS = {"de": "\n\nMit freundlichen Grüßen\n{name}", "fr": "\n\nCordialement,\n{name}", "es": "\n\nSaludos,\n{name}",
              "it": "\n\nCordiali saluti\n{name}", "nl": "\n\nMet vriendelijke groet,\n{name}", "pt": "\n\nAtenciosamente,\n{name}"}

# (language, reply text, sidecar) per class
REPLIES = {
    "human-no": [
        ("en", "Thanks for reaching out, but we're not interested.", None),
        ("en", "No thanks, we already have a vendor for this.", None),
        ("en", "We're all set on this front. Please don't follow up.", None),
        ("en", "Appreciate the persistence, but this is not a fit for us.", None),
        ("en", "Hi Kira,\n\nI'm not interested. We already work with another agency.", None),
        ("de", "Vielen Dank, aber wir haben kein Interesse.", None),
        ("de", "Nein danke, wir haben bereits einen Anbieter.", None),
        ("fr", "Merci, mais nous ne sommes pas intéressés.", None),
        ("fr", "Non merci, nous avons déjà un prestataire.", None),
        ("es", "Gracias, pero no nos interesa.", None),
        ("es", "No gracias, ya tenemos un proveedor.", None),
        ("it", "Grazie, ma non ci interessa.", None),
        ("nl", "Bedankt, maar we hebben geen interesse.", None),
        ("pt", "Obrigado, mas não temos interesse.", None),
        ("en", "Not interested. Thanks anyway.", None),
        ("en", "We decided to go with someone else, so we'll pass. No thank you.", None),
    ],
    "human-remove": [
        ("en", "Please remove me from your list.", None),
        ("en", "Unsubscribe", None),
        ("en", "Stop emailing me.", None),
        ("en", "Take me off your mailing list, please.", None),
        ("en", "Under GDPR, please delete my data and do not contact me again.", None),
        ("en", "Not interested. Remove me from your list.", None),
        ("de", "Bitte tragen Sie mich aus Ihrem Verteiler aus.", None),
        ("de", "Bitte austragen und keine E-Mails mehr.", None),
        ("fr", "Merci de me désinscrire de votre liste.", None),
        ("fr", "Ne me contactez plus, s'il vous plaît.", None),
        ("es", "Por favor, darme de baja de su lista.", None),
        ("it", "Cancellami dalla vostra lista, grazie.", None),
        ("nl", "Graag uitschrijven, bedankt.", None),
        ("pt", "Por favor, descadastrar meu e-mail.", None),
        ("en", "unsubscribe me please", None),
    ],
    "human-positive": [
        ("en", "Sounds interesting. Can we talk on Thursday afternoon?", None),
        ("en", "Yes, let's set up a call next Tuesday.", None),
        ("en", "Hi Kira, I'm interested. Could you send more info about pricing?", None),
        ("en", "Happy to chat. What does your calendar look like this week?", None),
        ("en", "No problem, let's talk. Does Friday at 2pm work?", None),
        ("en", "Sorry for the slow reply! Yes, I'd love to learn more.", None),
        ("de", "Klingt interessant, lassen Sie uns telefonieren.", None),
        ("de", "Gerne, schicken Sie mir bitte mehr Informationen.", None),
        ("fr", "Ça m'intéresse, pouvons-nous fixer un rendez-vous ?", None),
        ("fr", "Oui, avec plaisir. Quel est le prix ?", None),
        ("es", "Me interesa, ¿podemos hablar esta semana?", None),
        ("es", "Suena bien, hablemos el jueves.", None),
        ("it", "Mi interessa, sentiamoci giovedì.", None),
        ("nl", "Klinkt goed, laten we volgende week bellen.", None),
        ("pt", "Tenho interesse, vamos conversar?", None),
        ("en", "Let's do it. Send me a calendar link.", None),
    ],
    "human-later": [
        ("en", "Not right now, but try me in Q3.", {"later_date": "2027-07-01"}),
        ("en", "We're busy until 15 January, please reach out after that.", {"later_date": "2027-01-15"}),
        ("en", "Interested, but not now. Can you reach out in March?", {"later_date": "2027-03-01"}),
        ("en", "Not interested right now, maybe next quarter.", {"later_date": "2027-01-01"}),
        ("en", "Bad timing for us. Circle back after the holidays.", None),
        ("en", "Please check back next year, budgets are frozen.", {"later_date": "2027-01-01"}),
        ("de", "Im Moment nicht, melden Sie sich gerne im Februar wieder.", {"later_date": "2027-02-01"}),
        ("de", "Derzeit nicht, vielleicht nächstes Jahr.", {"later_date": "2027-01-01"}),
        ("fr", "Pas pour le moment, recontactez-moi après les fêtes.", None),
        ("fr", "Pas maintenant, mais le trimestre prochain peut-être.", {"later_date": "2027-01-01"}),
        ("es", "Ahora no, pero escríbame en abril.", {"later_date": "2027-04-01"}),
        ("it", "Non ora, ricontattami il prossimo trimestre.", {"later_date": "2027-01-01"}),
        ("nl", "Op dit moment niet, neem in september contact op.", {"later_date": "2027-09-01"}),
        ("pt", "Agora não, entre em contato em março.", {"later_date": "2027-03-01"}),
        ("en", "Swamped until 2027-02-10. Ping me again then.", {"later_date": "2027-02-10"}),
    ],
    "human-referral": [
        ("en", "I'm not the right person for this. Please contact my colleague Dana Whitfield at dana.whitfield@example.org.", {"referral_address": "dana.whitfield@example.org"}),
        ("en", "I've forwarded your email to our head of operations, sam.ortiz@example.net.", {"referral_address": "sam.ortiz@example.net"}),
        ("en", "Sorry, I left the company in October. Please reach out to lee.park@example.net instead.", {"referral_address": "lee.park@example.net"}),
        ("en", "Wrong person, I'm afraid. Talk to Priya in procurement: priya@example.org", {"referral_address": "priya@example.org"}),
        ("en", "Our CFO handles this, you should speak with her directly.", None),
        ("de", "Ich bin nicht der richtige Ansprechpartner. Wenden Sie sich bitte an meine Kollegin anna.berg@example.org.", {"referral_address": "anna.berg@example.org"}),
        ("fr", "Je ne suis pas la bonne personne, contactez plutôt marc.durand@example.org.", {"referral_address": "marc.durand@example.org"}),
        ("es", "No soy la persona adecuada; escriba a lucia.gomez@example.net.", {"referral_address": "lucia.gomez@example.net"}),
        ("it", "Non sono la persona giusta, ho inoltrato la mail a giulia@example.org.", {"referral_address": "giulia@example.org"}),
        ("nl", "Ik ben niet de juiste persoon. Neem contact op met pieter@example.org.", {"referral_address": "pieter@example.org"}),
        ("pt", "Não sou a pessoa certa, fale com ana.costa@example.net.", {"referral_address": "ana.costa@example.net"}),
        ("en", "Not my area. I'm cc'ing Tom, who is in charge of vendor selection.", None),
    ],
    "human-unclear": [
        ("en", "I'm not sure we're interested.", None),
        ("en", "We're not uninterested, but I need to check with my team.", None),
        ("en", "Who gave you my address?", None),
        ("en", "What is this about?", None),
        ("en", "Interesting, but we already use a competitor.", None),
        ("en", "Maybe. Not sure yet.", None),
        ("de", "Ich weiß nicht, ob das für uns passt.", None),
        ("fr", "Je ne sais pas encore, peut-être.", None),
        ("es", "No estoy seguro, tal vez.", None),
        ("it", "Forse, non so.", None),
        ("nl", "Misschien, ik weet het niet.", None),
        ("pt", "Talvez, não sei.", None),
        ("en", "Thanks", None),
    ],
}


def human_corpus():
    counter = 0
    for cls, replies in REPLIES.items():
        # every reply in 2 styles (rotating), so every style meets every class
        for idx, (lang, text, sidecar) in enumerate(replies):
            for rep in range(2):
                sname, sfun = STYLES[(idx * 2 + rep + len(cls)) % len(STYLES)]
                first, name, addr = PEOPLE[(idx + rep) % len(PEOPLE)]
                if lang != "en" and rep == 0:
                    sig = LOCAL_SIGS[lang].format(name=name)
                else:
                    sig = SIGS[(idx + rep * 3) % len(SIGS)].format(name=name)
                if cls == "human-remove" and "unsubscribe" in sig.lower():
                    sig = ""  # keep remove cases about the person's words
                frm = f"{name} <{addr}>"
                subj_prefix = {"de": "AW: ", "fr": "RE : ", "es": "RE: ", "it": "R: ", "nl": "Re: ", "pt": "RES: "}.get(lang, "Re: ")
                if sname in ("outlook", "outlookul", "outlookweb", "outlookhtml"):
                    subj_prefix = {"de": "AW: ", "fr": "RE : "}.get(lang, "RE: ")
                raw = headers(frm, ME, subj_prefix + SUBJECT) + sfun(text, lang, ME, first, sig)
                counter += 1
                write(cls, f"{lang}-{sname}-{idx:02d}{'ab'[rep]}", raw, sidecar)


MATRIX_POSITIVE = {"en": "Sounds good, let's set up a call.", "de": "Klingt gut, lassen Sie uns telefonieren.",
                   "fr": "Ça m'intéresse, appelons-nous jeudi.", "es": "Me interesa, hablemos el jueves.", "it": "Mi interessa, sentiamoci giovedì.",
                   "nl": "Klinkt goed, laten we bellen.", "pt": "Tenho interesse, vamos conversar."}
MATRIX_REMOVE = {"en": "Please remove me from your list.", "de": "Bitte tragen Sie mich aus Ihrem Verteiler aus.", "fr": "Merci de me désinscrire.",
                 "es": "Por favor, darme de baja.", "it": "Cancellami dalla lista.", "nl": "Graag uitschrijven.", "pt": "Por favor, descadastrar meu e-mail."}


def matrix_corpus():
    """Every language in every quoting style: a positive reply quoting the note (never no/remove), and remove under the quote."""
    for li, lang in enumerate(["en", "de", "fr", "es", "it", "nl", "pt"]):
        for si, (sname, sfun) in enumerate(STYLES):
            first, name, addr = PEOPLE[(li + si) % len(PEOPLE)]
            sig = (LOCAL_SIGS.get(lang, SIGS[1]) if si % 2 == 0 else SIGS[(li + si) % len(SIGS)]).format(name=name)
            raw = headers(f"{name} <{addr}>", ME, "Re: " + SUBJECT) + sfun(MATRIX_POSITIVE[lang], lang, ME, first, sig)
            write("human-positive", f"matrix-{lang}-{sname}", raw)
        for sname, sfun in [("bottom", style_bottom), ("interleaved", style_interleaved)]:
            first, name, addr = PEOPLE[li % len(PEOPLE)]
            raw = headers(f"{name} <{addr}>", ME, "Re: " + SUBJECT) + sfun(MATRIX_REMOVE[lang], lang, ME, first, "")
            write("human-remove", f"matrix-{lang}-{sname}", raw)


def hand_written_humans():
    # subject-only unsubscribe with an empty body
    write("human-remove", "subject-only-unsubscribe", headers("Ruth Okafor <ruth@example.test>", ME, "unsubscribe") + qp_utf8("") + "\n\n")
    write("human-remove", "subject-only-remove-me", headers("Omar Haddad <omar@example.org>", ME, "Remove me") + qp_utf8("") + "\n" +
          f"\nOn Mon, Nov 30, 2026 at 9:15 AM Kira Moore <kira@example.com> wrote:\n{quoted(NOTE.format(first='Omar'))}\n")
    # HTML-only remove, no quote
    html = "<html><body><div>Please take me off your list.</div><div><br></div><div>Jane</div></body></html>"
    write("human-remove", "html-only-take-me-off", headers("Jane Doe <jane.doe@example.net>", ME, "Re: " + SUBJECT) +
          f"Content-Type: text/html; charset=utf-8\n\n{html}\n")
    # remove written under the quote, outlook-less plain bottom post with signature disclaimer
    body = f"{quoted(NOTE.format(first='Paul'))}\n\nremove me\n\n-- \nPaul"
    write("human-remove", "bottom-remove-no-attribution", headers("Paul Girard <p.girard@example.net>", ME, "Re: " + SUBJECT) + qp_utf8("") + "\n" + body + "\n")
    # positive reply with quoted note in '>' style and a disclaimer that says unsubscribe
    body = ("Yes, I'm interested. Let's find a time next week.\n\nRuth\n\nThis message is confidential. If you are not the intended recipient "
            "please delete it. To unsubscribe from this list send a blank email to leave@example.test.\n\n" + quoted(NOTE.format(first="Ruth")))
    write("human-positive", "disclaimer-unsubscribe-footer", headers("Ruth Okafor <ruth@example.test>", ME, "Re: " + SUBJECT) + qp_utf8("") + "\n" + body + "\n")
    # a new subject written by the person, empty body
    write("human-positive", "subject-only-interested", headers("Omar Haddad <omar@example.org>", ME, "Interested - let's talk") + qp_utf8("") + "\n\n")
    # later with an ISO date and an out-of-office-like phrase from a human
    body = "I'm on holiday right now. Not now, but try me again on 11 January.\n\nLena"
    write("human-later", "human-holiday-try-again", headers("Lena Vogt <lena.vogt@example.org>", ME, "Re: " + SUBJECT) + qp_utf8("") + "\n" + body + "\n",
          {"later_date": "2027-01-11"})
    # mixed: not now + interested, Windows-1252 body
    body = "Interested, but not right now \u2013 reach out in Q2 please. Café meeting later?"
    raw = (headers("Paul Girard <p.girard@example.net>", ME, "RE: " + SUBJECT) + "Content-Type: text/plain; charset=windows-1252\n\n").encode("ascii") + \
        crlf(body + "\n").encode("cp1252")
    write("human-later", "cp1252-q2", raw, {"later_date": "2027-04-01"})
    # unclear: empty reply with our subject
    write("human-unclear", "empty-reply", headers("Jane Doe <jane.doe@example.net>", ME, "Re: " + SUBJECT) + qp_utf8("") + "\n\n" +
          f"{ATTR['en']}\n{quoted(NOTE.format(first='Jane'))}\n")
    # whole-reply stop / no
    write("human-remove", "whole-reply-stop", headers("Ruth Okafor <ruth@example.test>", ME, "Re: " + SUBJECT) + qp_utf8("") + "\nSTOP\n\n" + quoted(NOTE.format(first="Ruth")) + "\n")
    write("human-no", "whole-reply-no", headers("Paul Girard <p.girard@example.net>", ME, "Re: " + SUBJECT) + qp_utf8("") + "\nNo.\n\n" +
          "On Mon, Nov 30, 2026 at 9:15 AM Kira Moore <kira@example.com> wrote:\n" + quoted(NOTE.format(first="Paul")) + "\n")
    # footer line offering an unsubscribe link under a positive reply
    write("human-positive", "footer-unsubscribe-link", headers("Marco Bellini <m.bellini@example.net>", ME, "Re: " + SUBJECT) + qp_utf8("") +
          "\nSounds good, send me a few time slots.\n\nMarco Bellini\nExample Foods | www.example.net | Unsubscribe from our updates\n\n" + quoted(NOTE.format(first="Marco")) + "\n")
    # "please don't unsubscribe me"
    write("human-positive", "dont-unsubscribe-me", headers("Lena Vogt <lena.vogt@example.org>", ME, "Re: " + SUBJECT) + qp_utf8("") +
          "\nPlease do not unsubscribe me, I want to hear more about this.\n")
    # a human on vacation who still answers
    write("human-positive", "on-vacation-but-yes", headers("Femke de Vries <femke@example.org>", ME, "Re: " + SUBJECT) + qp_utf8("") +
          "\nI'm on vacation until Monday but yes, let's talk when I'm back.\n")
    # unclear: yes and no at once
    body = "Yes we're interested in the idea, but no thanks on the current offer."
    write("human-unclear", "yes-and-no", headers("Omar Haddad <omar@example.org>", ME, "Re: " + SUBJECT) + qp_utf8("") + "\n" + body + "\n")


# ---------------------------------------------------------------- auto-replies

AUTO = [
    ("en", "Out of Office: " + SUBJECT, "Thank you for your email. I am out of the office and will be back on Monday 7 December. For urgent matters, please contact ops@example.org.", "2026-12-07", "Auto-Submitted: auto-replied\n"),
    ("en", "Automatic reply: " + SUBJECT, "I'm out of the office until 12/07/2026 with limited access to email.", "2026-12-07", "X-Auto-Response-Suppress: All\n"),
    ("en", "Out of office", "I am currently away and back on Monday. I will reply when I return.", "2026-12-07", ""),
    ("en", "Automatic reply: " + SUBJECT, "I'm currently traveling with limited access to email.", None, "X-Autoreply: yes\n"),
    ("en", "Re: " + SUBJECT, "Thanks for your message. I am on annual leave returning December 14th, 2026. For anything urgent, write to desk@example.org.", "2026-12-14", "Precedence: auto_reply\n"),
    ("de", "Abwesenheitsnotiz: " + SUBJECT, "Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich 4. Dezember nicht im Büro und ab dem 7. Dezember wieder erreichbar.", "2026-12-07", "Auto-Submitted: auto-replied\n"),
    ("de", "Automatische Antwort: " + SUBJECT, "Ich bin im Urlaub und ab 07.12.2026 wieder im Büro. In dringenden Fällen wenden Sie sich an team@example.org.", "2026-12-07", ""),
    ("de", "Abwesend", "Ich bin zurück am 7. Dezember.", "2026-12-07", "X-Auto-Response-Suppress: DR, RN, NRN, OOF, AutoReply\n"),
    ("fr", "Réponse automatique : " + SUBJECT, "Je suis absent du bureau et serai de retour le 7 décembre.", "2026-12-07", "Auto-Submitted: auto-replied\n"),
    ("fr", "Absent du bureau", "Bonjour, je suis en congés jusqu'au 07/12/2026. En cas d'urgence, contactez accueil@example.org.", "2026-12-07", ""),
    ("fr", "Absent", "Je suis en déplacement, de retour lundi.", "2026-12-07", "X-Autorespond: yes\n"),
    ("es", "Respuesta automática: " + SUBJECT, "Estoy fuera de la oficina hasta el 7 de diciembre.", "2026-12-07", "Auto-Submitted: auto-replied\n"),
    ("es", "Fuera de la oficina", "Regresaré el lunes 7 de diciembre de 2026. Para asuntos urgentes escriba a soporte@example.org.", "2026-12-07", ""),
    ("it", "Risposta automatica: " + SUBJECT, "Sono fuori ufficio fino al 7 dicembre.", "2026-12-07", "Auto-Submitted: auto-replied\n"),
    ("it", "Fuori ufficio", "Sono in ferie. Rientrerò in ufficio il 07/12/2026.", "2026-12-07", ""),
    ("nl", "Automatisch antwoord: " + SUBJECT, "Ik ben afwezig tot en met 4 december en ben vanaf 7 december weer aanwezig.", "2026-12-07", "Auto-Submitted: auto-replied\n"),
    ("nl", "Afwezig", "Ik ben op vakantie tot 07-12-2026.", "2026-12-07", ""),
    ("pt", "Resposta automática: " + SUBJECT, "Estou fora do escritório até 7 de dezembro.", "2026-12-07", "Auto-Submitted: auto-replied\n"),
    ("pt", "Fora do escritório", "Estou de férias. Estarei de volta em 07/12/2026.", "2026-12-07", ""),
    ("en", "Re: " + SUBJECT, "Thank you for contacting Example Support. We have received your request and a member of our team will get back to you shortly. This is an automatic reply.", None, "Auto-Submitted: auto-replied\nPrecedence: bulk\n"),
    ("en", "Out of Office", "I'm on parental leave until 1 March 2027. For anything urgent, please email hello@example.net.", "2027-03-01", "Return-Path: <>\n"),
    ("en", "Automatic reply: " + SUBJECT, "I'm out of office on Thursday and Friday, back on December 8.", "2026-12-08", "Auto-Submitted: auto-replied\n"),
]


def auto_extra():
    # headerless Spanish out-of-office with a reply subject (body wording + return date decide)
    write("auto-reply", "es-headerless-body-only", headers("Sofía Ruiz <sofia.ruiz@example.org>", ME, "RE: " + SUBJECT) + qp_utf8("") +
          "\nEstoy de vacaciones hasta el 7 de diciembre. Para asuntos urgentes llame a recepción.\n", {"return_date": "2026-12-07"})
    # German HTML-only out-of-office
    html = "<html><body><p>Vielen Dank f&uuml;r Ihre Nachricht.</p><p>Ich bin bis 04.12.2026 im Urlaub und ab dem 07.12.2026 wieder im B&uuml;ro.</p></body></html>"
    write("auto-reply", "de-html-only", headers("Lena Vogt <lena.vogt@example.org>", ME, "Automatische Antwort: " + SUBJECT,
          extra="Auto-Submitted: auto-replied\n") + f"Content-Type: text/html; charset=utf-8\n\n{html}\n", {"return_date": "2026-12-07"})
    # Italian with Precedence: bulk only + subject
    write("auto-reply", "it-precedence-bulk", headers("Marco Bellini <m.bellini@example.net>", ME, "Fuori sede",
          extra="Precedence: bulk\n") + qp_utf8("") + "\nSono in trasferta, rientro lunedì 14 dicembre.\n", {"return_date": "2026-12-14"})
    # Portuguese, Dutch and French with encoded subjects
    write("auto-reply", "pt-encoded-subject", headers("João Silva <joao.silva@example.net>", ME, "=?utf-8?Q?Resposta_autom=C3=A1tica=3A_F=C3=A9rias?=") + qp_utf8("") +
          "\nEstou de férias e volto no dia 4 de janeiro de 2027.\n", {"return_date": "2027-01-04"})
    write("auto-reply", "nl-encoded-subject", headers("Femke de Vries <femke@example.org>", ME, "=?utf-8?B?" + base64.b64encode("Afwezigheidsbericht".encode()).decode() + "?=",
          extra="Auto-Submitted: auto-replied\n") + qp_utf8("") + "\nIk ben vanaf maandag 7 december weer op kantoor.\n", {"return_date": "2026-12-07"})
    write("auto-reply", "fr-weekday-only", headers("Paul Girard <p.girard@example.net>", ME, "Absence du bureau", extra="X-Autoreply: yes\n") + qp_utf8("") +
          "\nJe suis absent, je reviens jeudi.\n", {"return_date": "2026-12-03"})


def auto_corpus():
    for i, (lang, subj, text, date, extra) in enumerate(AUTO):
        frm = PEOPLE[i % len(PEOPLE)]
        raw = headers(f"{frm[1]} <{frm[2]}>", ME, subj, extra=extra) + qp_utf8("") + "\n" + text + "\n"
        write("auto-reply", f"{lang}-{i:02d}", raw, {"return_date": date})
    # HTML-only out-of-office quoting our note (Outlook)
    html = ("<html><body><p>I am out of the office until Friday 11 December 2026 with no access to email.</p>"
            "<hr><div id=\"divRplyFwdMsg\"><b>From:</b> Kira Moore<br><b>Sent:</b> Monday<br><b>Subject:</b> " + SUBJECT + "</div>"
            + html_paras(NOTE.format(first="Jane")) + "</body></html>")
    write("auto-reply", "en-html-oof-quoting-note", headers("Jane Doe <jane.doe@example.net>", ME, "Automatic reply: " + SUBJECT,
          extra="Auto-Submitted: auto-replied\nX-Auto-Response-Suppress: All\n") + f"Content-Type: text/html; charset=utf-8\n\n{html}\n",
          {"return_date": "2026-12-11"})
    # delivery success DSN: an auto_reply without return date
    dsn = ("Content-Type: multipart/report; report-type=delivery-status; boundary=\"r1\"\n\n--r1\nContent-Type: text/plain\n\n"
           "Your message was delivered to the following recipient.\n\n--r1\nContent-Type: message/delivery-status\n\n"
           "Reporting-MTA: dns; mx.example.net\n\nFinal-Recipient: rfc822; jane.doe@example.net\nAction: delivered\nStatus: 2.0.0\n\n--r1--\n")
    write("auto-reply", "dsn-success", headers("Mail Delivery System <MAILER-DAEMON@mx.example.net>", ME, "Successful Mail Delivery Report", reply=False) + dsn,
          {"return_date": None})
    write("auto-reply", "gmail-dsn-success-subject", headers("Mail Delivery Subsystem <mailer-daemon@example.net>", ME,
          "Delivery Status Notification (Success)", reply=False) + qp_utf8("") + "\nThis is an automatically generated Delivery Status Notification.\n\n"
          "Your message has been successfully relayed to the following recipients, but the requested delivery status notifications may not be generated by the destination.\n\n     omar@example.org\n",
          {"return_date": None})


# ---------------------------------------------------------------- bounces

def dsn_report(text, recipient, action, status, diag, mta="mx.example.net", original_to=None, boundary="b0und"):
    original_to = original_to or recipient
    return (f'Content-Type: multipart/report; report-type=delivery-status; boundary="{boundary}"\n\n'
            f"--{boundary}\nContent-Type: text/plain; charset=us-ascii\n\n{text}\n\n"
            f"--{boundary}\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; {mta}\nArrival-Date: Tue, 1 Dec 2026 10:40:01 +0000\n\n"
            f"Final-Recipient: rfc822; {recipient}\nOriginal-Recipient: rfc822;{recipient}\nAction: {action}\nStatus: {status}\n"
            f"Remote-MTA: dns; {mta}\nDiagnostic-Code: smtp; {diag}\n\n"
            f"--{boundary}\nContent-Type: message/rfc822\n\nFrom: {ME}\nTo: {original_to}\nSubject: {SUBJECT}\nMessage-ID: {OUR_ID}\n\n{NOTE.format(first='there')}\n\n--{boundary}--\n")


def bounce_corpus():
    P, T = "bounce-permanent", "bounce-temporary"
    daemon = lambda host: f"MAILER-DAEMON@{host} (Mail Delivery System)"

    def bh(frm, subj, extra=""):
        return headers(frm, ME, subj, extra="Auto-Submitted: auto-replied\n" + extra, reply=False)

    # Postfix with DSN
    write(P, "postfix-dsn-user-unknown", bh(daemon("mx.example.com"), "Undelivered Mail Returned to Sender") + dsn_report(
        "This is the mail system at host mx.example.com.\n\nI'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients.\n\n"
        "<nobody@example.net>: host mx.example.net[192.0.2.25] said: 550 5.1.1\n    <nobody@example.net>: Recipient address rejected: User unknown",
        "nobody@example.net", "failed", "5.1.1", "550 5.1.1 <nobody@example.net>: Recipient address rejected: User unknown"),
        {"recipients": ["nobody@example.net"], "status": "5.1.1"})
    write(T, "postfix-dsn-delayed", bh(daemon("mx.example.com"), "Delayed Mail (still being retried)") + dsn_report(
        "This is the mail system at host mx.example.com.\n\n####################################################################\n"
        "# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #\n####################################################################\n\n"
        "Your message could not be delivered for 4.0 hours.\nIt will be retried until it is 5.0 days old.",
        "slow@example.org", "delayed", "4.4.1", "connect to mx.example.org[192.0.2.7]:25: Connection timed out"),
        {"recipients": ["slow@example.org"], "status": "4.4.1"})
    write(T, "postfix-dsn-mailbox-full", bh(daemon("mx.example.com"), "Undelivered Mail Returned to Sender") + dsn_report(
        "This is the mail system at host mx.example.com.\n\nYour message could not be delivered to one or more recipients.",
        "busy.bee@example.org", "failed", "5.2.2", "552 5.2.2 <busy.bee@example.org>: Mailbox full"),
        {"recipients": ["busy.bee@example.org"], "status": "5.2.2"})
    # Refused for spam, policy or authentication: stop writing to the address, and warn.
    write(P, "postfix-dsn-spamhaus-block", bh(daemon("mx.example.com"), "Undelivered Mail Returned to Sender") + dsn_report(
        "This is the mail system at host mx.example.com.\n\nYour message could not be delivered to one or more recipients.",
        "ceo@example.org", "failed", "5.7.1", "554 5.7.1 Service unavailable; Client host [198.51.100.4] blocked using a block list"),
        {"recipients": ["ceo@example.org"], "status": "5.7.1"})
    # Exim plain text
    write(P, "exim-failed", bh("Mail Delivery System <Mailer-Daemon@mail.example.com>", "Mail delivery failed: returning message to sender") +
          qp_utf8("") + "\nThis message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered to one or more of its\n"
          "recipients. This is a permanent error. The following address(es) failed:\n\n  gone@example.net\n    host mx.example.net [192.0.2.10]\n"
          "    SMTP error from remote mail server after RCPT TO:<gone@example.net>:\n    550 5.1.1 <gone@example.net>: No such user here\n\n"
          "------ This is a copy of the message, including all the headers. ------\n\nFrom: Kira Moore <kira@example.com>\nTo: gone@example.net\nSubject: " + SUBJECT + "\n\nHi there\n",
          {"recipients": ["gone@example.net"], "status": "5.1.1"})
    write(T, "exim-quota", bh("Mail Delivery System <Mailer-Daemon@mail.example.com>", "Mail delivery failed: returning message to sender") +
          qp_utf8("") + "\nThis message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered to one or more of its\n"
          "recipients. The following address(es) failed:\n\n  full@example.org\n    host mx.example.org [192.0.2.11]\n"
          "    SMTP error from remote mail server after end of data:\n    452 4.2.2 The email account that you tried to reach is over quota\n",
          {"recipients": ["full@example.org"], "status": "4.2.2"})
    write(T, "exim-warning-delay", bh("Mail Delivery System <Mailer-Daemon@mail.example.com>", "Warning: message 1qZx2a-000Abc-7T delayed 24 hours") +
          qp_utf8("") + "\nThis message was created automatically by mail delivery software.\nA message that you sent has not yet been delivered to one or more of its\n"
          "recipients after more than 24 hours on the queue on mail.example.com.\n\n  later@example.org\n    Delay reason: SMTP error from remote mail server after initial connection:\n"
          "    421 4.3.2 Service shutting down\n\nNo action is required on your part. Delivery attempts will continue for some time.\n",
          {"recipients": ["later@example.org"], "status": "4.3.2"})
    # Sendmail with DSN
    write(P, "sendmail-returned-mail", bh("Mail Delivery Subsystem <MAILER-DAEMON@relay.example.com>", "Returned mail: see transcript for details") + dsn_report(
        "The original message was received at Tue, 1 Dec 2026 10:40:01 GMT\nfrom localhost [127.0.0.1]\n\n   ----- The following addresses had permanent fatal errors -----\n"
        "<ghost@example.org>\n    (reason: 550 5.1.1 <ghost@example.org>... User unknown)\n\n   ----- Transcript of session follows -----\n... while talking to mx.example.org.:\n>>> RCPT To:<ghost@example.org>\n<<< 550 5.1.1 <ghost@example.org>... User unknown",
        "ghost@example.org", "failed", "5.1.1", "550 5.1.1 <ghost@example.org>... User unknown", mta="relay.example.com"),
        {"recipients": ["ghost@example.org"], "status": "5.1.1"})
    write(T, "sendmail-warning-4h", bh("Mail Delivery Subsystem <MAILER-DAEMON@relay.example.com>", "Warning: could not send message for past 4 hours") +
          qp_utf8("") + "\n    **********************************************\n    **      THIS IS A WARNING MESSAGE ONLY      **\n    **  YOU DO NOT NEED TO RESEND YOUR MESSAGE  **\n"
          "    **********************************************\n\nThe original message was received at Tue, 1 Dec 2026 06:40:01 GMT\n\n   ----- Transcript of session follows -----\n"
          "<pending@example.net>... Deferred: Connection refused by mx.example.net.\nWarning: message still undelivered after 4 hours\nWill keep trying until message is 5 days old\n",
          {"recipients": ["pending@example.net"]})
    # qmail
    write(P, "qmail-no-mailbox", bh("MAILER-DAEMON@mail.example.org", "failure notice") + qp_utf8("") +
          "\nHi. This is the qmail-send program at mail.example.org.\nI'm afraid I wasn't able to deliver your message to the following addresses.\n"
          "This is a permanent error; I've given up. Sorry it didn't work out.\n\n<vanished@example.org>:\nSorry, no mailbox here by that name. (#5.1.1)\n\n"
          "--- Below this line is a copy of the message.\n\nFrom: Kira Moore <kira@example.com>\nTo: vanished@example.org\nSubject: " + SUBJECT + "\n",
          {"recipients": ["vanished@example.org"], "status": "5.1.1"})
    write(T, "qmail-temporary", bh("MAILER-DAEMON@mail.example.org", "failure notice") + qp_utf8("") +
          "\nHi. This is the qmail-send program at mail.example.org.\nI'm afraid I wasn't able to deliver your message to the following addresses.\n"
          "This is a permanent error; I've given up. Sorry it didn't work out.\n\n<stuffed@example.org>:\n192.0.2.30 does not like recipient.\nRemote host said: 552 5.2.2 Mailbox quota exceeded\nGiving up on 192.0.2.30.\n",
          {"recipients": ["stuffed@example.org"], "status": "5.2.2"})
    # Exchange / Office 365
    o365_text = ("Your message to nobody@example.net couldn't be delivered.\n\nnobody wasn't found at example.net.\n\nkira  Office 365  nobody\nAction Required\n\n"
                 "Unknown To address\n\nHow to Fix It\nThe address may be misspelled or may not exist.")
    write(P, "o365-recipient-not-found", bh("Microsoft Outlook <postmaster@example.onmicrosoft.test>", "Undeliverable: " + SUBJECT) + dsn_report(
        o365_text, "nobody@example.net", "failed", "5.1.10", "smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
        mta="EX1.example.onmicrosoft.test"), {"recipients": ["nobody@example.net"], "status": "5.1.10"})
    # Refused for spam, policy or authentication: stop writing to the address, and warn.
    write(P, "o365-spam-policy", bh("Microsoft Outlook <postmaster@example.onmicrosoft.test>", "Undeliverable: " + SUBJECT) + dsn_report(
        "Delivery has failed to these recipients or groups:\n\ncfo@example.org\nYour message wasn't delivered because the recipient's email provider rejected it.",
        "cfo@example.org", "failed", "5.7.1", "smtp;550 5.7.1 Message rejected due to content restrictions (spam)", mta="EX2.example.onmicrosoft.test"),
        {"recipients": ["cfo@example.org"], "status": "5.7.1"})
    exchange_html = ("<html><body><p><b><font color=\"#000066\">Delivery has failed to these recipients or groups:</font></b></p>"
                     "<p><a href=\"mailto:alumni@example.org\">alumni@example.org</a><br>The e-mail address you entered couldn't be found. Please check the recipient's e-mail address and try to resend the message.</p>"
                     "<p>Diagnostic information for administrators:</p><p>Generating server: EX3.example.org</p><p>alumni@example.org<br>#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##</p></body></html>")
    write(P, "exchange-2010-html", bh("Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@example.org>", "Undeliverable: " + SUBJECT) +
          f"Content-Type: text/html; charset=us-ascii\n\n{exchange_html}\n", {"recipients": ["alumni@example.org"], "status": "5.1.1"})
    # Gmail
    write(P, "gmail-address-not-found", bh("Mail Delivery Subsystem <mailer-daemon@example.com>", "Delivery Status Notification (Failure)") + dsn_report(
        "** Address not found **\n\nYour message wasn't delivered to typo@example.org because the address couldn't be found, or is unable to receive mail.\n\n"
        "The response from the remote server was:\n550 5.1.1 The email account that you tried to reach does not exist.",
        "typo@example.org", "failed", "5.1.1", "550-5.1.1 The email account that you tried to reach does not exist.", mta="mx.example.org"),
        {"recipients": ["typo@example.org"], "status": "5.1.1"})
    write(T, "gmail-delay", bh("Mail Delivery Subsystem <mailer-daemon@example.com>", "Delivery Status Notification (Delay)") + qp_utf8("") +
          "\n** Delivery incomplete **\n\nThere was a temporary problem delivering your message to wait@example.net. We'll retry for 47 more hours. You'll be notified if the delivery fails permanently.\n\n"
          "The response was:\nThe recipient server did not accept our requests to connect. [mx.example.net 192.0.2.44: timed out]\n",
          {"recipients": ["wait@example.net"]})
    write(P, "gmail-domain-not-found", bh("Mail Delivery Subsystem <mailer-daemon@example.com>", "Delivery Status Notification (Failure)") + qp_utf8("") +
          "\n** Address not found **\n\nYour message wasn't delivered to someone@nonexistent.example because the domain nonexistent.example couldn't be found. Check for typos or unnecessary spaces and try again.\n",
          {"recipients": ["someone@nonexistent.example"]})
    # Yahoo
    write(P, "yahoo-failure-notice", bh("MAILER-DAEMON@yahoo.example.com", "Failure Notice") + qp_utf8("") +
          "\nSorry, we were unable to deliver your message to the following address.\n\n<deadbox@example.net>:\nRemote host said: 554 5.1.1 <deadbox@example.net>: user doesn't have an account here [RCPT_TO]\n\n"
          "--- Below this line is a copy of the message.\n\nFrom: Kira Moore <kira@example.com>\nTo: deadbox@example.net\n",
          {"recipients": ["deadbox@example.net"], "status": "5.1.1"})
    write(T, "yahoo-deferred", bh("MAILER-DAEMON@yahoo.example.com", "Failure Notice") + qp_utf8("") +
          "\nSorry, we were unable to deliver your message to the following address.\n\n<bulky@example.net>:\nRemote host said: 421 4.7.0 [TSS04] Messages from 198.51.100.4 temporarily deferred due to unexpected volume or user complaints\n",
          {"recipients": ["bulky@example.net"], "status": "4.7.0"})
    # non-standard ones
    write(P, "domino-delivery-failure", bh("Postmaster <postmaster@notes.example.org>", "DELIVERY FAILURE: User linda.moss not listed in Domino Directory") + qp_utf8("") +
          "\nYour message\n\n  Subject: " + SUBJECT + "\n\nwas not delivered to:\n\n  linda.moss@notes.example.org\n\nbecause:\n\n  User linda.moss (linda.moss@notes.example.org) not listed in Domino Directory\n",
          {"recipients": ["linda.moss@notes.example.org"]})
    write(P, "german-unzustellbar", bh("MAILER-DAEMON <MAILER-DAEMON@mx.example.de.test>", "Unzustellbar: " + SUBJECT) + qp_utf8("") +
          "\nIhre Nachricht konnte nicht zugestellt werden.\n\nEmpfänger: <alt@example.org>\nGrund: 550 5.1.1 Empfänger unbekannt\n",
          {"recipients": ["alt@example.org"], "status": "5.1.1"})
    write(P, "mail-system-error-no-domain", bh("Mail Administrator <postmaster@mail.example.net>", "Mail System Error - Returned Mail") + qp_utf8("") +
          "\nThis message was undeliverable due to the following reason:\n\nThe domain example.invalid does not exist (no such domain).\n\n<sales@example.invalid>\n",
          {"recipients": ["sales@example.invalid"]})
    write(P, "mdaemon-permanent", bh("MDaemon <mdaemon@mail.example.org>", "Permanent Delivery Failure") + qp_utf8("") +
          "\nThe attached message had PERMANENT fatal delivery errors!\n\nAfter one or more unsuccessful delivery attempts the attached message has been removed from the mail queue on this server. "
          "The number and frequency of delivery attempts are determined by local configuration parameters.\n\nYOUR MESSAGE WAS NOT DELIVERED TO ANY OF ITS RECIPIENTS!\n\n"
          "--- Session Transcript ---\n RCPT TO:<retired@example.org>\n 550 5.1.1 Mailbox unavailable\n--- End Transcript ---\n",
          {"recipients": ["retired@example.org"], "status": "5.1.1"})
    write(P, "generic-returned-mail", bh("postmaster@example.net", "Returned mail: User unknown") + qp_utf8("") +
          "\nThe following message could not be delivered because the recipient address does not exist:\n\n    olduser@example.net\n",
          {"recipients": ["olduser@example.net"]})
    write(T, "dsn-delayed-no-text", bh(daemon("mx.example.com"), "Delivery Status Notification (Delay)") + dsn_report(
        "Delivery to the following recipient has been delayed:\n\n     queue@example.org\n\nMessage will be retried for 2 more day(s)",
        "queue@example.org", "delayed", "4.4.7", "smtp; 451 4.4.7 Temporary server error. Please try again later"),
        {"recipients": ["queue@example.org"], "status": "4.4.7"})
    write(T, "o365-mailbox-full", bh("Microsoft Outlook <postmaster@example.onmicrosoft.test>", "Undeliverable: " + SUBJECT) + dsn_report(
        "Your message to packed@example.net couldn't be delivered.\npacked's mailbox is full.",
        "packed@example.net", "failed", "5.2.2", "smtp;554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException", mta="EX4.example.onmicrosoft.test"),
        {"recipients": ["packed@example.net"], "status": "5.2.2"})
    write(P, "dsn-two-recipients", bh(daemon("mx.example.com"), "Undelivered Mail Returned to Sender") +
          'Content-Type: multipart/report; report-type=delivery-status; boundary="two"\n\n--two\nContent-Type: text/plain\n\nTwo recipients failed.\n\n'
          "--two\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.com\n\nFinal-Recipient: rfc822; a.one@example.org\nAction: failed\nStatus: 5.1.1\n"
          "Diagnostic-Code: smtp; 550 5.1.1 user unknown\n\nFinal-Recipient: rfc822; b.two@example.org\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 user unknown\n\n--two--\n",
          {"recipients": ["a.one@example.org", "b.two@example.org"], "status": "5.1.1"})
    # Refused for spam, policy or authentication: stop writing to the address, and warn.
    write(P, "dmarc-reject", bh(daemon("mx.example.com"), "Undelivered Mail Returned to Sender") + dsn_report(
        "This is the mail system at host mx.example.com.\n\nYour message could not be delivered.",
        "strict@example.org", "failed", "5.7.26", "550 5.7.26 Unauthenticated email is not accepted due to the sender's DMARC policy"),
        {"recipients": ["strict@example.org"], "status": "5.7.26"})


# ---------------------------------------------------------------- complaints

def complaint_corpus():
    C = "complaint"

    def arf(feedback_fields, original_to, boundary="arf1", headers_only=False):
        orig_type = "text/rfc822-headers" if headers_only else "message/rfc822"
        return (f'Content-Type: multipart/report; report-type=feedback-report; boundary="{boundary}"\n\n'
                f"--{boundary}\nContent-Type: text/plain; charset=us-ascii\n\nThis is an email abuse report for an email message received from IP 198.51.100.4.\n\n"
                f"--{boundary}\nContent-Type: message/feedback-report\n\nFeedback-Type: abuse\nUser-Agent: ExampleFBL/1.0\nVersion: 1\n{feedback_fields}\n"
                f"--{boundary}\nContent-Type: {orig_type}\n\nFrom: {ME}\nTo: {original_to}\nSubject: {SUBJECT}\nMessage-ID: {OUR_ID}\n"
                + ("" if headers_only else f"\n{NOTE.format(first='there')}\n") + f"\n--{boundary}--\n")

    write(C, "arf-original-rcpt-to", headers("Feedback Loop <fbl@isp.example.net>", ME, "Abuse report", reply=False) +
          arf("Original-Mail-From: <kira@example.com>\nOriginal-Rcpt-To: <angry@example.net>\nArrival-Date: Tue, 1 Dec 2026 09:00:00 +0000\n", "angry@example.net"),
          {"complaint_address": "angry@example.net"})
    write(C, "arf-embedded-to-only", headers("Example Mail Abuse <abuse@mail.example.org>", ME, "FW: " + SUBJECT, reply=False) +
          arf("Source-IP: 198.51.100.4\n", "grumpy@example.org"), {"complaint_address": "grumpy@example.org"})
    write(C, "arf-headers-only", headers("scomp@feedback.example.net", ME, "complaint about message from 198.51.100.4", reply=False) +
          arf("Original-Rcpt-To: irked@example.net\n", "irked@example.net", headers_only=True), {"complaint_address": "irked@example.net"})
    write(C, "hotmail-jmrp", headers("staff@hotmail.example.com", ME, "complaint about message from 198.51.100.4",
          extra="X-HmXmrOriginalRecipient: <fed.up@example.net>\n", reply=False) +
          'Content-Type: multipart/mixed; boundary="jm"\n\n--jm\nContent-Type: text/plain\n\nThis is a spam complaint.\n\n--jm\nContent-Type: message/rfc822\n\n'
          f"From: {ME}\nTo: fed.up@example.net\nSubject: {SUBJECT}\n\nHi\n\n--jm--\n", {"complaint_address": "fed.up@example.net"})
    write(C, "generic-fbl-spam-report", headers("Complaints Desk <complaints@esp.example.org>", ME, "Spam report for your campaign", reply=False) +
          'Content-Type: multipart/mixed; boundary="g1"\n\n--g1\nContent-Type: text/plain\n\nA recipient marked your message as spam.\n\n--g1\nContent-Type: message/rfc822\n\n'
          f"From: {ME}\nTo: mad@example.org\nSubject: {SUBJECT}\n\nHi\n\n--g1--\n", {"complaint_address": "mad@example.org"})
    write(C, "arf-fraud-type", headers("abuse@isp.example.com", ME, "Fraud report", reply=False) +
          arf("Original-Rcpt-To: wary@example.com.test\n", "wary@example.com.test").replace("Feedback-Type: abuse", "Feedback-Type: fraud"),
          {"complaint_address": "wary@example.com.test"})


def main():
    if os.path.isdir(ROOT):
        shutil.rmtree(ROOT)
    human_corpus()
    matrix_corpus()
    hand_written_humans()
    auto_corpus()
    auto_extra()
    bounce_corpus()
    complaint_corpus()
    total = sum(written.values())
    for c in CLASSES:
        print(f"{c:18} {written[c]}")
    print(f"{'total':18} {total}")


if __name__ == "__main__":
    main()
