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
}
