# Regenerates Tests/MailCoreTests/Fixtures/messages (hand-written, real-world-shaped messages). Run: python3 scripts/make-mail-fixtures.py
import base64, json, os, quopri
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "MailCoreTests", "Fixtures", "messages")
os.makedirs(OUT, exist_ok=True)

def crlf(s):  # normalise a python literal to CRLF text
    return s.replace("\r\n", "\n").replace("\n", "\r\n")

def b64(data, width=76):
    enc = base64.b64encode(data).decode()
    return "\r\n".join(enc[i:i+width] for i in range(0, len(enc), width))

def qp(text, charset="utf-8"):
    data = text.replace("\r\n", "\n").replace("\n", "\r\n").encode(charset)
    return quopri.encodestring(data).decode("ascii").replace("\r\n", "\n").replace("\n", "\r\n")

def write(name, raw, expected):
    if isinstance(raw, str):
        raw = raw.encode("utf-8")
    with open(os.path.join(OUT, name + ".eml"), "wb") as f:
        f.write(raw)
    with open(os.path.join(OUT, name + ".expected.json"), "w") as f:
        json.dump(expected, f, ensure_ascii=False, indent=2, sort_keys=True)
        f.write("\n")

QUOTE_EN = """I've left you a few messages and I don't want to keep bothering you, but it's my job
to connect with you. If you are not interested in meeting then please let me know and
I'll take you off my list."""

# 1. Gmail web reply, multipart/alternative, QP text + QP HTML with gmail_quote
plain = """Thanks Sam, not right now =E2=80=94 maybe in Q3.

Pat

On Tue, Dec 1, 2026 at 9:00 AM Sam Seller <sam@sender.example> wrote:

> Hi Pat,
>
> """ + QUOTE_EN.replace("\n", "\n> ") + "\n>\n"
html = ('<div dir="ltr">Thanks Sam, not right now =E2=80=94 maybe in Q3.<div><br></div><div>Pat</div></div>'
        '<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Tue, Dec 1, 2026 at 9:00=E2=80=AFAM =\n'
        'Sam Seller &lt;<a href="mailto:sam@sender.example">sam@sender.example</a>&gt; wrote:<br></div>'
        '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex">Hi Pat,<br><br>not interested? let me know.</blockquote></div>\n')
write("gmail-reply", crlf(f"""Delivered-To: sam@sender.example
Received: by 2002:a05:6a10:1234 with SMTP id abc;
        Tue, 1 Dec 2026 07:12:44 -0800 (PST)
MIME-Version: 1.0
References: <fu.2577db605fadb296e16e9cb35a1317ad@sender.example>
In-Reply-To: <fu.2577db605fadb296e16e9cb35a1317ad@sender.example>
From: Pat Prospect <pat@gmail.example>
Date: Tue, 1 Dec 2026 16:12:31 +0100
Message-ID: <CAF3xyz+abc=DEF@mail.gmail.example>
Subject: Re: Quick question about your Q3 hiring
To: Sam Seller <sam@sender.example>
Content-Type: multipart/alternative; boundary="000000000000a1b2c3d4e5f60718"

--000000000000a1b2c3d4e5f60718
Content-Type: text/plain; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

{plain}
--000000000000a1b2c3d4e5f60718
Content-Type: text/html; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

{html}
--000000000000a1b2c3d4e5f60718--
"""), {"subject": "Re: Quick question about your Q3 hiring", "from": "pat@gmail.example", "fromName": "Pat Prospect",
       "bestTextPrefix": "Thanks Sam, not right now \u2014 maybe in Q3.\n\nPat\n\nOn Tue, Dec 1, 2026",
       "inReplyTo": ["fu.2577db605fadb296e16e9cb35a1317ad@sender.example"]})

# 2. Outlook desktop, German, iso-8859-1 QP, AW: subject encoded
de_plain = """Hallo Herr Seller,

vielen Dank für Ihre Nachricht. Wir haben derzeit leider keinen Bedarf.

Mit freundlichen Grüßen
Jürgen Müller

Von: Sam Seller <sam@sender.example>
Gesendet: Dienstag, 1. Dezember 2026 15:00
An: Jürgen Müller <juergen.mueller@firma.example>
Betreff: Kurze Frage zu Ihrer Einstellungsplanung für Q3

Hi Jürgen,
""" + QUOTE_EN + "\n"
de_html = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><style><!-- p.MsoNormal {margin:0cm;} --></style></head>"
           "<body lang=\"DE\"><div class=\"WordSection1\"><p class=\"MsoNormal\">Hallo Herr Seller,</p><p class=\"MsoNormal\">vielen Dank f&uuml;r Ihre Nachricht.</p>"
           "<div style=\"border:none;border-top:solid #E1E1E1 1.0pt\"><p class=\"MsoNormal\"><b>Von:</b> Sam Seller<br><b>Gesendet:</b> Dienstag</p></div>"
           "<p class=\"MsoNormal\">Hi J&uuml;rgen,</p></div></body></html>\n")
write("outlook-desktop-de", crlf(f"""Received: from EX01.firma.example (10.0.0.1) by EX02.firma.example
 (10.0.0.2) with Microsoft SMTP Server; Tue, 1 Dec 2026 15:20:11 +0100
From: =?iso-8859-1?Q?J=FCrgen_M=FCller?= <juergen.mueller@firma.example>
To: Sam Seller <sam@sender.example>
Subject: =?iso-8859-1?Q?AW:_Kurze_Frage_zu_Ihrer_Einstellungsplanung_f=FCr_Q3?=
Thread-Topic: Kurze Frage zu Ihrer Einstellungsplanung =?iso-8859-1?Q?f=FCr_Q3?=
Thread-Index: AQHZ1234abcdEFGH==
Date: Tue, 1 Dec 2026 14:20:09 +0000
Message-ID: <AM0PR01MB1234ABCD5678@AM0PR01MB1234.eurprd01.prod.outlook.example>
References: <fu.2577db605fadb296e16e9cb35a1317ad@sender.example>
In-Reply-To: <fu.2577db605fadb296e16e9cb35a1317ad@sender.example>
Accept-Language: de-DE, en-US
Content-Language: de-DE
X-MS-Has-Attach:
X-MS-TNEF-Correlator:
Content-Type: multipart/alternative;
	boundary="_000_AM0PR01MB1234ABCD5678AM0PR01MB1234eurp_"
MIME-Version: 1.0

--_000_AM0PR01MB1234ABCD5678AM0PR01MB1234eurp_
Content-Type: text/plain; charset="iso-8859-1"
Content-Transfer-Encoding: quoted-printable

{qp(de_plain, "iso-8859-1")}
--_000_AM0PR01MB1234ABCD5678AM0PR01MB1234eurp_
Content-Type: text/html; charset="iso-8859-1"
Content-Transfer-Encoding: quoted-printable

{qp(de_html, "iso-8859-1")}
--_000_AM0PR01MB1234ABCD5678AM0PR01MB1234eurp_--
"""), {"subject": "AW: Kurze Frage zu Ihrer Einstellungsplanung für Q3", "from": "juergen.mueller@firma.example",
       "fromName": "Jürgen Müller", "bestTextPrefix": "Hallo Herr Seller,\n\nvielen Dank für Ihre Nachricht.",
       "bestTextContains": "Von: Sam Seller <sam@sender.example>\nGesendet: Dienstag"})

# 3. Outlook on the web, French, HTML only, base64 utf-8, divRplyFwdMsg quote
fr_html = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"><style type=\"text/css\" style=\"display:none;\"> P {margin:0;} </style></head>"
           "<body dir=\"ltr\"><div style=\"font-family: Calibri\">Bonjour Sam,</div><div>Merci, mais ce n&#8217;est pas le moment. Recontactez-moi en septembre.</div>"
           "<div>&Eacute;lodie</div><div id=\"appendonsend\"></div><hr style=\"display:inline-block;width:98%\" tabindex=\"-1\">"
           "<div id=\"divRplyFwdMsg\" dir=\"ltr\"><font face=\"Calibri\"><b>De :</b> Sam Seller &lt;sam@sender.example&gt;<br><b>Envoy&eacute; :</b> mardi 1 d&eacute;cembre 2026 15:00<br>"
           "<b>&Agrave; :</b> &Eacute;lodie Lef&egrave;vre<br><b>Objet :</b> Petite question</font><div>&nbsp;</div></div>"
           "<div>If you are not interested in meeting then please let me know and I'll take you off my list.</div></body></html>")
write("outlook-web-fr", crlf(f"""From: =?utf-8?B?w4lsb2RpZSBMZWbDqHZyZQ==?= <elodie.lefevre@societe.example>
To: Sam Seller <sam@sender.example>
Subject: =?utf-8?Q?RE=C2=A0:_Petite_question?=
Thread-Topic: Petite question
Date: Wed, 2 Dec 2026 09:41:10 +0000
Message-ID: <PR1P264MB0001ABCDEF@PR1P264MB0001.FRAP264.PROD.OUTLOOK.EXAMPLE>
In-Reply-To: <fu.4d07548f458e349d7da6125a848cf3ac@sender.example>
Content-Language: fr-FR
x-ms-exchange-messagesentrepresentingtype: 1
Content-Type: text/html; charset="utf-8"
Content-Transfer-Encoding: base64
MIME-Version: 1.0

{b64(fr_html.encode("utf-8"))}
"""), {"subject": "RE\u00a0: Petite question", "from": "elodie.lefevre@societe.example", "fromName": "Élodie Lefèvre",
       "bestTextPrefix": "Bonjour Sam,\nMerci, mais ce n\u2019est pas le moment. Recontactez-moi en septembre.\nÉlodie\n> De : Sam Seller <sam@sender.example>",
       "bestTextContains": "> If you are not interested in meeting"})

# 4. Outlook, Spanish, windows-1252 8bit plain text
es_plain = "Hola Sam,\r\n\r\n¿Podemos hablar el jueves? Gracias – María\r\n\r\n________________________________\r\nDe: Sam Seller <sam@sender.example>\r\nEnviado: martes, 1 de diciembre de 2026 15:00\r\nPara: María García\r\nAsunto: Pregunta rápida\r\n"
raw = crlf("""From: =?Windows-1252?Q?Mar=EDa_Garc=EDa?= <maria.garcia@empresa.example>
To: "Seller, Sam" <sam@sender.example>
Subject: =?Windows-1252?Q?RE:_Pregunta_r=E1pida?=
Date: Thu, 3 Dec 2026 10:05:00 +0100
Message-ID: <DB9PR02MB5555@DB9PR02MB5555.eurprd02.prod.outlook.example>
MIME-Version: 1.0
Content-Type: text/plain; charset="Windows-1252"
Content-Transfer-Encoding: 8bit

""").encode("ascii") + es_plain.encode("cp1252")
write("outlook-es", raw, {"subject": "RE: Pregunta rápida", "from": "maria.garcia@empresa.example", "fromName": "María García",
      "bestTextPrefix": "Hola Sam,\n\n¿Podemos hablar el jueves? Gracias – María\n", "to": ["sam@sender.example"]})

# 5. Apple Mail desktop
apple_plain = "Sounds great \u2014 let\u2019s talk Thursday at 10.\n\nChris\n\n> On 1 Dec 2026, at 15:00, Sam Seller <sam@sender.example> wrote:\n> \n> Hi Chris,\n> " + QUOTE_EN.replace("\n", "\n> ") + "\n\n"
apple_html = "<html><head><meta http-equiv=\"content-type\" content=\"text/html; charset=utf-8\"></head><body style=\"overflow-wrap: break-word;\">Sounds great \u2014 let\u2019s talk Thursday at 10.<div><br></div><div>Chris<br><div><br><blockquote type=\"cite\"><div>On 1 Dec 2026, at 15:00, Sam Seller &lt;sam@sender.example&gt; wrote:</div><br><div><div>Hi Chris,</div></div></blockquote></div></div></body></html>"
write("apple-mail", crlf(f"""From: Chris Example <chris@mac.example>
Content-Type: multipart/alternative;
	boundary="Apple-Mail=_6F1A2B3C-4D5E-6F70-8192-A3B4C5D6E7F8"
Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3774.600.62\\))
Subject: Re: Quick question about your Q3 hiring
Date: Tue, 1 Dec 2026 16:30:02 +0100
References: <fu.2577db605fadb296e16e9cb35a1317ad@sender.example>
To: Sam Seller <sam@sender.example>
In-Reply-To: <fu.2577db605fadb296e16e9cb35a1317ad@sender.example>
Message-Id: <8E2F1A0B-1C2D-4E5F-9A8B-7C6D5E4F3A2B@mac.example>
X-Mailer: Apple Mail (2.3774.600.62)


--Apple-Mail=_6F1A2B3C-4D5E-6F70-8192-A3B4C5D6E7F8
Content-Transfer-Encoding: quoted-printable
Content-Type: text/plain;
	charset=utf-8

{qp(apple_plain)}
--Apple-Mail=_6F1A2B3C-4D5E-6F70-8192-A3B4C5D6E7F8
Content-Transfer-Encoding: quoted-printable
Content-Type: text/html;
	charset=utf-8

{qp(apple_html)}
--Apple-Mail=_6F1A2B3C-4D5E-6F70-8192-A3B4C5D6E7F8--
"""), {"subject": "Re: Quick question about your Q3 hiring", "from": "chris@mac.example", "fromName": "Chris Example",
       "bestTextPrefix": "Sounds great \u2014 let\u2019s talk Thursday at 10.\n\nChris\n\n> On 1 Dec 2026",
       "messageID": "8E2F1A0B-1C2D-4E5F-9A8B-7C6D5E4F3A2B@mac.example"})

# 6. Thunderbird, format=flowed, 8bit utf-8, German quote header
tb_body = "Hallo Sam,\n\nja, gerne. Rufen Sie mich nächste Woche an: +49 30 1234567. \nDie Nummer ist direkt.\n\nGünter\n\nAm 01.12.26 um 15:00 schrieb Sam Seller:\n> Hi Günter,\n> " + QUOTE_EN.replace("\n", "\n> ") + "\n"
write("thunderbird", crlf("""Message-ID: <3f2e1d0c-b9a8-7654-3210-fedcba987654@posteo.example>
Date: Wed, 2 Dec 2026 08:14:55 +0100
MIME-Version: 1.0
User-Agent: Mozilla Thunderbird
Subject: Re: Quick question about your Q3 hiring
Content-Language: de-DE
To: Sam Seller <sam@sender.example>
References: <fu.2577db605fadb296e16e9cb35a1317ad@sender.example>
From: =?UTF-8?Q?G=C3=BCnter_Wei=C3=9F?= <guenter@posteo.example>
In-Reply-To: <fu.2577db605fadb296e16e9cb35a1317ad@sender.example>
Content-Type: text/plain; charset=UTF-8; format=flowed
Content-Transfer-Encoding: 8bit

""" + tb_body), {"subject": "Re: Quick question about your Q3 hiring", "from": "guenter@posteo.example", "fromName": "Günter Weiß",
       "bestTextPrefix": "Hallo Sam,\n\nja, gerne. Rufen Sie mich nächste Woche an", "bestTextContains": "Am 01.12.26 um 15:00 schrieb Sam Seller:\n> Hi Günter,"})

# 7. iOS mobile, 7bit us-ascii, no display name
write("ios-mobile", crlf("""Content-Type: text/plain;
	charset=us-ascii
Content-Transfer-Encoding: 7bit
From: kim@icloud.example
Mime-Version: 1.0 (1.0)
Date: Tue, 1 Dec 2026 18:02:13 -0500
Subject: Re: Quick question about your Q3 hiring
Message-Id: <A1B2C3D4-E5F6-4711-8899-AABBCCDDEEFF@icloud.example>
References: <fu.2577db605fadb296e16e9cb35a1317ad@sender.example>
In-Reply-To: <fu.2577db605fadb296e16e9cb35a1317ad@sender.example>
To: Sam Seller <sam@sender.example>
X-Mailer: iPhone Mail (22B91)

Not interested, thanks. Please remove me.

Sent from my iPhone

> On Dec 1, 2026, at 9:00 AM, Sam Seller <sam@sender.example> wrote:
> 
> Hi Kim,
"""), {"subject": "Re: Quick question about your Q3 hiring", "from": "kim@icloud.example",
       "bestTextPrefix": "Not interested, thanks. Please remove me.\n\nSent from my iPhone"})

# 8. Android Gmail app: base64 utf-8 with emoji, base64 lines contain junk chars
android_plain = "Sure \U0001F44D call me tomorrow after 2pm.\n\nOn Tue, 1 Dec 2026, 15:00 Sam Seller, <sam@sender.example> wrote:\n\n> Hi Alex,\n>\n"
enc = b64(android_plain.encode("utf-8"))
android_html = b64('<div dir="auto">Sure \U0001F44D call me tomorrow after 2pm.</div>'.encode())
enc_damaged = enc[:20] + "!" + enc[20:40] + " *" + enc[40:]
write("android-gmail", crlf(f"""MIME-Version: 1.0
From: Alex Doe <alex.doe@gmail.example>
Date: Tue, 1 Dec 2026 15:44:00 +0100
Message-ID: <CAOm+android123@mail.gmail.example>
Subject: Re: Quick question about your Q3 hiring
To: sam@sender.example
Content-Type: multipart/alternative; boundary="0000000000004e5f6a7b8c9d0e1f"

--0000000000004e5f6a7b8c9d0e1f
Content-Type: text/plain; charset="UTF-8"
Content-Transfer-Encoding: base64

{enc_damaged}
--0000000000004e5f6a7b8c9d0e1f
Content-Type: text/html; charset="UTF-8"
Content-Transfer-Encoding: base64

{android_html}
--0000000000004e5f6a7b8c9d0e1f--
"""), {"subject": "Re: Quick question about your Q3 hiring", "from": "alex.doe@gmail.example", "fromName": "Alex Doe",
       "bestTextPrefix": "Sure \U0001F44D call me tomorrow after 2pm.\n"})

# 9. Mailing list: quoted display name with comma, list headers, multipart/mixed with footer part
write("mailing-list", crlf("""Return-Path: <dev-bounces@lists.example>
From: "Roe, Jane via dev" <dev@lists.example>
Reply-To: dev@lists.example
To: dev@lists.example
Subject: [dev] Release notes for 2.4, please review
Date: Mon, 30 Nov 2026 12:00:00 +0000
Message-ID: <20261130120000.GA1234@jane.example>
List-Id: Developers <dev.lists.example>
List-Unsubscribe: <https://lists.example/options/dev>,
 <mailto:dev-request@lists.example?subject=unsubscribe>
List-Post: <mailto:dev@lists.example>
Precedence: list
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="===============1234567890=="

--===============1234567890==
Content-Type: text/plain; charset="us-ascii"
MIME-Version: 1.0
Content-Transfer-Encoding: 7bit
Content-Disposition: inline

Hi all,

The draft release notes are on the wiki. Comments by Friday please.

Jane

--===============1234567890==
Content-Type: text/plain; charset="us-ascii"
MIME-Version: 1.0
Content-Transfer-Encoding: 7bit
Content-Disposition: inline

_______________________________________________
dev mailing list -- dev@lists.example
To unsubscribe send an email to dev-leave@lists.example

--===============1234567890==--
"""), {"subject": "[dev] Release notes for 2.4, please review", "from": "dev@lists.example", "fromName": "Roe, Jane via dev",
       "bestTextPrefix": "Hi all,\n\nThe draft release notes are on the wiki."})

# 10. Postfix DSN
write("dsn-postfix", crlf("""Return-Path: <>
Received: by mx.sender.example (Postfix)
	id 4A1B2C3D4E; Tue,  1 Dec 2026 15:00:05 +0100 (CET)
Date: Tue,  1 Dec 2026 15:00:05 +0100 (CET)
From: MAILER-DAEMON@mx.sender.example (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender
To: sam@sender.example
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
	boundary="4A1B2C3D4E.1796133605/mx.sender.example"
Content-Transfer-Encoding: 8bit
Message-Id: <20261201140005.4A1B2C3D4E@mx.sender.example>

This is a MIME-encapsulated message.

--4A1B2C3D4E.1796133605/mx.sender.example
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mx.sender.example.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

<nobody@prospect.example>: host mx.prospect.example[192.0.2.10] said: 550 5.1.1
    <nobody@prospect.example>: Recipient address rejected: User unknown in
    virtual mailbox table (in reply to RCPT TO command)

--4A1B2C3D4E.1796133605/mx.sender.example
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.sender.example
X-Postfix-Queue-ID: 4A1B2C3D4E
X-Postfix-Sender: rfc822; sam@sender.example
Arrival-Date: Tue,  1 Dec 2026 15:00:01 +0100 (CET)

Final-Recipient: rfc822; nobody@prospect.example
Original-Recipient: rfc822;nobody@prospect.example
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.prospect.example
Diagnostic-Code: smtp; 550 5.1.1 <nobody@prospect.example>: Recipient address
    rejected: User unknown in virtual mailbox table

--4A1B2C3D4E.1796133605/mx.sender.example
Content-Description: Undelivered Message
Content-Type: message/rfc822
Content-Transfer-Encoding: 8bit

Date: Tue, 01 Dec 2026 09:00:00 -0500
From: Sam Seller <sam@sender.example>
To: nobody@prospect.example
Subject: Quick question about your Q3 hiring
Message-ID: <fu.2577db605fadb296e16e9cb35a1317ad@sender.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Hi,

--4A1B2C3D4E.1796133605/mx.sender.example--
"""), {"subject": "Undelivered Mail Returned to Sender", "from": "MAILER-DAEMON@mx.sender.example", "fromName": "Mail Delivery System",
       "bestTextPrefix": "This is the mail system at host mx.sender.example.",
       "dsn": [{"finalRecipient": "nobody@prospect.example", "action": "failed", "status": "5.1.1",
                "diagnosticCodeContains": "Recipient address rejected: User unknown in virtual mailbox table"}],
       "reportingMTA": "dns; mx.sender.example",
       "attachedSubject": "Quick question about your Q3 hiring", "attachedMessageID": "fu.2577db605fadb296e16e9cb35a1317ad@sender.example"})

# 11. Exim DSN with text/rfc822-headers
write("dsn-exim", crlf("""Return-path: <>
Envelope-to: sam@sender.example
Delivery-date: Tue, 01 Dec 2026 15:01:00 +0000
Received: from mail by relay.exim.example with local (Exim 4.97)
	id 1tHxyz-000ABC-12
	for sam@sender.example; Tue, 01 Dec 2026 15:01:00 +0000
X-Failed-Recipients: gone@prospect.example
Auto-Submitted: auto-replied
From: Mail Delivery System <Mailer-Daemon@relay.exim.example>
To: sam@sender.example
References: <fu.aaaa@sender.example>
Content-Type: multipart/report; report-type=delivery-status; boundary=1796133660-eximdsn-1234567890
MIME-Version: 1.0
Subject: Mail delivery failed: returning message to sender
Message-Id: <E1tHxyz-000ABC-12@relay.exim.example>
Date: Tue, 01 Dec 2026 15:01:00 +0000

--1796133660-eximdsn-1234567890
Content-type: text/plain; charset=us-ascii

This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  gone@prospect.example
    host mx.prospect.example [192.0.2.20]
    SMTP error from remote mail server after RCPT TO:<gone@prospect.example>:
    550 mailbox unavailable

--1796133660-eximdsn-1234567890
Content-type: message/delivery-status

Reporting-MTA: dns; relay.exim.example

Action: failed
Final-Recipient: rfc822;gone@prospect.example
Status: 5.0.0
Remote-MTA: dns; mx.prospect.example
Diagnostic-Code: smtp; 550 mailbox unavailable

--1796133660-eximdsn-1234567890
Content-type: text/rfc822-headers

Return-path: <sam@sender.example>
From: Sam Seller <sam@sender.example>
To: gone@prospect.example
Subject: Re: Quick question about your Q3 hiring
Message-ID: <fu.aaaa@sender.example>

--1796133660-eximdsn-1234567890--
"""), {"subject": "Mail delivery failed: returning message to sender", "from": "Mailer-Daemon@relay.exim.example",
       "bestTextPrefix": "This message was created automatically by mail delivery software.",
       "dsn": [{"finalRecipient": "gone@prospect.example", "action": "failed", "status": "5.0.0", "diagnosticCodeContains": "550 mailbox unavailable"}],
       "attachedSubject": "Re: Quick question about your Q3 hiring", "attachedMessageID": "fu.aaaa@sender.example"})

# 12. Exchange NDR: alternative human part, two recipients (5.1.10 failed, 4.4.7 delayed), original attached
ex_html = "<html><body><p><b><font color=\"#000000\" size=\"3\">Your message to ceo@prospect.example couldn't be delivered.</font></b></p><p>ceo wasn't found at prospect.example.</p></body></html>"
write("dsn-exchange", crlf(f"""From: Microsoft Outlook
	<MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@sender.example>
To: <sam@sender.example>
Date: Tue, 1 Dec 2026 14:02:11 +0000
Content-Type: multipart/report; report-type=delivery-status;
	boundary="7c3b1a2e-0f4d-4c8e-9b6a-5d2e1f0a9b8c"
X-MS-Exchange-Message-Is-Ndr:
Content-Language: en-US
Message-ID: <0c7a0e4f-ndr-4a11@AM6PR01MB0001.eurprd01.prod.exchangelabs.example>
In-Reply-To: <fu.2577db605fadb296e16e9cb35a1317ad@sender.example>
Subject: Undeliverable: Quick question about your Q3 hiring
Auto-Submitted: auto-replied
MIME-Version: 1.0

--7c3b1a2e-0f4d-4c8e-9b6a-5d2e1f0a9b8c
Content-Type: multipart/alternative; differences=Content-Type;
	boundary="b7a8d9e0-inner-alt"

--b7a8d9e0-inner-alt
Content-Type: text/plain; charset="us-ascii"
Content-Transfer-Encoding: quoted-printable

Your message to ceo@prospect.example couldn't be delivered.
ceo wasn't found at prospect.example.

--b7a8d9e0-inner-alt
Content-Type: text/html; charset="us-ascii"
Content-Transfer-Encoding: quoted-printable

{qp(ex_html, "ascii")}
--b7a8d9e0-inner-alt--

--7c3b1a2e-0f4d-4c8e-9b6a-5d2e1f0a9b8c
Content-Type: message/delivery-status

Reporting-MTA: dns;AM6PR01MB0001.eurprd01.prod.exchangelabs.example
Received-From-MTA: dns;AM6PR01MB0002.eurprd01.prod.exchangelabs.example
Arrival-Date: Tue, 1 Dec 2026 14:02:09 +0000

Final-Recipient: rfc822;ceo@prospect.example
Action: failed
Status: 5.1.10
Diagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not
 found by SMTP address lookup

Final-Recipient: rfc822;cfo@prospect.example
Action: delayed
Status: 4.4.7
Diagnostic-Code: smtp;400 4.4.7 Message delayed

--7c3b1a2e-0f4d-4c8e-9b6a-5d2e1f0a9b8c
Content-Type: message/rfc822

From: Sam Seller <sam@sender.example>
To: "ceo@prospect.example" <ceo@prospect.example>
Subject: Quick question about your Q3 hiring
Date: Tue, 1 Dec 2026 14:02:08 +0000
Message-ID: <fu.2577db605fadb296e16e9cb35a1317ad@sender.example>
Content-Type: text/plain; charset="us-ascii"
MIME-Version: 1.0

Hi,

--7c3b1a2e-0f4d-4c8e-9b6a-5d2e1f0a9b8c--
"""), {"subject": "Undeliverable: Quick question about your Q3 hiring",
       "from": "MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@sender.example", "fromName": "Microsoft Outlook",
       "bestTextPrefix": "Your message to ceo@prospect.example couldn't be delivered.\nceo wasn't found at prospect.example.",
       "dsn": [{"finalRecipient": "ceo@prospect.example", "action": "failed", "status": "5.1.10",
                "diagnosticCodeContains": "RecipientNotFound; Recipient not found by SMTP address lookup"},
               {"finalRecipient": "cfo@prospect.example", "action": "delayed", "status": "4.4.7"}],
       "attachedSubject": "Quick question about your Q3 hiring", "attachedMessageID": "fu.2577db605fadb296e16e9cb35a1317ad@sender.example"})

# 13. qmail-style non-standard bounce, mbox From line, no MIME
write("qmail-bounce", crlf("""From MAILER-DAEMON Tue Dec  1 15:03:00 2026
Return-Path: <>
Received: (qmail 12345 invoked for bounce); 1 Dec 2026 15:03:00 -0000
Date: 1 Dec 2026 15:03:00 -0000
From: MAILER-DAEMON@mail.qmail.example
To: sam@sender.example
Subject: failure notice

Hi. This is the qmail-send program at mail.qmail.example.
I'm afraid I wasn't able to deliver your message to the following addresses.
This is a permanent error; I've given up. Sorry it didn't work out.

<nobody@qmail.example>:
Sorry, no mailbox here by that name. (#5.1.1)

--- Below this line is a copy of the message.

Return-Path: <sam@sender.example>
Received: (qmail 12340 invoked from network); 1 Dec 2026 15:02:59 -0000
From: Sam Seller <sam@sender.example>
To: nobody@qmail.example
Subject: Quick question about your Q3 hiring
Message-ID: <fu.bbbb@sender.example>

Hi,
"""), {"subject": "failure notice", "from": "MAILER-DAEMON@mail.qmail.example",
       "bestTextPrefix": "Hi. This is the qmail-send program at mail.qmail.example.",
       "bestTextContains": "<nobody@qmail.example>:\nSorry, no mailbox here by that name. (#5.1.1)", "noDSN": True})

# 14. Out-of-office auto-reply, German, iso-8859-15 QP with euro sign
ooo = "Vielen Dank für Ihre Nachricht.\n\nIch bin bis einschließlich 15.12.2026 nicht im Büro. Ihre Nachricht wird nicht weitergeleitet.\nFür Angebote über 1.000 € wenden Sie sich bitte an einkauf@firma.example.\n"
write("auto-reply-ooo", crlf(f"""From: =?iso-8859-15?Q?Sabine_Schr=F6der?= <sabine@firma.example>
To: Sam Seller <sam@sender.example>
Subject: =?iso-8859-15?Q?Automatische_Antwort:_Kurze_Frage_zu_Ihrer_Einstellungspla?=
 =?iso-8859-15?Q?nung_f=FCr_Q3?=
Date: Tue, 1 Dec 2026 15:00:02 +0100
Message-ID: <auto-7788@firma.example>
In-Reply-To: <fu.2577db605fadb296e16e9cb35a1317ad@sender.example>
Auto-Submitted: auto-replied
X-Auto-Response-Suppress: All
X-Autoreply: yes
Precedence: auto_reply
MIME-Version: 1.0
Content-Type: text/plain; charset="iso-8859-15"
Content-Transfer-Encoding: quoted-printable

{qp(ooo, "iso-8859-15")}"""), {"subject": "Automatische Antwort: Kurze Frage zu Ihrer Einstellungsplanung für Q3", "from": "sabine@firma.example",
       "fromName": "Sabine Schröder", "bestTextPrefix": "Vielen Dank für Ihre Nachricht.\n\nIch bin bis einschließlich 15.12.2026 nicht im Büro.",
       "bestTextContains": "über 1.000 € wenden", "headers": {"Auto-Submitted": "auto-replied", "X-Autoreply": "yes", "Precedence": "auto_reply"}})

# 15. Damaged: missing final boundary, text labelled iso-8859-1 but really UTF-8, 8bit
raw = crlf("""From: Ana <ana@example.pt>
To: sam@sender.example
Subject: Re: Proposta
Date: Wed, 2 Dec 2026 10:00:00 +0000
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="cut"

--cut
Content-Type: text/plain; charset=iso-8859-1
Content-Transfer-Encoding: 8bit

""").encode() + "Olá Sam, não tenho interesse. Obrigada.\r\n".encode("utf-8") + crlf("""
--cut
Content-Type: text/html; charset=iso-8859-1

<p>Ol""").encode() + "á".encode("latin-1")
write("damaged-missing-boundary-wrong-charset", raw, {"subject": "Re: Proposta", "from": "ana@example.pt", "fromName": "Ana",
      "bestTextPrefix": "Olá Sam, não tenho interesse. Obrigada.\n"})

# 16. Damaged: mbox From line, LF-only, raw 8-bit Latin-1 in headers, windows-1250 QP body (Czech)
cz = "Dobrý den,\n\nděkuji, ale nemáme zájem. Prosím, vyřaďte mě ze seznamu.\n\nS pozdravem\nJiří Novák\n"
raw = ("From jiri@firma.example Wed Dec  2 11:00:00 2026\n").encode() + \
      "From: Jiří Novák <jiri@firma.example>\n".encode("utf-8") + \
      b"Subject: Re: Nab\xeddka\n" + \
      b"To: sam@sender.example\nDate: Wed, 2 Dec 2026 11:00:00 +0100\nMIME-Version: 1.0\n" + \
      b"Content-Type: text/plain; charset=windows-1250\nContent-Transfer-Encoding: quoted-printable\n\n" + \
      qp(cz, "cp1250").replace("\r\n", "\n").encode()
write("damaged-lf-mbox-8bit-headers", raw, {"subject": "Re: Nabídka", "from": "jiri@firma.example", "fromName": "Jiří Novák",
      "bestTextPrefix": "Dobrý den,\n\nděkuji, ale nemáme zájem. Prosím, vyřaďte mě ze seznamu."})

# 17. Damaged: CR-only line ends, iso-8859-2 binary transfer encoding
pl = "Dzień dobry,\rproszę o kontakt w przyszłym tygodniu.\rŁukasz\r"
raw = b"From: =?ISO-8859-2?Q?=A3ukasz_Wr=F3bel?= <lukasz@firma.example>\rSubject: Re: Pytanie\rMIME-Version: 1.0\rContent-Type: text/plain; charset=ISO-8859-2\rContent-Transfer-Encoding: binary\r\r" + pl.encode("iso-8859-2")
write("damaged-cr-only-binary", raw, {"subject": "Re: Pytanie", "from": "lukasz@firma.example", "fromName": "Łukasz Wróbel",
      "bestTextPrefix": "Dzień dobry,\nproszę o kontakt w przyszłym tygodniu.\nŁukasz\n"})

# 18. Damaged: headers only, no blank line, no body, no final newline
write("damaged-headers-only", b"From: Robo <robot@example.net>\r\nSubject: =?utf-8?B?8J+klg==?= ping\r\nDate: Wed, 2 Dec 2026 12:00:00 +0000",
      {"subject": "\U0001F916 ping", "from": "robot@example.net", "fromName": "Robo", "bestTextPrefix": ""})

# 19. Damaged: no blank line between headers and body; adjacent encoded words across a split character
write("damaged-no-blank-line", crlf("""From: "Lee, Min" <min.lee@example.kr>
Subject: =?UTF-8?B?7JWI64WV7ZWY7IS47JqU?= =?UTF-8?Q?_=EA=B0=90?= =?UTF-8?Q?=EC=82=AC?=
Date: Wed, 2 Dec 2026 13:00:00 +0900
Thanks for reaching out, please call me next week.
Best: Min
"""), {"subject": "안녕하세요 감사", "from": "min.lee@example.kr", "fromName": "Lee, Min",
       "bestTextPrefix": "Thanks for reaching out, please call me next week.\nBest: Min"})
print("ok")

# 20. Unknown charsets: encoded word and body in labels Foundation cannot decode -> UTF-8 if valid, else Latin-1
raw = crlf("""From: =?x-mac-mystery?Q?Ren=E9?= <rene@example.fr>
To: sam@sender.example
Subject: =?x-mac-mystery?Q?R=E9ponse_rapide?=
Date: Thu, 3 Dec 2026 08:00:00 +0100
MIME-Version: 1.0
Content-Type: text/plain; charset="x-user-defined-42"
Content-Transfer-Encoding: 8bit

""").encode() + "Très bien, appelez-moi demain.\r\n".encode("latin-1")
write("unknown-charset", raw, {"subject": "Réponse rapide", "from": "rene@example.fr", "fromName": "René",
      "bestTextPrefix": "Très bien, appelez-moi demain.\n"})
