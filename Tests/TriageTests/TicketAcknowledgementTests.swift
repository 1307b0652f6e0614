import Testing
import Triage

/// A helpdesk that acknowledges our message is a machine: an automatic reply, not a person.
@Suite("Ticket-system acknowledgements")
struct TicketAcknowledgementTests {
    @Test("acknowledgements in seven languages are automatic replies, without any auto-reply header", arguments: [
        ("[Request received] Re: Quick question", "Thanks for reaching Northwind Help. Your request (#60417) has been received and is being reviewed by our team."),
        ("Re: Quick question [#SUP-20931]", "Hello,\n\nYour ticket SUP-20931 has been opened.\nPlease do not reply to this email.\n\nNorthwind Service Desk"),
        ("Eingangsbestätigung: Quick question", "Guten Tag,\n\nIhre Anfrage ist bei uns eingegangen. Ihre Vorgangsnummer lautet #40021.\n\nIhr Kundenservice"),
        ("Accusé de réception - Quick question", "Bonjour,\n\nVotre demande a bien été reçue sous le numéro de ticket #88123. Merci de ne pas répondre à ce message."),
        ("Re: Quick question (#77120)", "Hemos recibido su solicitud. Número de caso: #77120. Por favor, no responda a este correo."),
        ("Conferma di ricezione", "Gentile cliente, abbiamo ricevuto la sua richiesta. Numero di ticket #31190."),
        ("Ontvangstbevestiging: Quick question", "Beste,\n\nWij hebben uw verzoek ontvangen onder ticketnummer #50211. Gelieve niet te antwoorden op deze e-mail."),
        ("Re: Quick question [Chamado #90412]", "Olá! Recebemos sua solicitação. Seu chamado é o #90412. Por favor, não responda este e-mail."),
    ])
    func acknowledgement(subject: String, body: String) {
        let result = TestMail.classifier.classify(bytes: TestMail.raw(subject: subject, from: "Help Desk <help@example.net>", body: body))
        #expect(result.kind == .autoReply, "\(result.explanation)")
    }

    @Test("a person who says they received the message, or who mentions a ticket, is still a person", arguments: [
        "Thanks, I've received your note. Let's talk on Thursday at 10.",
        "We have received your proposal and will discuss it on Monday. Invoice #4471 is unrelated, by the way.",
        "I opened a ticket with our IT about this (#5512), they'll decide. Not interested myself.",
    ])
    func person(body: String) {
        let result = TestMail.classifier.classify(bytes: TestMail.raw(body: body))
        #expect(result.kind == .human, "\(result.explanation)")
    }
}
