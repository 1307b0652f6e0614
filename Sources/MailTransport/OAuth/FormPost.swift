import CCurl

/// One HTTPS form post (`application/x-www-form-urlencoded`) over libcurl, for an OAuth2 token
/// endpoint: TLS verified (against `caFile` when given), no redirects followed, bounded in time.
/// The form (which may hold a refresh token or a client secret) is never recorded.
enum FormPost {
    /// What the server answered: the HTTP status and the body.
    struct Response {
        let status: Int
        let body: [UInt8]
    }

    /// Posts `fields` to `url`; throws when no HTTP answer came back.
    static func send(_ fields: [(String, String)], to url: String, caFile: String?, timeoutSeconds: Int) throws(MailTransportError) -> Response {
        let host = Self.host(of: url)
        guard url.hasPrefix("https://") || (url.hasPrefix("http://") && Self.isLoopback(host)) else {
            throw MailTransportError(kind: .invalidURL, host: host, detail: "\"\(url)\" is not an https:// URL (plain http is allowed on loopback only)")
        }
        let transcript = ProtocolTranscript(username: nil, password: nil, observer: nil)
        guard let easy = CurlEasy(transcript: transcript) else {
            throw MailTransportError(kind: .internalFailure, host: host, detail: "cannot create a libcurl handle")
        }
        let form = fields.map { percentEncoded($0.0) + "=" + percentEncoded($0.1) }.joined(separator: "&")
        do {
            try easy.set(CURLOPT_VERBOSE, 0)
            try easy.set(CURLOPT_URL, url)
            try easy.set(CURLOPT_COPYPOSTFIELDS, form)
            try easy.set(CURLOPT_FOLLOWLOCATION, 0)
            try easy.set(CURLOPT_SSL_VERIFYPEER, 1)
            try easy.set(CURLOPT_SSL_VERIFYHOST, 2)
            if let caFile { try easy.set(CURLOPT_CAINFO, caFile) }
            try easy.set(CURLOPT_CONNECTTIMEOUT_MS, max(1, timeoutSeconds) * 1000)
            try easy.set(CURLOPT_TIMEOUT_MS, max(1, timeoutSeconds) * 1000)
            try easy.perform()
        } catch {
            throw MailTransportError(kind: error.kind, host: host, command: "POST", detail: error.bestDescription)
        }
        return Response(status: easy.info(CURLINFO_RESPONSE_CODE), body: easy.transfer.body)
    }

    /// The host of an `http(s)://host[:port]/path` URL, for messages and the loopback check.
    static func host(of url: String) -> String {
        guard let separator = url.range(of: "://") else { return url }
        let rest = url[separator.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") { return String(authority[...close]) }
        return String(authority.prefix { $0 != ":" })
    }

    private static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased()
        return host == "localhost" || host.hasPrefix("127.") || host == "[::1]"
    }

    /// `text` percent-encoded for a form: unreserved characters (RFC 3986) stay, everything else is `%XX`.
    static func percentEncoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            if scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || "-._~".unicodeScalars.contains(scalar)) {
                result.unicodeScalars.append(scalar)
            } else {
                result += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return result
    }
}
