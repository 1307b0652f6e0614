import Testing
@testable import MailCore

@Suite struct HTMLTextTests {
    @Test func dropsTagsAndDecodesEntities() {
        let html = "<html><head><title>T</title><style>p{color:red}</style></head><body><p>Fish &amp; chips &lt;3 &#233;&#x1F600; &eacute; &nbsp;x&unknown;</p><script>alert('<p>no</p>')</script></body></html>"
        #expect(HTMLText.extract(html) == "Fish & chips <3 é😀 é x&unknown;")
    }

    @Test func blocksAndBreaksBecomeLines() {
        let html = "<div>one</div><div>two<br>three<br/><br>five</div><ul><li>a</li><li>b</li></ul><table><tr><td>c1</td><td>c2</td></tr></table>"
        #expect(HTMLText.extract(html) == "one\ntwo\nthree\n\nfive\na\nb\nc1 c2")
    }

    @Test func blockquotesAreQuoted() {
        let html = "<div>Thanks, not now.</div><div class=\"gmail_quote\">On Tue, Sam wrote:<blockquote class=\"gmail_quote\">Hi Pat,<br>Are you interested?<blockquote>older</blockquote></blockquote></div>"
        #expect(HTMLText.extract(html) == "Thanks, not now.\nOn Tue, Sam wrote:\n> Hi Pat,\n> Are you interested?\n> > older")
    }

    @Test func outlookReplyHeaderQuotesToTheEnd() {
        let html = "<div>Sounds good, call me.</div><div id=\"appendonsend\"></div><hr><div id=\"divRplyFwdMsg\"><b>From:</b> Sam<br><b>Sent:</b> Monday</div><div>Hi Pat, are you interested?</div>"
        #expect(HTMLText.extract(html) == "Sounds good, call me.\n> From: Sam\n> Sent: Monday\n> Hi Pat, are you interested?")
    }

    @Test func preKeepsWhitespaceAndMalformedMarkupSurvives() {
        #expect(HTMLText.extract("<pre>a  b\n  c</pre>") == "a  b\n  c")
        #expect(HTMLText.extract("a < b and 3<4 <") == "a < b and 3<4 <")
        #expect(HTMLText.extract("text <div unterminated") == "text")
        #expect(HTMLText.extract("<!-- comment <p>x</p> -->after") == "after")
        #expect(HTMLText.extract("&#0;&#xD800;&#99999999999;") == "\u{FFFD}\u{FFFD}&#99999999999;")
        #expect(HTMLText.extract("&#150;") == "\u{2013}")
    }
}
