/// Finds RFC 3463 enhanced status codes ("5.1.1") and SMTP reply codes ("550") in diagnostic text.
enum StatusCodes {
    /// The first enhanced status code ("d.ddd.ddd" with class 2, 4 or 5) in `text`.
    static func enhanced(in text: String) -> String? {
        for token in tokens(text) {
            let parts = token.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 3, let first = parts.first, ["2", "4", "5"].contains(String(first)),
                parts.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy { $0.isASCII && $0.isNumber } })
            else { continue }
            return String(token)
        }
        return nil
    }

    /// The first SMTP reply code between 421 and 554 that stands alone ("550", "550-…", "452 …").
    static func smtp(in text: String) -> String? {
        for token in tokens(text) where token.count == 3 && token.allSatisfy({ $0.isASCII && $0.isNumber }) {
            if let n = Int(token), (421...554).contains(n), n / 100 == 4 || n / 100 == 5 { return String(token) }
        }
        return nil
    }

    /// The class (4 or 5) of an SMTP reply code such as "550"; nil for anything else.
    static func smtpClass(_ code: String) -> Int? {
        guard code.count == 3, let n = Int(code), (400...599).contains(n) else { return nil }
        return n / 100
    }

    private static func tokens(_ text: String) -> [Substring] {
        Array(String(text.prefix(50_000)).split(whereSeparator: { " \t\n\r()#[]<>:;,=\"'-".contains($0) }).prefix(20_000))
    }
}
