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
        " account disabled ", " account has been disabled ", " unrouteable address ", " host not found ", " domain not found ",
        " no such domain ", " nxdomain ", " not a valid mailbox ", " couldn t be found ", " could not be found ", " address not found ",
        " unknown recipient ", " recipient unknown ", " user doesn t have ", " invalid address ", " mailbox is disabled ", " no longer active ",
        " inactive ", " not our customer ", " unknown or illegal alias ", " not listed in ", " not listed ", " name not found ", " no valid recipients ", " bad destination mailbox ",
        " unbekannt ", " existiert nicht ", " inconnu ", " n existe pas ", " desconocido ", " no existe ", " sconosciuto ", " inesistente ",
        " onbekend ", " bestaat niet ", " desconhecido ", " nao existe ",
    ]
    /// Diagnostic phrases that mean the mailbox is full, folded words.
    static let mailboxFull = [
        " mailbox full ", " mailbox is full ", " over quota ", " quota exceeded ", " exceeded storage ", " insufficient storage ",
        " mailbox size limit ", " exceeds the quota ", " over its quota ", " storage allocation ", " full mailbox ", " postfach voll ",
        " boite pleine ", " buzon lleno ", " casella piena ", " mailbox vol ", " caixa cheia ", " quota ",
    ]
    /// Diagnostic phrases that mean a policy/spam block rather than a dead address, folded words.
    static let policyBlock = [
        " blocked ", " block list ", " blocklist ", " blacklist ", " blacklisted ", " spam ", " policy ", " rejected due to ",
        " reputation ", " dmarc ", " spf ", " dkim ", " access denied ", " not authorized ", " message refused ", " content rejected ",
        " denied ", " ip listed ", " listed on ", " listed by ", " rbl ", " spamhaus ", " junk ", " bulk mail ", " suspicious ",
    ]
}
