@testable import MailTransport
import Testing

@Suite("Reading IMAP responses from the raw stream")
struct IMAPResponseTests {
    @Test("a FETCH literal is cut out exactly, even when it contains lines that look like responses")
    func literalIsExact() throws {
        let body = "Subject: x\r\n\r\n* 9 EXISTS\r\nA005 OK fake\r\n"
        let stream = "* 1 FETCH (UID 7 FLAGS (\\Answered) BODY[] {\(body.utf8.count)}\r\n\(body))\r\nA005 OK Fetch completed\r\n"
        let responses = IMAPResponse.parse(Array(stream.utf8))
        #expect(responses.count == 2)
        let item = try #require(IMAPFetchItem(responses[0]))
        #expect(item.uid == 7)
        #expect(item.flags == ["\\Answered"])
        #expect(item.body == Array(body.utf8))
        #expect(responses[1].kind == .tagged("A005"))
        #expect(responses[1].status == "OK")
    }

    @Test("FETCH items are read one by one: a header section, a flag or field name that looks like an item, an earlier literal, a quoted section")
    func fetchItems() throws {
        let header = "From: a@example.com\r\nSubject: UID 99\r\n\r\n"
        let stream = "* 4 FETCH (UID 12 BODY[HEADER.FIELDS (FROM SUBJECT X-UID)] {\(header.utf8.count)}\r\n\(header))\r\n"
            + "* 5 FETCH (FLAGS (\\Seen $UID) RFC822.SIZE 2048 UID 13)\r\n"
            + "* 6 FETCH (ENVELOPE (NIL {3}\r\nabc NIL) UID 14 BODY[]<0> {5}\r\nhello)\r\n"
            + "* 7 FETCH (UID 15 BODY[HEADER.FIELDS (FROM)] \"\")\r\n"
            + "* 8 FETCH (UID 16 BODY (\"text\" \"plain\" NIL NIL NIL \"7bit\" 5 1))\r\n"
            + "* 3 EXISTS\r\n"
        let items = IMAPResponse.parse(Array(stream.utf8)).map(IMAPFetchItem.init)
        #expect(items.count == 6)
        #expect(items[0]?.uid == 12 && items[0]?.body == Array(header.utf8), "the field list inside the section is not read as items")
        #expect(items[1]?.uid == 13 && items[1]?.size == 2048 && items[1]?.flags == ["\\Seen", "$UID"] && items[1]?.body == nil)
        #expect(items[2]?.uid == 14 && items[2]?.body == Array("hello".utf8), "the body is the second literal, not the envelope's")
        #expect(items[3]?.uid == 15 && items[3]?.body == [], "a message without the fields comes as an empty quoted string")
        #expect(items[4]?.uid == 16 && items[4]?.body == nil, "BODY without a section is the structure, not the message")
        #expect(items[5] == nil)
    }

    @Test("FETCH items cut off inside a value (an unclosed literal size, an escape at the end) are read without going past the end")
    func itemsCutShort() {
        // The first, from the fuzzer (scripts/fuzz imap), once read one byte past the end.
        for text in ["* 2 FETCH (UID 9 BODELDS (FROM)] {22om:*  a", "* 3 FETCH (UID 4 FLAGS \"a\\", "* 4 FETCH (UID 5 BODY[] {", "* 5 FETCH (X ((("] {
            let responses = IMAPResponse.parse(Array(text.utf8))
            #expect(responses.count == 1)
            _ = responses.first.flatMap(IMAPFetchItem.init)
        }
        #expect(IMAPResponse.parse(Array("* 2 FETCH (UID 9 BODELDS (FROM)] {22om:*  a".utf8)).first.flatMap(IMAPFetchItem.init)?.uid == 9)
    }

    @Test("a literal without a trailing line ending, and a truncated literal")
    func awkwardLiterals() {
        let exact = IMAPResponse.parse(Array("* 1 FETCH (UID 3 BODY[] {5}\r\nhello)\r\nA1 OK done\r\n".utf8))
        #expect(exact.first?.literals == [Array("hello".utf8)])
        #expect(exact.count == 2)
        #expect(exact.allSatisfy { $0.isComplete })
        let truncated = IMAPResponse.parse(Array("* 1 FETCH (UID 3 BODY[] {500}\r\nshort".utf8))
        #expect(truncated.first?.literals == [Array("short".utf8)])
        #expect(truncated.first?.isComplete == false, "a literal shorter than announced is reported")
    }

    @Test("untagged, continuation and tagged responses are told apart")
    func kinds() {
        let responses = IMAPResponse.parse(Array("* SEARCH 1 2\r\n+ go ahead\r\nA2 NO [NONEXISTENT] missing\r\n".utf8))
        #expect(responses.map(\.kind) == [.untagged, .continuation, .tagged("A2")])
        #expect(responses[2].status == "NO")
        #expect(responses[0].text == "SEARCH 1 2")
    }

    @Test("STATUS responses give UIDNEXT and UIDVALIDITY, whatever the order")
    func status() {
        #expect(MailboxStatus.parse("STATUS INBOX (MESSAGES 3 UIDNEXT 10 UIDVALIDITY 1700000000)")
                == MailboxStatus(messages: 3, uidNext: 10, uidValidity: 1_700_000_000))
        #expect(MailboxStatus.parse("STATUS \"My (Box)\" (UIDVALIDITY 5 UIDNEXT 2)") == MailboxStatus(messages: 0, uidNext: 2, uidValidity: 5))
        #expect(MailboxStatus.parse("STATUS INBOX (MESSAGES 3)") == nil)
        #expect(MailboxStatus.parse("STATUS INBOX (UIDNEXT 99999999999 UIDVALIDITY 1)") == nil)
    }

    @Test("APPENDUID gives the new message's UID")
    func appendUID() {
        #expect(IMAPSyntax.appendUID("OK [APPENDUID 1700 42] Append completed.") == 42)
        #expect(IMAPSyntax.appendUID("OK Append completed.") == nil)
    }

    @Test("only NONEXISTENT, or a refusal without a code, means the mailbox is missing")
    func missingMailbox() {
        #expect(IMAPSyntax.saysMailboxIsMissing("NO [NONEXISTENT] Mailbox doesn't exist: Archive"))
        #expect(IMAPSyntax.saysMailboxIsMissing("NO Mailbox does not exist"))
        #expect(!IMAPSyntax.saysMailboxIsMissing("NO [UNAVAILABLE] Try again later"))
        #expect(!IMAPSyntax.saysMailboxIsMissing("NO [SERVERBUG] Internal error"))
    }

    @Test("mailbox names are quoted and percent-encoded safely")
    func syntax() {
        #expect(IMAPSyntax.quoted("a \"b\" \\c") == "\"a \\\"b\\\" \\\\c\"")
        #expect(IMAPSyntax.urlPath("Sent Items/2026") == "Sent%20Items%2F2026")
        #expect(IMAPSyntax.quotedIfSafe("x\r\nA1 LOGOUT") == nil)
        #expect(!IMAPSyntax.isValidMailboxName("INBOX\r\nA1 DELETE INBOX"))
        #expect(IMAPSyntax.commandName("uid search UID 4:*") == "UID SEARCH")
    }
}
