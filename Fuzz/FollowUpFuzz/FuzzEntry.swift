// libFuzzer entry point for `scripts/fuzz` (never part of a normal build: Package.swift declares
// this target only when FOLLOWUP_FUZZ is set). FOLLOWUP_FUZZ_TARGET picks what is fuzzed:
//   mime      MessageReader.parse, then the full reply classification; the header alone, as a poll screens it
//   imap      a server's stream through the IMAP session's response reader and FETCH item reader
//   csv       ProspectCSV.read (CSV reader, header mapping, address checks)
//   template  StepTemplate.load, then render with a fixed prospect
//   toml      TOMLParser.parse
//   writer    MessageWriter.render of a message whose fields are cut from the input at NUL bytes
// A crash, a trap or an AddressSanitizer report makes libFuzzer stop and save the input.
import FollowUp
import Foundation
import MailCore
@_spi(Fuzzing) import MailTransport
import TOML
import Triage

/// What this process fuzzes, read once from the environment.
let fuzzTarget = ProcessInfo.processInfo.environment["FOLLOWUP_FUZZ_TARGET"] ?? "mime"
/// One classifier for every input.
let classifier = ReplyClassifier()
/// The prospect every fuzzed template is rendered for.
let renderContext = RenderContext(
    prospectEmail: "ana@example.com", fields: ["first_name": "Ana", "company": "Acme"],
    builtins: Builtins(senderName: "Kira", senderEmail: "kira@example.com", senderPostalAddress: "1 Main St", step: 1,
                       stepsTotal: 3, attempts: 0, daysSinceFirst: 0, unsubscribeLine: "Reply unsubscribe."))

/// Runs one input through the chosen target; always returns 0 (libFuzzer's "keep going").
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    switch fuzzTarget {
    case "csv":
        _ = ProspectCSV.read(bytes: bytes, file: "fuzz.csv")
    case "template":
        if let template = try? StepTemplate.load(text: String(decoding: bytes, as: UTF8.self), file: "fuzz.txt", htmlText: nil) {
            _ = try? template.render(renderContext)
        }
    case "toml":
        _ = try? TOMLParser.parse(String(decoding: bytes, as: UTF8.self))
    case "imap":
        _ = IMAPFuzzing.readStream(bytes)
    case "writer":
        _ = try? MessageWriter(boundaries: SeededBoundaryGenerator(seed: UInt64(size))).render(outgoingMessage(from: bytes))
    default:
        let message = MessageReader.parse(bytes)
        _ = classifier.classify(message)
        _ = classifier.mayBeReport(MessageReader.parseHeader(bytes))
    }
    return 0
}

/// A message built from the input: its NUL-separated pieces become the sender's name, the
/// recipient's name, local part and domain, the subject, the text, an HTML body and an extra header.
func outgoingMessage(from bytes: [UInt8]) -> OutgoingMessage {
    let pieces = bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    func piece(_ index: Int, _ fallback: String) -> String { index < pieces.count ? pieces[index] : fallback }
    let html = pieces.count > 6 ? pieces[6] : nil
    return OutgoingMessage(
        from: MailAddress(displayName: piece(0, "Kira"), localPart: "kira", domain: "example.com"),
        to: [MailAddress(displayName: piece(1, ""), localPart: piece(2, "ana"), domain: piece(3, "example.org"))],
        subject: piece(4, "Hello"), date: Date(timeIntervalSince1970: 1_796_117_400), utcOffsetSeconds: -18_000,
        messageID: MessageID("fu.1@example.com"), inReplyTo: MessageID("fu.0@example.com"), references: [MessageID("fu.0@example.com")],
        listUnsubscribeMailto: "mailto:kira@example.com?subject=unsubscribe", textBody: piece(5, ""), htmlBody: html,
        extraHeaders: pieces.count > 7 ? [HeaderField(name: "X-Campaign", value: pieces[7])] : [])
}
