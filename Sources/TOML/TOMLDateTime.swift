/// Shape checks for TOML date-times, local dates and local times (the text itself is kept as is).
enum TOMLDateTime {
    /// True if `token` is exactly a date such as 1979-05-27.
    static func isDate(_ token: ArraySlice<UInt8>) -> Bool {
        token.count == 10 && startsWithDate(token)
    }

    /// True if `token` starts with four digits and a dash, i.e. it can only be meant as a date.
    static func startsWithDate(_ token: ArraySlice<UInt8>) -> Bool {
        let bytes = Array(token.prefix(5))
        return bytes.count == 5 && bytes.prefix(4).allSatisfy(isDigit) && bytes[4] == 0x2D
    }

    /// True if `token` is an offset date-time, local date-time, local date or local time.
    static func isValid(_ token: ArraySlice<UInt8>) -> Bool {
        var reader = Reader(bytes: Array(token))
        if reader.bytes.count > 2, reader.bytes[2] == 0x3A {
            return reader.readTime() && reader.atEnd
        }
        guard reader.readDate() else { return false }
        if reader.atEnd { return true }
        guard reader.take([0x54, 0x74, 0x20]), reader.readTime() else { return false }  // T, t or space
        if reader.atEnd { return true }
        if reader.take([0x5A, 0x7A]) { return reader.atEnd }  // Z or z
        guard reader.take([0x2B, 0x2D]), let hours = reader.number(2), hours <= 23, reader.take([0x3A]),
              let minutes = reader.number(2), minutes <= 59
        else { return false }
        return reader.atEnd
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte)
    }

    /// A cursor over the token's bytes.
    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index >= bytes.count }

        /// Consumes one byte if it is one of `choices`.
        mutating func take(_ choices: [UInt8]) -> Bool {
            guard index < bytes.count, choices.contains(bytes[index]) else { return false }
            index += 1
            return true
        }

        /// Consumes exactly `count` digits and returns their value.
        mutating func number(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<index + count] {
                guard isDigit(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += count
            return value
        }

        mutating func readDate() -> Bool {
            guard let year = number(4), take([0x2D]), let month = number(2), take([0x2D]), let day = number(2),
                  (1...12).contains(month), day >= 1
            else { return false }
            let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            let lengths = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            return day <= lengths[month - 1]
        }

        mutating func readTime() -> Bool {
            guard let hour = number(2), take([0x3A]), let minute = number(2), take([0x3A]), let second = number(2),
                  hour <= 23, minute <= 59, second <= 60
            else { return false }
            if take([0x2E]) {
                let fractionStart = index
                while index < bytes.count, isDigit(bytes[index]) {
                    index += 1
                }
                return index > fractionStart
            }
            return true
        }
    }
}
