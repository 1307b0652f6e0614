import Testing
import Triage

@Suite("Intent on the person's own words")
struct IntentTests {
    func intent(_ text: String, subject: String = "Re: Quick question") -> Classification {
        TestMail.classifier.classify(bytes: TestMail.raw(subject: subject, body: text))
    }

    @Test("negation and mixed replies", arguments: [
        ("We're not uninterested.", ReplyIntent.unclear),
        ("No problem, let's talk.", .positive),
        ("Interested, but not now.", .later),
        ("I'm not sure we're interested.", .unclear),
        ("Not interested right now, maybe next quarter.", .later),
        ("Please don't remove me, I'm interested!", .positive),
        ("Not interested.", .no),
        ("No thanks.", .no),
        ("Yes please, let's talk next week.", .positive),
        ("Talk to you soon.", .unclear),
        ("I don't know.", .unclear),
        ("Interesting, but we already have a vendor.", .unclear),
        ("Not interested. Remove me from your list.", .remove),
        ("Under GDPR please delete my data and do not contact me again.", .remove),
        ("Graag uitschrijven.", .remove),
        ("Kein Interesse.", .no),
        ("Pas intéressé, merci.", .no),
        ("No me interesa.", .no),
        ("Non mi interessa.", .no),
        ("Geen interesse.", .no),
        ("Não tenho interesse.", .no),
        ("Bitte austragen.", .remove),
        ("Merci de me désinscrire.", .remove),
        ("Por favor darme de baja.", .remove),
        ("Cancellami.", .remove),
        ("Quero descadastrar.", .remove),
        ("Please contact jane.roe@example.org, she runs this.", .referral),
        ("Sure!", .positive),
    ] as [(String, ReplyIntent)])
    func mixed(text: String, expected: ReplyIntent) {
        let c = intent(text)
        #expect(c.intent == expected, "\(text): \(c.explanation)")
        if expected == .unclear { #expect(c.needsReview) }
    }

    @Test("everyday sentences that only look like a no or a removal never close a prospect", arguments: [
        "Tuesday doesn't work, how about Wednesday?",
        "You don't need to apologize, let's talk.",
        "We already have a meeting on Tuesday, can we do Wednesday?",
        "Can you remove the attachment and resend?",
        "Our sales didn't decline this year.",
        "Dienstag passt nicht, geht Mittwoch?",
        "If we're not interested we'll tell you.",
        "Si no nos interesa, se lo diré.",
        "I have no idea what this is.",
        "Who told you we're not interested?",
        "We already use a CRM; does yours integrate?",
        "Is there a way to unsubscribe later if it doesn't work out? Interested otherwise.",
    ])
    func neverClosed(text: String) {
        let c = intent(text)
        #expect(c.intent != .no && c.intent != .remove, "\(text): \(c.explanation)")
    }

    @Test("later dates: quarters, months, explicit days", arguments: [
        ("Try me in Q3.", "2027-07-01"),
        ("Try me in Q1 2027.", "2027-01-01"),
        ("Reach out in January please.", "2027-01-01"),
        ("Busy until 15 January, reach out after that.", "2027-01-15"),
        ("Not now, next quarter.", "2027-01-01"),
        ("Not now, try again in 2 weeks.", "2026-12-15"),
        ("Bad timing, after the holidays.", "2027-01-07"),
        ("Bad timing, we are swamped. Later.", nil),
    ] as [(String, String?)])
    func laterDates(text: String, expected: String?) {
        let c = intent(text)
        #expect(c.intent == .later, "\(text): \(c.explanation)")
        #expect(c.laterDate == expected, "\(text)")
    }

    @Test("a referral names the address, never ours or the sender's")
    func referralAddress() {
        let c = intent("I'm not the right person; write to kira@example.com or jane@example.net or sam@example.org.")
        #expect(c.intent == .referral)
        #expect(c.referralAddress == "sam@example.org")
    }

    @Test("every verdict explains itself and unclear always needs review")
    func explanations() {
        for text in ["Yes", "No thanks", "Hmm", "Remove me", "Later, in Q2"] {
            let c = intent(text)
            #expect(!c.explanation.isEmpty)
            #expect(c.needsReview == (c.intent == .unclear))
            #expect((0...1).contains(c.confidence))
        }
    }

    @Test("an empty reply with our subject is unclear; a new subject is read")
    func emptyBody() {
        #expect(intent("", subject: "Re: Still interested?").intent == .unclear)
        #expect(intent("", subject: "Let's talk").intent == .positive)
    }
}

/// Sentences that once closed a prospect by mistake: each is read as what it is.
@Suite("Look-alikes of a no or a removal")
struct LookAlikeTests {
    @Test("passing details on, sick leave, reported speech, a turn to a question, a story about unsubscribing", arguments: [
        ("I look after the office, but contracts are signed by our COO. I'll pass your details on to him.", ReplyIntent.referral),
        ("La señora Ruiz está de baja hasta el lunes, le paso el recado.", .unclear),
        ("Ik heb niet gezegd dat we niet geïnteresseerd zijn, ik wil eerst de cijfers zien.", .unclear),
        ("We already have a supplier, but the renewal is expensive. What would yours cost?", .unclear),
        ("I nearly hit unsubscribe, then saw the case study. Which customers use it?", .unclear),
    ])
    func readAsWhatTheyAre(text: String, expected: ReplyIntent) {
        let result = TestMail.classifier.classify(bytes: TestMail.raw(body: text))
        #expect(result.intent != .no && result.intent != .remove, "\(result.explanation)")
        if expected != .unclear { #expect(result.intent == expected, "\(result.explanation)") }
    }
}
