import Testing
import Triage

@Suite("Quote and signature stripping")
struct QuoteStripperTests {
    static let quote = "If you're not interested, just tell me and I'll take you off my list."

    @Test("localized Outlook header blocks cut the original", arguments: [
        "Von: Kira\nGesendet: Montag\nAn: Jane\nBetreff: Frage",
        "De : Kira\nEnvoyé : lundi\nÀ : Jane\nObjet : Question",
        "De: Kira\nEnviado: lunes\nPara: Jane\nAsunto: Pregunta",
        "Da: Kira\nInviato: lunedì\nA: Jane\nOggetto: Domanda",
        "Van: Kira\nVerzonden: maandag\nAan: Jane\nOnderwerp: Vraag",
        "De: Kira\nEnviada em: segunda-feira\nPara: Jane\nAssunto: Pergunta",
        "*From:* Kira\n*Sent:* Monday\n*To:* Jane",
        "-----Messaggio originale-----",
        "-----Oorspronkelijk bericht-----",
        "-----Mensagem original-----",
        "-----Message d'origine-----",
    ])
    func outlookBlocks(block: String) {
        #expect(QuoteStripper.newText("Yes please.\n\n\(block)\n\n\(Self.quote)") == "Yes please.")
    }

    @Test("localized attribution lines are removed with their quote", arguments: [
        "On Mon, Nov 30, 2026 at 9:15 AM Kira Moore <kira@example.com> wrote:",
        "Am 30.11.2026 um 09:15 schrieb Kira Moore <kira@example.com>:",
        "Le lun. 30 nov. 2026 à 09:15, Kira Moore <kira@example.com> a écrit :",
        "El lun, 30 nov 2026 a las 9:15, Kira Moore (<kira@example.com>) escribió:",
        "Il giorno lun 30 nov 2026 alle ore 09:15 Kira Moore <kira@example.com> ha scritto:",
        "Op ma 30 nov. 2026 om 09:15 schreef Kira Moore <kira@example.com>:",
        "Em seg., 30 de nov. de 2026 às 09:15, Kira Moore <kira@example.com> escreveu:",
        "On 30 Nov 2026, at 09:15, Kira Moore <kira@example.com> wrote:",
        "On Mon, Nov 30, 2026 at 9:15 AM Kira Moore <\nkira@example.com> wrote:",
    ])
    func attributions(line: String) {
        #expect(QuoteStripper.newText("Sounds good.\n\n\(line)\n> \(Self.quote)\n") == "Sounds good.")
    }

    @Test("bottom-posted and interleaved replies keep the person's lines only")
    func bottomAndInterleaved() {
        #expect(QuoteStripper.newText("Kira wrote:\n> \(Self.quote)\n\nremove me") == "remove me")
        #expect(QuoteStripper.newText("> line one\nanswer one\n> line two\nanswer two\n") == "answer one\nanswer two")
    }

    @Test("signatures, mobile footers and disclaimers are dropped", arguments: [
        ("Let's talk.\n-- \nJane Doe\nCEO", "Let's talk."),
        ("Let's talk.\n\nSent from my iPhone", "Let's talk."),
        ("Gerne.\n\nVon meinem iPhone gesendet", "Gerne."),
        ("D'accord.\n\nEnvoyé de mon iPhone", "D'accord."),
        ("Let's talk.\n\nBest regards,\nJane Doe\nHead of Ops\n+1 555 0100", "Let's talk."),
        ("Let's talk.\n\nMit freundlichen Grüßen\nJane Doe", "Let's talk."),
        ("Let's talk.\n\nThis e-mail and any attachments are confidential. To unsubscribe from this list reply STOP.", "Let's talk."),
    ])
    func signatures(text: String, expected: String) {
        #expect(QuoteStripper.newText(text) == expected)
    }

    @Test("a closing line at the very top is not a signature")
    func closingFirst() {
        #expect(QuoteStripper.newText("Thanks,\nplease remove me.") == "Thanks,\nplease remove me.")
    }

    @Test("attribution shapes beyond \"On … wrote:\": dated address lines, \"sent:\", broken lines, reply separators", arguments: [
        "2026-12-01 11:28 GMT+01:00 Kira Moore <kira@example.com>:",
        "On 01-Dec-2026, at 6:54 PM, Kira Moore <kira@example.com> sent:",
        "On Tue, Dec 1, 2026 at 10:00 AM Kira Moore <\nmailto:kira@example.com> wrote:",
        "On Tue, Dec 1, 2026 at 10:00 AM\nKira Moore\n< mailto:kira@example.com>\nwrote:",
        "-----Reply Message-----\nFrom: Kira Moore\nTo: Jane",
    ])
    func moreAttributionShapes(attribution: String) {
        let quoted = "> " + Self.quote + "\n> Thanks!"
        #expect(QuoteStripper.newText("Thursday works, call me.\n\n\(attribution)\n\(quoted)") == "Thursday works, call me.")
    }

    @Test("the answer and the attribution on one line: the answer stays, the attribution and quote go")
    func answerAndAttributionOnOneLine() {
        let text = "Not for us, thanks. On Tue, Dec 1, 2026 at 10:00 AM Kira Moore <kira@example.com> wrote:\n> \(Self.quote)"
        #expect(QuoteStripper.newText(text) == "Not for us, thanks.")
        // A sentence of one's own that ends with a colon is kept.
        #expect(QuoteStripper.newText("Here is what we need: a call on Monday.\nOur times are:\n- 9am\n- 2pm") == "Here is what we need: a call on Monday.\nOur times are:\n- 9am\n- 2pm")
        #expect(QuoteStripper.newText("These are the days we sent:\nMonday and Tuesday.") == "These are the days we sent:\nMonday and Tuesday.")
    }
}
