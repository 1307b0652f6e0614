/// The words and phrases that identify MTA bounce messages and explain their cause.
enum BounceCues {
    /// Local parts of senders that send bounces.
    static let daemonSenders = ["mailer-daemon", "postmaster", "mail-daemon", "maildaemon", "mailerdaemon", "bounce", "bounces", "mdaemon", "nobody"]
    /// Display names of bounce senders, folded.
    static let daemonNames = ["mail delivery subsystem", "mail delivery system", "mail delivery service", "microsoft outlook", "postmaster", "mailer daemon", "mail administrator", "administrador del sistema de correo"]
    /// Subjects of failure notices, folded words.
    static let failureSubjects = [
        " undeliverable ", " undelivered mail ", " undelivered message ", " mail delivery failed ", " returned mail ", " delivery status notification failure ",
        " delivery failure ", " failure notice ", " delivery has failed ", " could not send message ", " message not delivered ", " nondeliverable ",
        " non deliverable ", " mail system error ", " delivery failed ", " delivery notification ", " unzustellbar ", " nicht zustellbar ",
        " non remis ", " echec de la remise ", " no se puede entregar ", " no entregado ", " non recapitabile ", " mancato recapito ",
        " onbestelbaar ", " niet afgeleverd ", " nao entregue ", " nao foi possivel entregar ", " returned to sender ", " delivery problem ",
        " mail delivery problem ", " rejected ", " not delivered ",
    ]
    /// Subjects of delay notices, folded words.
    static let delaySubjects = [
        " delivery status notification delay ", " delayed mail ", " delivery delayed ", " warning could not send message for past ",
        " message delayed ", " delivery delay ", " still being retried ", " zustellung verzogert ", " remise differee ", " entrega retrasada ", " delayed ", " delay ",
    ]
    /// Body phrases of failure notices, folded words.
    static let failureBody = [
        " this is the qmail send program ", " could not be delivered to one or more recipients ", " following address es failed ",
        " following addresses had permanent fatal errors ", " delivery to the following recipient failed permanently ",
        " delivery has failed to these recipients or groups ", " your message couldn t be delivered ", " your message could not be delivered ",
        " unable to deliver your message ", " message could not be delivered ", " i m sorry to have to inform you that your message could not be delivered ",
        " permanent error ", " unrecoverable error ", " undeliverable ", " delivery to the following recipients failed ",
        " i m afraid i wasn t able to deliver ", " returned to the sender ", " message was not delivered ", " failed to deliver ",
        " the mail system ", " mail delivery failed ", " address not found ", " recipient address rejected ", " user unknown ",
        " no such user ", " does not exist ", " mailbox unavailable ", " konnte nicht zugestellt werden ", " n a pas pu etre remis ",
        " no se pudo entregar ", " non e stato possibile recapitare ", " kon niet worden afgeleverd ", " nao pode ser entregue ",
    ]
    /// Body phrases of delay notices, folded words.
    static let delayBody = [
        " has not yet been delivered ", " delivery delayed ", " delivery has been delayed ", " will continue to try ", " will retry ",
        " still trying ", " delivery attempts will continue ", " message delayed ", " not been delivered yet ", " temporarily deferred ",
        " delivery is delayed ", " is still being retried ", " will keep trying ",
    ]
    /// Diagnostic phrases that mean the address does not exist, folded words.
    static let unknownUser = [
        " user unknown ", " unknown user ", " no such user ", " no such mailbox ", " does not exist ", " doesn t exist ", " recipient not found ",
        " recipientnotfound ", " invalid recipient ", " no mailbox here ", " mailbox not found ", " mailbox unavailable ", " address rejected ",
        " account disabled ", " account has been disabled ", " not a valid mailbox ", " couldn t be found ", " could not be found ", " address not found ",
        " unknown recipient ", " recipient unknown ", " user doesn t have ", " invalid address ", " mailbox is disabled ", " no longer active ",
        " inactive ", " not our customer ", " unknown or illegal alias ", " not listed in ", " not listed ", " name not found ", " no valid recipients ", " bad destination mailbox ",
        " unbekannt ", " existiert nicht ", " inconnu ", " n existe pas ", " desconocido ", " no existe ", " sconosciuto ", " inesistente ",
        " onbekend ", " bestaat niet ", " desconhecido ", " nao existe ",
    ]
    /// Diagnostic phrases that mean the domain or host does not exist or takes no mail, folded words.
    static let hostUnknown = [
        " host or domain name not found ", " host not found ", " domain not found ", " no such domain ", " nxdomain ", " unrouteable address ",
        " unroutable address ", " domain does not exist ", " domain doesn t exist ", " unknown host ", " host unknown ", " name service error ",
        " no mx record ", " no mx ", " null mx ", " does not accept mail ", " dns lookup failed ", " domain name not found ",
        " unable to resolve ", " could not resolve ", " no route to host ", " domain is not configured ", " unknown domain ",
        " domaine inexistant ", " dominio inexistente ", " dominio no existe ", " domain existiert nicht ", " dominio inesistente ",
    ]
    /// Phrases of a server that gave up after retrying for days, folded words.
    static let expired = [
        " message expired ", " retry timeout exceeded ", " delivery time exceeded ", " message delivery time exceeded ", " too long in the queue ",
        " too long in queue ", " gave up ", " giving up ", " could not be delivered within ", " cannot send message for ", " expired after ",
        " maximum time ", " retry time not reached for any host after a long failure period ", " has been delayed too long ", " timed out in queue ",
    ]
    /// Phrases of refusals for SPF, DKIM or DMARC, folded words.
    static let authentication = [
        " spf ", " dkim ", " dmarc ", " unauthenticated ", " not authenticated ", " authentication failed ", " failed authentication ",
        " sender authentication ", " sender policy framework ", " domainkeys ", " fails to pass ", " did not pass ", " authentication checks ",
        " reverse dns ", " ptr record ",
    ]
    /// Phrases of greylisting, folded words.
    static let greylisted = [" greylist ", " greylisted ", " greylisting ", " graylist ", " graylisted ", " graylisting ", " grey listed ", " gray listed ",
                             " try again in ", " please retry later ", " postgrey "]
    /// Phrases of rate limiting, folded words.
    static let rateLimited = [
        " rate limit ", " rate limited ", " ratelimit ", " rate limiting ", " too many messages ", " too many connections ", " too many recipients ",
        " too many emails ", " unusual rate ", " receiving mail at a rate ", " exceeded the rate ", " throttled ", " throttling ", " sending limit ",
        " sending quota ", " too much mail ", " temporarily rate ", " try again later ", " slow down ",
    ]
    /// Phrases of a message too large for the server, folded words.
    static let tooLarge = [
        " message size exceeds ", " message too large ", " message is too large ", " message too big ", " message is too big ",
        " exceeds maximum message size ", " exceeds the maximum size ", " size limit exceeded ", " message length exceeds ",
        " maximum message size ", " exceeds size limit ", " too large for ", " message exceeds ",
    ]
    /// Diagnostic phrases that mean the mailbox is full, folded words.
    static let mailboxFull = [
        " mailbox full ", " mailbox is full ", " over quota ", " quota exceeded ", " exceeded storage ", " insufficient storage ",
        " mailbox size limit ", " exceeds the quota ", " over its quota ", " storage allocation ", " full mailbox ", " postfach voll ",
        " boite pleine ", " buzon lleno ", " casella piena ", " mailbox vol ", " caixa cheia ", " quota ", " mailbox has exceeded ",
        " out of storage ", " storage space ", " disk quota ",
    ]
    /// Where the copy of the original message starts in a plain-text bounce: the words below it
    /// are ours, not the server's.
    static let originalFollows = [
        "------ This is a copy of the message", "--- Below this line is a copy of the message", "----- Original message -----",
        "------- Returned Message --------", "----- The header of the original message", "Original message follows",
        "--- Original message follows", "------ This is a copy of your message", "Received: from ",
    ]
    /// Diagnostic phrases that mean a policy/spam block rather than a dead address, folded words.
    static let policyBlock = [
        " blocked ", " block list ", " blocklist ", " blacklist ", " blacklisted ", " spam ", " policy ", " rejected due to ",
        " reputation ", " access denied ", " not authorized ", " message refused ", " content rejected ",
        " denied ", " ip listed ", " listed on ", " listed by ", " rbl ", " spamhaus ", " junk ", " bulk mail ", " suspicious ",
    ]
}
