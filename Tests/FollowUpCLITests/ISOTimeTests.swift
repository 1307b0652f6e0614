@testable import FollowUpCLI
import Foundation
import Testing

@Suite("ISO times")
struct ISOTimeTests {
    @Test("formatting agrees with Foundation's ISO 8601 formatter, and round-trips through parse")
    func formatAgreesWithFoundation() throws {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        for seconds in [0, 59, 1_796_117_400, 1_797_000_000, 951_782_400, 4_102_444_799, -86_401] {
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            #expect(ISOTime.format(date) == formatter.string(from: date), "\(seconds)")
            #expect(ISOTime.parse(ISOTime.format(date)) == date)
        }
        #expect(ISOTime.compactMinute(Date(timeIntervalSince1970: 1_796_117_400)) == "20261201T0930")
        #expect(ISOTime.padded(7, 4) == "0007" && ISOTime.padded(12_345, 4) == "12345")
    }
}
