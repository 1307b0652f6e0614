import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension Campaign {
    /// A campaign as the rig's password-less mailbox `oauth@example.test`, whose servers sign in
    /// with XOAUTH2 from the sign-in `followup auth login` saves, against the OAuth2 stand-in's
    /// device authorization endpoint (an `[oauth]` section with `provider = "custom"`).
    public static func signingInWithOAuth(prospects: [String], browser: Bool = false) throws -> Campaign {
        let campaign = try Campaign(prospects: prospects, user: OAuthStandIn.user, signIn: "xoauth2")
        let path = campaign.directory + "/followup.toml"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "token_command = \"cat token\"\n", with: "")
        let base = "http://127.0.0.1:\(OAuthStandIn.port)"
        let start = browser ? "authorization_url = \"\(base)/authorize\"\nflow = \"browser\"\n" : "device_authorization_url = \"\(base)/devicecode\"\n"
        text += "\n[oauth]\nprovider = \"custom\"\nclient_id = \"followup-test\"\n\(start)"
            + "token_url = \"\(base)/token\"\nscopes = \"offline_access mail\"\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return campaign
    }

    /// Where `followup auth login` keeps this campaign's tokens.
    public var oauthTokenFile: String { directory + "/followup.sqlite.oauth.json" }

    /// Runs `followup auth login` with `flow = "browser"` and plays the browser: asks the stand-in
    /// for a code for the address login prints (as a user signing in would), then visits the
    /// redirect with it, or with `error=access_denied` when `deny`. Returns login's exit status
    /// and output (-1 when it did not end within 30 s).
    public func authLoginInBrowser(deny: Bool = false, wrongState: Bool = false) throws -> (status: Int32, output: String) {
        let (process, output) = try startLogin()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        var text = ""
        let address = Self.read(output, into: &text) { text in
            text.split(separator: "\n").first { $0.hasPrefix("http://127.0.0.1:\(OAuthStandIn.port)/authorize?") }.map(String.init)
        }
        guard let address, let components = URLComponents(string: address) else {
            throw RigError(description: "followup auth login printed no address to open: \(text)")
        }
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] { query[item.name] = item.value ?? "" }
        guard let redirect = query["redirect_uri"], let state = query["state"] else {
            throw RigError(description: "the address has no redirect_uri or state: \(address)")
        }
        var visit = redirect + "?state=" + (wrongState ? "forged" : state)
        if deny {
            visit += "&error=access_denied"
        } else {
            var form = ["username": OAuthStandIn.user]
            for key in ["client_id", "redirect_uri", "code_challenge", "code_challenge_method", "scope"] { form[key] = query[key] ?? "" }
            let answer = try OAuthStandIn.post("/admin/authorize", form)
            guard let code = answer["code"] as? String else { throw RigError(description: "the stand-in gave no code: \(answer)") }
            visit += "&code=" + code
        }
        let page = try Loopback.get(visit)
        let ended = Eventually.wait(upTo: wrongState ? 3 : 30) { !process.isRunning }
        if wrongState {
            return (ended ? process.terminationStatus : -1, page)
        }
        if ended { _ = Self.read(output, into: &text) { _ in nil } }
        return (ended ? process.terminationStatus : -1, text + page)
    }

    /// Runs `followup auth login`, plays the user who approves (or declines) the code it prints,
    /// and returns its exit status and output (-1 when it did not end within 30 s).
    public func authLogin(deny: Bool = false) throws -> (status: Int32, output: String) {
        let (process, output) = try startLogin()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        var text = ""
        let code = Self.read(output, into: &text) { text in
            guard let range = text.range(of: "enter the code "), let end = text[range.upperBound...].firstIndex(of: "\n") else { return nil }
            return String(text[range.upperBound..<end])
        }
        guard let code else { throw RigError(description: "followup auth login printed no code: \(text)") }
        try OAuthStandIn.approve(userCode: code, deny: deny)
        let ended = Eventually.wait(upTo: 30) { !process.isRunning }
        if ended { _ = Self.read(output, into: &text) { _ in nil } }
        return (ended ? process.terminationStatus : -1, text)
    }

    /// Starts `followup auth login` in the campaign with its output (stdout and stderr) on one pipe.
    private func startLogin() throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: FollowUpBinary.path)
        process.arguments = ["auth", "login"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = FollowUpBinary.childEnvironment(adding: [:])
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        return (process, output)
    }

    /// Reads `output` into `text` until `found` finds what it looks for in all read so far, or
    /// the output ends; what `found` found.
    private static func read(_ output: Pipe, into text: inout String, until found: (String) -> String?) -> String? {
        while true {
            if let result = found(text) { return result }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return nil }
            text += String(decoding: chunk, as: UTF8.self)
        }
    }
}
