import Foundation

/// A tolerant tokenizer-based parser for RFC 5322 date-time strings.
struct RFC5322DateParser {
    private let tokens: [String]

    init(_ text: String) {
        var tokens: [String] = []
        var current = ""
        var commentDepth = 0
        for ch in text.prefix(200) {
            if ch == "(" { commentDepth += 1; continue }
            if ch == ")" { commentDepth = max(0, commentDepth - 1); continue }
            if commentDepth > 0 { continue }
            if ch == " " || ch == "\t" || ch == "," || ch == "\r" || ch == "\n" {
                if !current.isEmpty { tokens.append(current); current = "" }
            } else {
                current.append(ch)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        self.tokens = tokens
    }

    func parse() -> Date? {
        var rest = tokens[...]
        if let first = rest.first, Int(first) == nil, monthIndex(first) == nil { rest = rest.dropFirst() }
        var day: Int64?
        var month: Int64?
        var year: Int64?
        var time: (Int64, Int64, Int64)?
        var zone: Int64?
        for token in rest {
            if time == nil, token.contains(":") {
                time = parseTime(token)
                if time == nil { return nil }
            } else if time != nil, zone == nil, let z = parseZone(token) {
                zone = z
            } else if month == nil, let m = monthIndex(token) {
                month = m
            } else if let n = Int64(token), n >= 0 {
                if day == nil, month == nil, token.count <= 2 { day = n }
                else if year == nil, month != nil { year = n }
                else if day == nil { day = n }
            }
        }
        guard let d = day, let m = month, var y = year, let (hh, mm, ss) = time else { return nil }
        if y < 50 { y += 2000 } else if y < 1000 { y += 1900 }
        guard (1...31).contains(d), y <= 9999, hh < 24, mm < 60, ss <= 60 else { return nil }
        let days = RFC5322Date.days(year: y, month: m, day: d)
        let seconds = days * 86_400 + hh * 3600 + mm * 60 + ss - (zone ?? 0)
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    private func monthIndex(_ token: String) -> Int64? {
        let key = token.prefix(3).lowercased()
        guard token.count >= 3 else { return nil }
        let names = RFC5322Date.monthNames.map { $0.lowercased() }
        return names.firstIndex(of: key).map { Int64($0 + 1) }
    }

    private func parseTime(_ token: String) -> (Int64, Int64, Int64)? {
        let parts = token.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        let numbers = parts.map { Int64($0) }
        guard let h = numbers[0], let m = numbers[1], h >= 0, m >= 0 else { return nil }
        let s = parts.count == 3 ? numbers[2] : 0
        guard let sec = s, sec >= 0 else { return nil }
        return (h, m, sec)
    }

    private func parseZone(_ token: String) -> Int64? {
        if let sign = token.first, sign == "+" || sign == "-" {
            let digits = token.dropFirst()
            guard digits.count == 4, let value = Int64(digits) else { return nil }
            let seconds = (value / 100) * 3600 + (value % 100) * 60
            return sign == "-" ? -seconds : seconds
        }
        let named: [String: Int64] = [
            "UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5,
            "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
        ]
        if let hours = named[token.uppercased()] { return hours * 3600 }
        if token.count == 1, token.first?.isLetter == true { return 0 }
        return nil
    }
}
