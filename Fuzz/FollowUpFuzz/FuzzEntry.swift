// libFuzzer entry point for `scripts/fuzz` (never part of a normal build: Package.swift declares
// this target only when FOLLOWUP_FUZZ is set). FOLLOWUP_FUZZ_TARGET picks what is fuzzed:
//   mime      MessageReader.parse, then the full reply classification
//   csv       ProspectCSV.read (CSV reader, header mapping, address checks)
//   template  StepTemplate.load, then render with a fixed prospect
//   toml      TOMLParser.parse
// A crash, a trap or an AddressSanitizer report makes libFuzzer stop and save the input.
import FollowUp
import Foundation
import MailCore
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
    default:
        let message = MessageReader.parse(bytes)
        _ = classifier.classify(message)
    }
    return 0
}
