/// Decides the intent of a person's own words (already stripped of quotes and signature) from explicit phrases.
///
/// Precedence: remove > referral > later > no > positive; a hedge ("not sure", "maybe") or a yes/no conflict gives `unclear`.
/// `no` and `remove` are only ever returned for an explicit phrase in the text given.
struct IntentClassifier {
    /// Addresses that are ours or the sender's and never count as a referral target.
    var excludedAddresses: Set<String>

    static let removeNegators = ["don t", "dont", "do not", "didn t", "never", "not", "won t", "wouldn t", "no need to", "nicht", "pas", "non", "nao"]
    static let positiveNegators = IntentCues.negators.map { TextFold.trim(TextFold.words($0)) }
    /// Words before a "no" phrase that make it a condition or reported speech, not a decline ("I didn't say we're not interested").
    static let conditionals = ["if", "unless", "whether", "wenn", "falls", "ob", "si", "se", "als", "caso",
                               "said", "say", "saying", "gesagt", "sagen", "dit", "dire", "dicho", "decir", "detto", "dire", "disse", "dizer", "gezegd", "zeggen"]
    /// Words that turn a reply around ("we already have a provider, but … ?").
    static let contrasts = ["but", "however", "aber", "doch", "mais", "pero", "ma", "pero", "maar", "mas", "porem"]
    static let pronouns: Set<String> = ["you", "u", "us", "me", "your", "ya", "them", "him", "her", "soon", "about"]

    /// A cue phrase with its padded search key, computed once.
    struct Cue: Sendable {
        let text: String
        let key: String
        /// The first word of `key`, for `PhraseText`'s cheap pre-check.
        let firstWord: Substring
        init(_ text: String) {
            self.text = text
            key = PhraseText.key(text)
            firstWord = PhraseText.firstWord(of: key)
        }
    }

    static func cues(_ list: [String]) -> [Cue] { list.map(Cue.init) }
    static let neutralCues = cues(IntentCues.neutral)
    static let hedgeCues = cues(IntentCues.hedges)
    static let removeCues = cues(IntentCues.remove)
    static let noCues = cues(IntentCues.no)
    static let laterCues = cues(IntentCues.later)
    static let laterWeakCues = cues(IntentCues.laterWeak)
    static let referralCues = cues(IntentCues.referral)
    static let referralWeakCues = cues(IntentCues.referralWeak)
    static let positiveCues = cues(IntentCues.positive)
    static let leadingYesCues = cues(IntentCues.leadingYes)

    /// The verdict on `text`. With `learned`, a reply in which no rule found anything decisive
    /// (and no hedge) is put to the learned model (`IntentModel`), which may decide it when sure enough.
    func classify(_ text: String, reference: CivilDate?, learned: Bool = true) -> IntentVerdict {
        var phrases = PhraseText(String(text.prefix(20_000)))
        if phrases.isEmpty {
            return IntentVerdict(intent: .unclear, confidence: 0.2, explanation: ["the reply has no text of its own"])
        }
        var notes: [String] = []
        let whole = TextFold.trim(TextFold.words(text))
        if IntentCues.wholeRemove.contains(whole) {
            return IntentVerdict(intent: .remove, confidence: 0.9, explanation: ["the whole reply is \"\(whole)\": a removal request"])
        }
        if IntentCues.wholeNo.contains(whole) {
            return IntentVerdict(intent: .no, confidence: 0.85, explanation: ["the whole reply is \"\(whole)\": an explicit no"])
        }
        for cue in Self.neutralCues where phrases.contains(key: cue.key, firstWord: cue.firstWord) {
            phrases.mask(key: cue.key, with: "neutral")
        }
        let hedgeHits = Self.hedgeCues.filter { phrases.contains(key: $0.key, firstWord: $0.firstWord) }
        for cue in hedgeHits { phrases.mask(key: cue.key, with: "hedge") }
        let removeHits = Self.removeCues.filter { phrases.containsUnnegated(key: $0.key, negators: Self.removeNegators, window: 2, firstWord: $0.firstWord) }
        for cue in removeHits { phrases.mask(key: cue.key, with: "removal") }
        let noFound = Self.noCues.filter { phrases.contains(key: $0.key, firstWord: $0.firstWord) }
        // "If we're not interested we'll say so" is a condition and "Who said we're not interested?" a question: neither is a no.
        let noHits = noFound.filter {
            phrases.containsUnnegated(key: $0.key, negators: Self.conditionals, window: 4, firstWord: $0.firstWord) && phrases.occursOutsideQuestions(key: $0.key)
        }
        let conditionalNoes = noFound.filter { cue in !noHits.contains { $0.key == cue.key } }.map(\.text)
        for cue in noFound { phrases.mask(key: cue.key, with: "nope") }
        let hedges = hedgeHits.map(\.text)
        let removes = removeHits.map(\.text)
        let noes = noHits.map(\.text)
        let strongLaters = Self.laterCues.filter { phrases.contains(key: $0.key, firstWord: $0.firstWord) }.map(\.text)
        let weakLaters = Self.laterWeakCues.filter { phrases.contains(key: $0.key, firstWord: $0.firstWord) }.map(\.text)
        let addresses = AddressScanner.addresses(in: text).filter { !excludedAddresses.contains($0) }
        var referrals = Self.referralCues.filter { phrases.contains(key: $0.key, firstWord: $0.firstWord) }.map(\.text)
        if !addresses.isEmpty {
            referrals += Self.referralWeakCues.filter {
                phrases.containsUnnegated(key: $0.key, negators: ["don t", "not"], window: 2, firstWord: $0.firstWord) && !followedByPronoun($0.key, in: phrases)
            }.map(\.text)
        }
        let positiveHits = Self.positiveCues.filter { phrases.contains(key: $0.key, firstWord: $0.firstWord) }
        let positives = positiveHits.filter { phrases.containsUnnegated(key: $0.key, negators: Self.positiveNegators, window: 2, firstWord: $0.firstWord) }.map(\.text)
        let negatedPositives = positiveHits.map(\.text).filter { !positives.contains($0) }
        let leadingYes = Self.leadingYesCues.first { phrases.starts(with: $0.text) }?.text
        // "Let's talk next week" is interest; a bare "next month" with no interest is a "later".
        let laters = strongLaters + (positives.isEmpty ? weakLaters : [])

        func quote(_ list: [String]) -> String { list.prefix(3).map { "\"\($0)\"" }.joined(separator: ", ") }
        if !hedges.isEmpty { notes.append("hedge: \(quote(hedges))") }
        if !negatedPositives.isEmpty { notes.append("negated interest: \(quote(negatedPositives))") }
        if !conditionalNoes.isEmpty { notes.append("conditional or question, not a no: \(quote(conditionalNoes))") }

        if !removes.isEmpty {
            let strongPositives = positives.filter { !IntentCues.weakPositive.contains($0) }
            if !strongPositives.isEmpty || !strongLaters.isEmpty {
                return IntentVerdict(intent: .unclear, confidence: 0.4, explanation: notes + [
                    "removal request \(quote(removes)) conflicts with \(quote(strongPositives + strongLaters)): needs review",
                ])
            }
            return IntentVerdict(intent: .remove, confidence: 0.95, referralAddress: addresses.first, explanation: notes + ["explicit removal request: \(quote(removes))"])
        }
        if !referrals.isEmpty {
            let confidence = addresses.isEmpty ? 0.75 : 0.9
            return IntentVerdict(intent: .referral, confidence: confidence, referralAddress: addresses.first, explanation: notes + [
                "points to someone else: \(quote(referrals))" + (addresses.first.map { " (\($0))" } ?? ""),
            ])
        }
        if !laters.isEmpty {
            let date = LaterDateExtractor.find(in: text, reference: reference)
            let confidence = hedges.isEmpty ? 0.85 : 0.7
            var why = "asks to be contacted later: \(quote(laters))"
            if !noes.isEmpty { why += " (overrides \(quote(noes)): a not-now is not a no)" }
            return IntentVerdict(intent: .later, confidence: confidence, laterDate: date?.iso, explanation: notes + [why] + (date.map { ["resume date \($0.iso)"] } ?? []))
        }
        if !noes.isEmpty {
            // "We already have a provider, but what would yours cost?": the no is turned into a question.
            let padded = " " + whole + " "
            if text.contains("?"), Self.contrasts.contains(where: { padded.contains(" \($0) ") }) {
                return IntentVerdict(intent: .unclear, confidence: 0.45, explanation: notes + ["\"no\" phrases \(quote(noes)) are followed by \"but\" and a question: needs review"])
            }
            if !positives.isEmpty {
                return IntentVerdict(intent: .unclear, confidence: 0.4, explanation: notes + ["\"no\" phrases \(quote(noes)) conflict with interest \(quote(positives)): needs review"])
            }
            if !hedges.isEmpty {
                return IntentVerdict(intent: .unclear, confidence: 0.45, explanation: notes + ["\"no\" phrases \(quote(noes)) are hedged: needs review"])
            }
            return IntentVerdict(intent: .no, confidence: 0.9, explanation: notes + ["explicit no: \(quote(noes))"])
        }
        if !positives.isEmpty {
            if !hedges.isEmpty || !negatedPositives.isEmpty {
                return IntentVerdict(intent: .unclear, confidence: 0.5, explanation: notes + ["interest \(quote(positives)) is hedged or partly negated: needs review"])
            }
            return IntentVerdict(intent: .positive, confidence: 0.85, explanation: notes + ["interest: \(quote(positives))"])
        }
        if !conditionalNoes.isEmpty {
            return IntentVerdict(intent: .unclear, confidence: 0.4, explanation: notes + ["a \"no\" phrase only inside a condition or question: needs review"])
        }
        if let yes = leadingYes, hedges.isEmpty, negatedPositives.isEmpty {
            return IntentVerdict(intent: .positive, confidence: 0.7, explanation: notes + ["the reply opens with \"\(yes)\""])
        }
        let undecided = negatedPositives.isEmpty
            ? IntentVerdict(intent: .unclear, confidence: 0.3, explanation: notes + ["no decisive phrase found"])
            : IntentVerdict(intent: .unclear, confidence: 0.4, explanation: notes + ["negated interest without an explicit no: needs review"])
        guard learned, hedges.isEmpty, let reading = IntentModel.trained.read(text) else { return undecided }
        return Self.verdict(from: reading, text: text, undecided: undecided, addresses: addresses, reference: reference)
    }

    /// What the learned model decides where the rules did not: its class when it is sure enough,
    /// else the rules' "unclear" with the model's reading added to the explanation.
    static func verdict(from reading: IntentModel.Reading, text: String, undecided: IntentVerdict, addresses: [String],
                        reference: CivilDate?) -> IntentVerdict {
        let percent = Int((reading.best.probability * 100).rounded())
        let strongest = reading.strongest.isEmpty ? "" : " (strongest features: \(reading.strongest.joined(separator: ", ")))"
        let why = "learned model: \(reading.best.intent.rawValue) at \(percent)%\(strongest)"
        guard reading.decisive, reading.best.intent != .unclear else {
            var verdict = undecided
            verdict.explanation.append(why + (reading.best.intent == .unclear ? "" : ", below its threshold"))
            return verdict
        }
        var verdict = IntentVerdict(intent: reading.best.intent, confidence: max(0.6, reading.best.probability), explanation: [why])
        switch reading.best.intent {
        case .later:
            if let date = LaterDateExtractor.find(in: text, reference: reference) {
                verdict.laterDate = date.iso
                verdict.explanation.append("resume date \(date.iso)")
            }
        case .referral:
            verdict.referralAddress = addresses.first
        default:
            break
        }
        return verdict
    }

    /// True when every occurrence of `phrase` is followed by "you"/"us"/"me"… ("talk to you soon" is not a referral).
    private func followedByPronoun(_ key: String, in text: PhraseText) -> Bool {
        var start = text.padded.startIndex
        var count = 0
        var sawOther = false
        while count < 200, let range = text.range(of: key, from: start) {
            count += 1
            let next = text.padded[range.upperBound...].prefix(40).split(separator: " ").first.map(String.init) ?? ""
            if !Self.pronouns.contains(next) { sawOther = true }
            start = text.padded.index(before: range.upperBound)
        }
        return !sawOther
    }
}
