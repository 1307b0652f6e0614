import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension Campaign {
    /// A campaign as the rig's password-less mailbox `oauth@example.test`, whose servers sign in
    /// with XOAUTH2 from the sign-in `followup auth login` saves, against the OAuth2 stand-in's
    /// device authorization endpoint (an `[oauth]` section with `provider = "custom"`).
    public static func signingInWithOAuth(prospects: [String]) throws -> Campaign {
        let campaign = try Campaign(prospects: prospects, user: OAuthStandIn.user, signIn: "xoauth2")
        let path = campaign.directory + "/followup.toml"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "token_command = \"cat token\"\n", with: "")
        let base = "http://127.0.0.1:\(OAuthStandIn.port)"
        text += "\n[oauth]\nprovider = \"custom\"\nclient_id = \"followup-test\"\ndevice_authorization_url = \"\(base)/devicecode\"\n"
            + "token_url = \"\(base)/token\"\nscopes = \"offline_access mail\"\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return campaign
    }

    /// Where `followup auth login` keeps this campaign's tokens.
    public var oauthTokenFile: String { directory + "/followup.sqlite.oauth.json" }

    /// Runs `followup auth login`, plays the user who approves (or declines) the code it prints,
    /// and returns its exit status and output (-1 when it did not end within 30 s).
    public func authLogin(deny: Bool = false) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: FollowUpBinary.path)
        process.arguments = ["auth", "login"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = FollowUpBinary.childEnvironment(adding: [:])
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        var text = ""
        var code: String?
        while code == nil {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
            if let range = text.range(of: "enter the code "), let end = text[range.upperBound...].firstIndex(of: "\n") {
                code = String(text[range.upperBound..<end])
            }
        }
        guard let code else { throw RigError(description: "followup auth login printed no code: \(text)") }
        try OAuthStandIn.approve(userCode: code, deny: deny)
        let ended = Eventually.wait(upTo: 30) { !process.isRunning }
        while ended {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        return (ended ? process.terminationStatus : -1, text)
    }
}
