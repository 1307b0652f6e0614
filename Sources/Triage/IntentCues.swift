/// The phrase lists behind intent detection (matched as whole folded words; accents and case ignored).
enum IntentCues {
    /// Harmless phrases masked before anything else ("no problem" is not a "no").
    static let neutral = [
        "no problem", "no problems", "no worries", "no doubt", "no rush", "no hurry", "no pressure", "kein problem", "keine sorge",
        "pas de probleme", "pas de souci", "sans probleme", "sin problema", "no hay problema", "nessun problema", "geen probleem",
        "geen zorgen", "sem problema", "sem problemas", "no need to apologize", "not a problem",
        // Telling, not asking: "I was about to hit unsubscribe, but …".
        "about to hit unsubscribe", "about to unsubscribe", "almost unsubscribed", "nearly unsubscribed", "was going to unsubscribe",
        "thought about unsubscribing", "almost hit unsubscribe", "nearly hit unsubscribe",
    ]
    /// Hedges: the person is not sure; they make a yes or a no unclear.
    static let hedges = [
        "not sure", "unsure", "don't know", "dont know", "do not know", "not uninterested", "maybe", "perhaps", "might be", "possibly",
        "could be", "we'll see", "let me think", "think about it", "need to check", "need to discuss", "have to check", "not certain",
        "weiss nicht", "weiss ich nicht", "vielleicht", "nicht sicher", "eventuell", "peut etre", "pas sur", "pas certain", "je ne sais pas",
        "quizas", "quiza", "tal vez", "no estoy seguro", "no estoy segura", "no se si", "forse", "non so", "non sono sicuro", "misschien",
        "weet niet", "niet zeker", "talvez", "nao sei", "nao tenho certeza",
    ]
    /// Explicit requests to stop all contact or delete data.
    static let remove = [
        "remove me", "remove us", "remove my email", "remove my address", "remove my name", "remove my details", "remove my data",
        "remove my contact", "remove our email", "remove our address", "remove this address", "remove this email", "unsubscribe", "unsubscribed", "stop emailing", "stop e mailing",
        "stop sending", "stop contacting", "stop writing", "stop spamming", "stop mailing", "stop messaging", "take me off", "take us off",
        "off your list", "off your mailing list", "off your lists", "don't contact me", "do not contact me", "dont contact me",
        "don't contact us", "do not contact us", "don't email me", "do not email me", "dont email me", "never contact", "never email",
        "delete my data", "delete my personal", "erase my data", "erase my personal", "delete all my", "delete my information",
        "delete my details", "delete my email", "right to erasure", "opt me out", "opt out", "no more emails", "no more e mails",
        "leave me alone", "don't write to me", "do not write to me", "gdpr request",
        // Erasure and do-not-contact requests in legal words, and complaints to a data-protection authority.
        "right to be forgotten", "erasure of my", "erasure request", "request erasure", "under article 17", "article 17 gdpr", "art 17 gdpr",
        "under gdpr", "under the gdpr", "per gdpr", "as per gdpr", "pursuant to gdpr", "in accordance with gdpr", "data subject request",
        "report you to the ico", "complaint to the ico", "complain to the ico", "reported to the ico", "report this to the ico",
        "report you to the cnil", "plainte aupres de la cnil", "saisir la cnil", "signaler a la cnil", "droit a l effacement", "droit a l oubli",
        "effacement de mes donnees", "recht auf loschung", "recht auf vergessenwerden", "loschung meiner daten", "gemass dsgvo", "nach dsgvo",
        "derecho de supresion", "derecho al olvido", "supresion de mis datos", "diritto all oblio", "diritto alla cancellazione",
        "recht op vergetelheid", "recht op verwijdering", "direito ao esquecimento", "eliminacao dos meus dados", "exclusao dos meus dados",
        "never contact me", "never email me", "never write to me", "no further contact", "no further emails", "cease all contact",
        "cease contacting", "cease and desist",
        "austragen", "tragen sie mich", "abmelden", "melden sie mich ab", "keine e mails mehr", "keine emails mehr", "keine mails mehr",
        "keine nachrichten mehr", "nicht mehr kontaktieren", "nicht mehr anschreiben", "nicht mehr zu kontaktieren", "nicht mehr zu schreiben",
        "loschen sie meine", "meine daten loschen", "aus ihrem verteiler", "aus dem verteiler", "von ihrer liste", "aus ihrer liste",
        "desinscrire", "desinscrivez", "desinscription", "desabonner", "desabonnez", "desabonnement", "retirez moi", "retirez nous",
        "retirer de votre liste", "ne plus me contacter", "ne me contactez plus", "ne plus recevoir", "arretez de m envoyer",
        "arretez de nous envoyer", "supprimer mes donnees", "supprimez mes donnees", "effacer mes donnees",
        "darme de baja", "dame de baja", "denme de baja", "darnos de baja", "dar de baja", "denos de baja", "me den de baja",
        "den de baja", "de baja de su lista", "de baja de la lista", "de baja de sus listas", "baja de su base", "baja de la base", "eliminarme de", "eliminenme", "eliminame",
        "no me contacten", "no me contacte", "no me escriban", "dejen de enviarme", "deje de enviarme", "dejen de escribirme",
        "borrar mis datos", "borren mis datos", "quitarme de", "quitenme de",
        "cancellami", "cancellatemi", "cancellarmi", "rimuovetemi", "rimuovermi", "rimuovimi", "disiscrivermi", "disiscrivetemi",
        "non contattatemi", "non contattarmi", "non scrivetemi piu", "cancellate i miei dati", "cancellare i miei dati",
        "uitschrijven", "schrijf mij uit", "schrijf me uit", "verwijder mij", "verwijder me", "verwijder mijn", "niet meer mailen",
        "geen contact meer", "geen e mails meer", "geen mails meer", "afmelden",
        "descadastrar", "descadastre", "descadastrem", "descadastro", "remover meu", "remova meu", "removam meu", "remova me",
        "removam me", "me remova", "parem de enviar", "pare de enviar", "nao me contatem", "nao me contate", "apagar meus dados",
        "apaguem meus dados", "cancelar inscricao", "cancelar a inscricao", "me tire da", "me tirem da",
    ]
    /// Explicit "not interested" phrases.
    static let no = [
        "not interested", "not really interested", "not currently interested", "no longer interested", "not very interested",
        "no interest", "no thanks", "no thank you", "no thx", "we're all set", "we are all set", "i'm all set", "i am all set", "all set on",
        "already have a vendor", "already have a provider", "already have a solution", "already have a partner", "already have someone",
        "already have an agency", "already have a supplier", "already work with a", "already working with a", "already work with another",
        "already working with another", "already use a competitor", "already using a competitor", "not a fit", "not a good fit",
        "not the right fit", "isn't a fit", "is not a fit", "please don't follow up", "please do not follow up", "don't follow up",
        "do not follow up", "stop following up", "no need to follow up", "not for us",
        // "I'll pass" alone is ambiguous ("I'll pass your details on"): only with what is passed up.
        "we'll pass on this", "we will pass on this", "i'll pass on this", "i will pass on this", "we'll pass on it", "i'll pass on it",
        "pass on this one", "going to pass on", "we'll pass thanks", "i'll pass thanks",
        "hard pass", "we'll pass for this", "it's still no", "it is still no", "still a no", "the answer is no", "answer is still no",
        "that's a no", "that is a no", "it's a no", "a hard no", "a firm no", "thanks but no", "thank you but no", "so no thanks",
        "isn't something we'd look at", "not something we'd look at", "not something we would look at", "not something we'd consider",
        "nothing for us", "we're sorted", "we are sorted", "we're covered", "we are covered",
        "we'll keep using", "we will keep using", "we'll stick with", "we will stick with", "we're sticking with", "we are sticking with",
        "we'll stay with", "we will stay with", "staying with our", "perfectly happy with our", "no reason to leave", "no reason to switch",
        "we picked a different", "we picked another", "we went with another", "we went with a different", "we've gone with another",
        "we chose another", "we chose a different", "we signed with another", "we signed with a different", "we decided to go with another",
        "we've decided to go with another", "we opted for another", "wrong industry", "not relevant for us", "not relevant to us",
        "doesn't apply to us", "does not apply to us", "beyond what we need", "overkill for us", "we're too small", "we are too small",
        "too small for this", "have no need for", "we have no need",
        "sind versorgt", "sind bereits versorgt", "bleiben bei unserem", "bleiben bei unserer", "haben uns fur einen anderen",
        "haben uns fur eine andere", "haben uns fur ein anderes", "kommt fur uns nicht in frage", "ist nichts fur uns", "nichts fur uns",
        "on est deja equipe", "nous sommes deja equipes", "nous avons choisi un autre", "on a choisi un autre", "nous restons avec",
        "on reste avec", "ce n est pas pour nous", "ca ne nous concerne pas", "ya estamos cubiertos", "nos quedamos con nuestro",
        "hemos elegido otro", "elegimos otro", "no es para nosotros", "no lo necesitamos", "siamo gia coperti", "restiamo con il nostro",
        "abbiamo scelto un altro", "non fa per noi", "non ne abbiamo bisogno", "we blijven bij onze", "we blijven bij ons",
        "hebben gekozen voor een andere", "niet voor ons", "hebben we niet nodig", "zijn al voorzien", "ja estamos atendidos",
        "vamos continuar com o nosso", "escolhemos outro", "nao e para nos", "nao precisamos disso", "not in the market", "no need for your", "we don't need your", "we do not need your",
        "don't need your services", "we don't need this", "we do not need this", "not something we need", "not something we're",
        "not something we are", "don't think we're interested", "we're good thanks", "we are good thanks", "i must decline",
        "i have to decline", "we must decline", "we have to decline", "politely decline", "respectfully decline", "will decline",
        "not going to move forward", "won't be moving forward", "will not be moving forward", "not pursue",
        "kein interesse", "keinen bedarf", "kein bedarf", "nein danke", "nicht interessiert", "bereits einen anbieter",
        "bereits einen dienstleister", "schon einen anbieter", "schon einen dienstleister", "bereits eine losung", "passt nicht zu uns",
        "benotigen wir nicht", "brauchen wir nicht",
        "pas interesse", "pas interessee", "pas interesses", "pas interessees", "non merci", "aucun interet", "ne m interesse pas",
        "ne nous interesse pas", "m interesse pas", "nous interesse pas", "n avons pas besoin de vos", "deja un prestataire",
        "deja un fournisseur", "deja un partenaire", "deja une solution",
        "no me interesa", "no nos interesa", "no estamos interesados", "no estoy interesado", "no estoy interesada", "no gracias",
        "ya tenemos un proveedor", "ya tenemos proveedor", "ya contamos con un proveedor", "ya tenemos una solucion", "no necesitamos sus servicios",
        "non mi interessa", "non ci interessa", "non siamo interessati", "non sono interessato", "non sono interessata", "no grazie",
        "gia un fornitore", "gia una soluzione", "non abbiamo bisogno dei vostri",
        "geen interesse", "nee dank", "nee bedankt", "niet geinteresseerd", "al een leverancier", "al een oplossing", "geen behoefte",
        "nao tenho interesse", "nao temos interesse", "nao estou interessado", "nao estou interessada", "nao estamos interessados",
        "nao obrigado", "nao obrigada", "ja temos um fornecedor", "ja temos fornecedor", "ja temos uma solucao", "sem interesse",
    ]
    /// "Not now / later" phrases.
    static let later = [
        // After a holiday or season, in seven languages (HolidayDates finds the day).
        "after easter", "after carnival", "after carnaval", "after christmas", "after thanksgiving", "after pentecost",
        "nach ostern", "nach fasching", "nach karneval", "nach der fasnacht", "nach weihnachten", "nach neujahr", "nach dem jahreswechsel",
        "nach pfingsten", "nach den sommerferien", "nach der sommerpause", "apres paques", "apres le carnaval", "apres les fetes",
        "apres noel", "apres la rentree", "a la rentree", "apres l ete", "apres les vacances", "despues de semana santa", "despues de pascua",
        "despues de carnaval", "despues de las fiestas", "despues de reyes", "despues del verano", "pasado el verano", "pasadas las fiestas",
        "dopo pasqua", "dopo carnevale", "dopo le feste", "dopo natale", "dopo l epifania", "dopo l estate", "dopo ferragosto",
        "passate le feste", "na pasen", "na carnaval", "na de feestdagen", "na kerst", "na de zomer", "na de zomervakantie", "na de bouwvak",
        "na pinksteren", "depois da pascoa", "depois do carnaval", "depois das festas", "depois do natal", "depois do verao",
        "passado o carnaval", "ab herbst", "ab fruhjahr", "ab dem fruhjahr", "ab sommer", "ab dem sommer", "ab nachstem jahr", "ab dem nachsten quartal",
        "not now", "not right now", "not at the moment", "not at this time", "not at this point", "not this quarter", "not this year",
        "not this month", "maybe later", "later this year", "later in the year", "next quarter", "next year",
        "in a few months", "in a few weeks", "in a couple of months", "in a couple of weeks", "after the holidays", "after the summer",
        "after new year", "in the new year", "try me in", "try me again", "try again in", "try me after", "reach out in", "reach out again",
        "reach out after", "reach back out", "circle back", "check back", "check in again", "follow up in", "follow up after",
        "get back to me in", "contact me in", "contact me again", "ping me in", "ping me again", "busy until", "swamped until",
        "tied up until", "until after", "revisit", "down the road", "bad timing", "timing isn't right", "timing is not right",
        "not a priority right now", "ask me again", "in q1", "in q2", "in q3", "in q4", "until q1", "until q2", "until q3", "until q4",
        "nicht jetzt", "momentan nicht", "derzeit nicht", "zurzeit nicht", "aktuell nicht", "im moment nicht", "nachstes jahr",
        "nachstes quartal", "im neuen jahr", "nach den feiertagen", "nach dem sommer", "melden sie sich im",
        "melden sie sich gerne im", "melden sie sich nochmal", "melden sie sich wieder",
        "pas maintenant", "pas pour le moment", "pas pour l instant", "pas en ce moment",
        "l annee prochaine", "le trimestre prochain", "trimestre prochain", "apres les fetes", "recontactez moi", "recontactez nous",
        "revenez vers moi", "revenez vers nous",
        "ahora no", "por ahora no", "en este momento no", "de momento no", "mas adelante", "el proximo ano", "el ano que viene", "el proximo trimestre", "despues de las fiestas", "vuelva a contactarme",
        "vuelvan a contactarme", "contacteme en", "contactame en", "escribame en", "escribeme en",
        "non ora", "non adesso", "per ora no", "al momento no", "piu avanti", "il prossimo anno", "l anno prossimo", "il prossimo trimestre", "dopo le feste", "ricontattami", "ricontattatemi", "risentiamoci",
        "niet nu", "nu niet", "op dit moment niet", "momenteel niet", "volgend jaar", "volgend kwartaal",
        "na de feestdagen", "na de zomer", "neem in", "neem contact op in", "neem later",
        "agora nao", "no momento nao", "neste momento nao", "mais para frente", "mais adiante", "proximo ano",
        "proximo trimestre", "depois das festas", "entre em contato em", "entre em contato novamente", "volte a entrar em contato",
    ]
    /// Time words that mean "later" only when the reply shows no interest ("let's talk next week" is a yes).
    static let laterWeak = [
        "next week", "next month", "later", "spater", "nachste woche", "nachsten monat", "plus tard", "le mois prochain",
        "la semaine prochaine", "mas tarde", "el proximo mes", "el mes que viene", "la proxima semana", "piu tardi", "il prossimo mese",
        "il mese prossimo", "la prossima settimana", "volgende week", "volgende maand", "mais tarde", "proximo mes", "proxima semana",
    ]
    /// Referral phrases that say on their own "talk to someone else".
    static let referral = [
        "not the right person", "not the best person", "not the correct person", "wrong person", "not the person", "right person is",
        "right person would be", "better person", "best person to", "right contact", "the right person to", "contact my colleague",
        "talk to my colleague", "speak with my colleague", "speak to my colleague", "reach out to my colleague", "contact our",
        "i've forwarded", "i have forwarded", "pass your details", "pass this on", "pass it on", "pass it along", "pass this along",
        "passing it on", "passing this on", "decisions sit with", "sits with our", "sit with our", "forwarded your", "forwarding your", "i'll forward", "i will forward", "passed your",
        "passing this", "who handles", "handles this", "handles that", "handles our", "is responsible for", "in charge of",
        "left the company", "no longer with", "no longer works", "no longer at", "cc'ing", "ccing", "looping in",
        "nicht der richtige ansprechpartner", "nicht die richtige ansprechpartnerin", "nicht die richtige person", "nicht zustandig",
        "wenden sie sich bitte an", "wenden sie sich an", "weitergeleitet", "zustandig ist", "ansprechpartner ist", "ansprechpartnerin ist",
        "pas la bonne personne", "pas le bon interlocuteur", "pas la bonne interlocutrice", "contactez plutot", "j ai transmis",
        "transmis votre", "s en occupe", "s occupe de",
        "no soy la persona adecuada", "no soy la persona indicada", "no soy la persona correcta", "he reenviado", "reenviado su",
        "se encarga", "non sono la persona giusta", "ho inoltrato", "si occupa", "niet de juiste persoon", "niet de aangewezen persoon",
        "doorgestuurd", "nao sou a pessoa certa", "nao sou a pessoa indicada", "encaminhei",
    ]
    /// Referral phrases that count only when the reply also names another address.
    static let referralWeak = [
        "talk to", "speak to", "speak with", "reach out to", "please contact", "get in touch with", "contact", "write to", "email",
        "copying", "my colleague", "mein kollege", "meine kollegin", "kontaktieren sie", "schreiben sie", "mon collegue", "ma collegue",
        "contactez", "ecrivez a", "mi colega", "mi companero", "mi companera", "contacte a", "contacta a", "escriba a", "il mio collega",
        "la mia collega", "contattate", "scrivete a", "mijn collega", "neem contact op met", "mail", "meu colega", "minha colega",
        "fale com", "falar com", "entre em contato com", "escreva para",
    ]
    /// Interest phrases.
    static let positive = [
        "interested", "interesting", "sounds good", "sounds great", "sounds interesting", "sounds promising", "let's talk", "lets talk",
        "let's chat", "lets chat", "let's meet", "let's connect", "let's set up", "let's schedule", "let's do it", "let's find a time",
        "happy to talk", "happy to chat", "happy to meet", "happy to hop", "glad to chat", "glad to talk", "book a call", "schedule a call",
        "set up a call", "hop on a call", "jump on a call", "quick call", "a call", "send more info", "send me more", "send over",
        "more information", "more info", "more details", "what's the price", "what is the price", "pricing", "how much", "what does it cost",
        "tell me more", "learn more", "would love to", "i'd love to", "love to", "are you free", "does tuesday", "does monday",
        "does wednesday", "does thursday", "does friday", "works for me", "my calendar", "calendar link", "a demo", "book a time",
        "set up a meeting", "set up a time", "grab time", "let me know when", "count me in", "go ahead", "hear more", "know more",
        "call me", "give me a call", "phone me", "ring me", "schedule a meeting", "send me", "keen", "sign me up", "i'm in",
        "interessiert", "interessant", "interesse", "klingt gut", "klingt interessant", "gerne", "gern", "lassen sie uns", "telefonieren",
        "termin", "mehr informationen", "mehr infos", "was kostet", "preise", "preis",
        "interesse", "interessant", "ca m interesse", "volontiers", "avec plaisir", "appelons nous", "parlons en", "echangeons",
        "plus d informations", "plus d infos", "quel est le prix", "combien", "tarif", "tarifs", "rendez vous", "un appel",
        "me interesa", "nos interesa", "interesado", "interesada", "interesados", "interesante", "suena bien", "hablemos", "con gusto",
        "mas informacion", "cuanto cuesta", "precio", "precios", "llamada", "reunion",
        "mi interessa", "ci interessa", "interessato", "interessata", "interessati", "interessante", "volentieri", "sentiamoci",
        "parliamone", "maggiori informazioni", "piu informazioni", "quanto costa", "prezzo", "prezzi", "chiamata", "incontro",
        "geinteresseerd", "interessant", "klinkt goed", "graag een", "laten we", "afspraak", "meer informatie", "wat kost", "prijs", "prijzen",
        "bellen",
        "tenho interesse", "temos interesse", "interessado", "interessada", "interessados", "parece bom", "parece otimo",
        "vamos conversar", "com prazer", "mais informacoes", "quanto custa", "preco", "precos", "reuniao", "ligacao",
    ]
    /// Polite words that also mean "please"; they never turn a removal request into a conflict.
    static let weakPositive: Set<String> = ["gerne", "gern", "graag een", "volontiers", "con gusto", "com prazer", "go ahead", "love to", "interesting", "interessant", "interesante", "interessante"]
    /// Whole replies (nothing else written) that are an explicit removal request.
    static let wholeRemove: Set<String> = ["stop", "please stop", "stop please", "stop it", "stop thanks", "stop thank you", "remove",
        "remove please", "please remove", "unsub", "stopp", "bitte stoppen", "arret", "arretez", "basta", "para", "pare", "parem"]
    /// Whole replies (nothing else written) that are an explicit no.
    static let wholeNo: Set<String> = ["no", "nope", "nah", "no thanks", "we ll pass", "i ll pass", "we will pass", "i will pass", "pass", "nein", "non", "nee", "nao", "no grazie", "non merci", "no gracias", "nee dank je"]
    /// Words that mean yes when they open the reply.
    static let leadingYes = ["yes", "yeah", "yep", "sure", "absolutely", "definitely", "ok", "okay", "ja", "oui", "si", "sim", "certo", "jawohl", "claro", "bien sur", "natuurlijk", "certamente", "certo"]
    /// Words that negate the phrase that follows within two words.
    static let negators = ["not", "no", "non", "nicht", "kein", "keine", "pas", "niet", "geen", "nao", "never", "don't", "dont", "isn't", "aren't", "wasn't", "weren't", "neither", "nor", "nunca", "mai"]
}
