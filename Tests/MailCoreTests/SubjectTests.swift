import Testing
@testable import MailCore

@Suite struct SubjectTests {
    @Test(arguments: [
        ("Quick question", "Re: Quick question"),
        ("Re: Quick question", "Re: Quick question"),
        ("RE: re: Quick question", "Re: Quick question"),
        ("Aw: Quick question", "Re: Quick question"),
        ("AW:Quick question", "Re: Quick question"),
        ("Re[2]: Quick question", "Re: Quick question"),
        ("SV: Quick question", "Re: Quick question"),
        ("Fwd: Quick question", "Re: Fwd: Quick question"),
        ("Regarding: pricing", "Re: Regarding: pricing"),
        ("  Re:   spaced ", "Re: spaced"),
        ("", "Re:"),
    ])
    func replySubject(input: String, expected: String) {
        #expect(Subject.reply(to: input) == expected)
    }

    @Test func replyIsIdempotent() {
        let once = Subject.reply(to: "Intro")
        #expect(Subject.reply(to: once) == once)
    }
}
