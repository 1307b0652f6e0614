/// Subject and body phrases of automatic replies in seven languages (folded words).
enum AutoReplyCues {
    /// Subject phrases of automatic replies.
    static let subjects = [
        " out of office ", " out of the office ", " automatic reply ", " auto reply ", " autoreply ", " auto response ", " autoresponse ",
        " away from the office ", " on vacation ", " on holiday ", " on leave ", " vacation reply ", " abwesenheitsnotiz ", " abwesenheit ",
        " automatische antwort ", " abwesend ", " nicht im buro ", " absent du bureau ", " absence du bureau ", " reponse automatique ",
        " absent ", " absente ", " fuera de la oficina ", " respuesta automatica ", " ausente ", " fuori ufficio ", " fuori sede ",
        " risposta automatica ", " assente ", " afwezig ", " automatisch antwoord ", " afwezigheidsbericht ", " fora do escritorio ",
        " resposta automatica ", " ausencia ",
    ]
    /// Body phrases of out-of-office and other automatic replies.
    static let body = [
        " out of the office ", " out of office ", " away from the office ", " on vacation ", " on holiday ", " on annual leave ",
        " on parental leave ", " on maternity leave ", " on paternity leave ", " on leave ", " limited access to email ",
        " limited access to my email ", " limited access to e mail ", " no access to email ", " upon my return ", " when i return ",
        " for urgent matters ", " in urgent cases ", " for anything urgent ", " if your matter is urgent ", " automatic reply ", " auto reply ",
        " this is an automated ", " this is an automatic ", " automatically generated ", " i am currently away ", " i m currently away ",
        " i am away ", " i m away ", " business trip ", " currently travelling ", " currently traveling ", " i will be back ", " i ll be back ",
        " will respond to your email ", " urgent matters ", " for urgent ", " para asuntos urgentes ", " per questioni urgenti ",
        " voor dringende zaken ", " para assuntos urgentes ", " bei dringenden anliegen ", " pour toute urgence ", " en mi ausencia ",
        " in my absence ", " wahrend meiner abwesenheit ", " en mon absence ", " durante la mia assenza ", " tijdens mijn afwezigheid ", " will reply to your email ", " will get back to you when ", " thank you for your email i ",
        " nicht im buro ", " abwesend ", " im urlaub ", " in dringenden fallen ", " automatische antwort ", " eingeschrankt erreichbar ",
        " nicht erreichbar ", " elternzeit ", " dienstreise ", " bin ich wieder ", " wieder im buro ", " ausser haus ",
        " absent du bureau ", " je suis absent ", " je suis absente ", " en conges ", " en vacances ", " de retour le ", " en cas d urgence ",
        " reponse automatique ", " acces limite ", " en deplacement ",
        " fuera de la oficina ", " estoy fuera ", " de vacaciones ", " respuesta automatica ", " en caso de urgencia ", " acceso limitado ",
        " regresare ", " estare de vuelta ",
        " fuori ufficio ", " sono assente ", " in ferie ", " in vacanza ", " risposta automatica ", " per urgenze ", " accesso limitato ",
        " rientrero ", " saro di ritorno ",
        " afwezig ", " niet op kantoor ", " op vakantie ", " automatisch antwoord ", " in dringende gevallen ", " beperkt toegang ",
        " ben ik weer ", " weer aanwezig ",
        " fora do escritorio ", " estou ausente ", " de ferias ", " resposta automatica ", " em caso de urgencia ", " acesso limitado ",
        " estarei de volta ", " retorno em ",
    ]
    /// Phrases of a ticket or helpdesk system acknowledging a message (a machine, not a person).
    static let ticketBody = [
        " your request has been received ", " your request has been logged ", " your request was received ", " we have received your request ",
        " we ve received your request ", " has been received and is being reviewed ", " a ticket has been created ", " ticket has been opened ",
        " ticket has been created ", " your ticket number is ", " your ticket id is ", " your case number is ", " a case has been opened ",
        " this is an automatic confirmation ", " this is an automated confirmation ", " automated response ", " do not reply to this message ",
        " please do not reply to this email ", " reference number for your request ", " support ticket ",
        " ihre anfrage ist bei uns eingegangen ", " ihre anfrage wurde erfasst ", " ticketnummer ", " vorgangsnummer ", " eingangsbestatigung ",
        " bitte antworten sie nicht auf diese ", " votre demande a bien ete recue ", " votre demande a bien ete enregistree ", " numero de ticket ",
        " accuse de reception ", " merci de ne pas repondre ", " hemos recibido su solicitud ", " hemos recibido tu solicitud ",
        " numero de ticket ", " numero de caso ", " acuse de recibo ", " por favor no responda ", " abbiamo ricevuto la sua richiesta ",
        " numero di ticket ", " conferma di ricezione ", " si prega di non rispondere ", " wij hebben uw verzoek ontvangen ",
        " we hebben je verzoek ontvangen ", " ticketnummer ", " ontvangstbevestiging ", " gelieve niet te antwoorden ",
        " recebemos sua solicitacao ", " recebemos a sua solicitacao ", " numero do chamado ", " seu chamado ", " protocolo de atendimento ",
        " confirmacao de recebimento ", " por favor nao responda ",
    ]
    /// Subject phrases of ticket or helpdesk acknowledgements.
    static let ticketSubjects = [
        " request received ", " ticket ", " case ", " support request ", " anfrage eingegangen ", " eingangsbestatigung ",
        " accuse de reception ", " demande recue ", " acuse de recibo ", " solicitud recibida ", " conferma di ricezione ",
        " richiesta ricevuta ", " ontvangstbevestiging ", " verzoek ontvangen ", " confirmacao de recebimento ", " chamado ",
    ]
}
