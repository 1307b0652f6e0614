import Foundation
import MailCore
import Testing
import Triage

@Suite("Zero-tolerance cases")
struct ZeroToleranceTests {
    @Test("a positive reply quoting the permission-to-close note is never no/remove", arguments: QuoteStyle.allCases)
    func positiveQuotingNote(style: QuoteStyle) {
        let c = TestMail.classifier.classify(bytes: style.render("Yes, sounds good. Let's talk on Thursday."))
        #expect(c.kind == .human)
        #expect(c.intent == .positive, "\(style): \(c.explanation) text: \(c.replyText ?? "")")
        #expect(c.intent != .no && c.intent != .remove)
        #expect(c.replyText?.contains("unsubscribe") == false, "quoted note leaked: \(c.replyText ?? "")")
    }

    @Test("an unclear reply quoting the note is never no/remove", arguments: QuoteStyle.allCases)
    func unclearQuotingNote(style: QuoteStyle) {
        let c = TestMail.classifier.classify(bytes: style.render("Who is this?"))
        #expect(c.intent == .unclear, "\(style): \(c.explanation)")
        #expect(c.needsReview)
    }

    @Test("\"remove me\" under or between the quote is remove", arguments: [QuoteStyle.bottomPosted, .interleaved])
    func removeBelowQuote(style: QuoteStyle) {
        let c = TestMail.classifier.classify(bytes: style.render("Remove me from your list."))
        #expect(c.intent == .remove, "\(style): \(c.explanation)")
    }

    @Test("\"remove me\" above the quote is remove in every style", arguments: QuoteStyle.allCases)
    func removeAnyStyle(style: QuoteStyle) {
        let c = TestMail.classifier.classify(bytes: style.render("Please remove me from your list."))
        #expect(c.intent == .remove, "\(style): \(c.explanation)")
    }

    @Test("a subject-only unsubscribe with an empty body is remove")
    func subjectOnly() {
        for subject in ["unsubscribe", "Unsubscribe", "Re: unsubscribe", "REMOVE", "remove me"] {
            let c = TestMail.classifier.classify(bytes: TestMail.raw(subject: subject, body: ""))
            #expect(c.intent == .remove, "\(subject): \(c.explanation)")
        }
    }

    @Test("a subject \"unsubscribe\" over a quoted note is remove")
    func subjectOverQuote() {
        let c = TestMail.classifier.classify(bytes: TestMail.raw(subject: "unsubscribe", body: TestMail.quoted(TestMail.note)))
        #expect(c.intent == .remove)
    }

    @Test("a message sent to the unsubscribe address is remove")
    func sentToUnsubscribeAddress() {
        let c = TestMail.classifier.classify(bytes: TestMail.raw(to: "kira+unsubscribe@example.com", body: "Hello"))
        #expect(c.intent == .remove)
        #expect(c.confidence == 1)
    }

    @Test("an HTML-only remove request is remove")
    func htmlOnlyRemove() {
        let c = TestMail.classifier.classify(bytes: TestMail.raw(contentType: "text/html", body: "<html><body><p>Please <b>unsubscribe</b> me.</p></body></html>"))
        #expect(c.intent == .remove, "\(c.explanation)")
    }

    @Test("an out-of-office with a return date is never a human reply", arguments: [
        ("Out of Office", "I am out of the office until Monday 7 December.", "2026-12-07"),
        ("Abwesenheitsnotiz", "Ich bin bis zum 7. Dezember nicht im Büro.", "2026-12-07"),
        ("Réponse automatique", "Je suis absent, de retour le 7 décembre.", "2026-12-07"),
        ("Respuesta automática", "Estoy fuera de la oficina hasta el 7 de diciembre.", "2026-12-07"),
        ("Risposta automatica", "Sono fuori ufficio fino al 07/12/2026.", "2026-12-07"),
        ("Automatisch antwoord", "Ik ben afwezig tot 7 december.", "2026-12-07"),
        ("Resposta automática", "Estou fora do escritório até 7 de dezembro.", "2026-12-07"),
        ("Re: Quick question", "Thank you for your email. I am on vacation, back on Monday. For urgent matters call the desk.", "2026-12-07"),
    ])
    func outOfOffice(subject: String, body: String, date: String) {
        let c = TestMail.classifier.classify(bytes: TestMail.raw(subject: subject, body: body + "\n\n" + TestMail.quoted(TestMail.note)))
        #expect(c.kind == .autoReply, "\(subject): \(c.explanation)")
        #expect(c.autoReply?.returnDate == date)
        #expect(c.intent == nil)
    }

    @Test("an \"unsubscribe\" inside a legal disclaimer or list footer is not remove", arguments: [
        "Sounds good, let's talk.\n\nBest regards,\nJane\n\nThis e-mail and any attachments are confidential. If you are not the intended recipient, please delete it. To unsubscribe from this list, email leave@example.net.",
        "Sounds good, let's talk.\n\n-- \nJane Doe | Example Corp\nUnsubscribe from our newsletter: https://example.net/u",
        "Sounds good, let's talk.\n\nYou received this message because you are subscribed to the Example group. To unsubscribe from this group, send an email to group+unsubscribe@example.net.",
    ])
    func disclaimerUnsubscribe(body: String) {
        let c = TestMail.classifier.classify(bytes: TestMail.raw(body: body + "\n\n" + TestMail.quoted(TestMail.note)))
        #expect(c.intent == .positive, "\(c.explanation) text: \(c.replyText ?? "")")
    }

    @Test("no and remove are only given for explicit phrases in the person's own words")
    func explicitOnly() {
        #expect(TestMail.classifier.classify(bytes: QuoteStyle.gmail.render("Not interested, thanks.")).intent == .no)
        #expect(TestMail.classifier.classify(bytes: QuoteStyle.gmail.render("")).intent == .unclear)
        #expect(TestMail.classifier.classify(bytes: QuoteStyle.outlookDE.render("Danke.")).intent == .unclear)
    }
}
