import Testing
@testable import MailCore

@Suite struct RFC2047Tests {
    @Test func decodesBAndQInManyCharsets() {
        #expect(RFC2047.decode("=?UTF-8?B?w6lsw6h2ZQ==?=") == "élève")
        #expect(RFC2047.decode("=?iso-8859-1?Q?Andr=E9_Pirard?=") == "André Pirard")
        #expect(RFC2047.decode("=?windows-1252?Q?=93quoted=94?=") == "\u{201C}quoted\u{201D}")
        #expect(RFC2047.decode("=?iso-8859-15?Q?=A4uro?=") == "€uro")
        #expect(RFC2047.decode("=?windows-1250?Q?=9Akoda?=") == "škoda")
        #expect(RFC2047.decode("=?utf-8*en?Q?hi?=") == "hi")
    }

    @Test func joinsAdjacentWordsButKeepsOtherSpacing() {
        #expect(RFC2047.decode("=?utf-8?Q?a?= =?utf-8?Q?b?=") == "ab")
        #expect(RFC2047.decode("=?utf-8?Q?a?=\r\n  =?utf-8?Q?b?=") == "ab")
        #expect(RFC2047.decode("=?utf-8?Q?a_?= b") == "a  b")
        #expect(RFC2047.decode("x =?utf-8?Q?a?= y") == "x a y")
        // A multibyte character split across two words is rejoined.
        #expect(RFC2047.decode("=?utf-8?Q?caf=C3?= =?utf-8?Q?=A9?=") == "café")
    }

    @Test func leavesMalformedWordsAlone() {
        #expect(RFC2047.decode("=?utf-8?X?abc?=") == "=?utf-8?X?abc?=")
        #expect(RFC2047.decode("a =? b ?= c") == "a =? b ?= c")
        #expect(RFC2047.decode("=?utf-8?Q?unterminated") == "=?utf-8?Q?unterminated")
        #expect(RFC2047.decode("=?x-unknown?Q?caf=E9?=") == "café")
    }

    @Test func encodedWordsAreShortAndNeverSplitACharacter() {
        let samples = [
            String(repeating: "ü", count: 80), String(repeating: "😀", count: 40), String(repeating: "日本語", count: 30),
            "Grüße aus München – Ihre Anfrage zur Angebotsübersicht für das nächste Quartal 👍🏽 fertig",
            String(repeating: "👨‍👩‍👧‍👦", count: 10), String(repeating: "e\u{301}", count: 50),
        ]
        for sample in samples {
            let words = RFC2047.encodeWords(sample, firstWordLimit: 60)
            #expect(words.first.map { $0.count <= 60 } == true)
            for word in words {
                #expect(word.count <= 75, "\(word)")
                // Every word decodes on its own to valid UTF-8: no character was cut in half.
                let payload = word.dropFirst(10).dropLast(2)
                let bytes = word.hasPrefix("=?utf-8?B?") ? Base64.decode(String(payload)) : RFC2047Decoder.decodeQ(Array(payload.utf8))
                #expect(Charset.strictUTF8(bytes) != nil, "\(word)")
            }
            #expect(RFC2047.decode(words.joined(separator: "\r\n ")) == sample)
        }
    }

    @Test func choosesQForMostlyASCII() {
        #expect(RFC2047.encode("Hello Café team") == "=?utf-8?Q?Hello_Caf=C3=A9_team?=")
        #expect(RFC2047.encode("Café") == "=?utf-8?B?Q2Fmw6k=?=")
        #expect(RFC2047.encode("日本").hasPrefix("=?utf-8?B?"))
    }
}
