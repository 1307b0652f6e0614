/// Parses TOML integer and float literals (already isolated from the surrounding text).
enum TOMLNumber {
    /// Why a literal is not a valid number.
    struct Invalid: Error {
        let reason: String
    }

    static func parse(_ text: String) throws(Invalid) -> TOMLValue {
        var body = Substring(text)
        var sign = ""
        if let first = body.first, first == "+" || first == "-" {
            sign = String(first)
            body = body.dropFirst()
        }
        if body == "inf" { return .float(sign == "-" ? -.infinity : .infinity) }
        if body == "nan" { return .float(.nan) }
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where body.hasPrefix(prefix) {
            guard sign.isEmpty else {
                throw Invalid(reason: "hexadecimal, octal and binary integers cannot have a sign")
            }
            let digits = try cleanDigits(body.dropFirst(2), radix: radix)
            guard let value = Int64(digits, radix: radix) else {
                throw Invalid(reason: "it does not fit in a 64-bit signed integer")
            }
            return .integer(value)
        }
        let exponentIndex = body.firstIndex { $0 == "e" || $0 == "E" }
        let mantissa = exponentIndex.map { body[..<$0] } ?? body
        let dotIndex = mantissa.firstIndex(of: ".")
        let integerDigits = try cleanDigits(dotIndex.map { mantissa[..<$0] } ?? mantissa, radix: 10)
        if integerDigits.count > 1, integerDigits.hasPrefix("0") {
            throw Invalid(reason: "leading zeros are not allowed")
        }
        if dotIndex == nil, exponentIndex == nil {
            guard let value = Int64(sign + integerDigits) else {
                throw Invalid(reason: "it does not fit in a 64-bit signed integer")
            }
            return .integer(value)
        }
        var literal = sign + integerDigits
        if let dotIndex {
            literal += "." + (try cleanDigits(mantissa[mantissa.index(after: dotIndex)...], radix: 10))
        }
        if let exponentIndex {
            var exponent = body[body.index(after: exponentIndex)...]
            var exponentSign = ""
            if let first = exponent.first, first == "+" || first == "-" {
                exponentSign = String(first)
                exponent = exponent.dropFirst()
            }
            literal += "e" + exponentSign + (try cleanDigits(exponent, radix: 10))
        }
        guard let value = Double(literal) else {
            throw Invalid(reason: "it is not a valid float")
        }
        guard value.isFinite else {
            throw Invalid(reason: "it is too large for a 64-bit float (write inf for infinity)")
        }
        return .float(value)
    }

    /// The digits of `text` in `radix` with the underscores removed; each underscore must sit between two digits.
    private static func cleanDigits(_ text: Substring, radix: Int) throws(Invalid) -> String {
        var digits = ""
        var previousWasDigit = false
        for character in text {
            if character == "_" {
                guard previousWasDigit else { throw Invalid(reason: "an underscore must sit between two digits") }
                previousWasDigit = false
                continue
            }
            guard character.isASCII, let value = character.hexDigitValue, value < radix else {
                throw Invalid(reason: "'\(character)' is not a valid digit here")
            }
            digits.append(character)
            previousWasDigit = true
        }
        guard !digits.isEmpty else { throw Invalid(reason: "digits are missing") }
        guard previousWasDigit else { throw Invalid(reason: "an underscore must sit between two digits") }
        return digits
    }
}
