import Foundation
import Testing
@testable import MailCore

@Suite struct RFC5322DateTests {
    @Test func formatsWithOffsetRegardlessOfLocale() {
        // 2026-12-01 14:00:00 UTC shown at -05:00.
        let date = Date(timeIntervalSince1970: 1_796_133_600)
        #expect(RFC5322Date.format(date, utcOffsetSeconds: -18_000) == "Tue, 01 Dec 2026 09:00:00 -0500")
        #expect(RFC5322Date.format(date, utcOffsetSeconds: 0) == "Tue, 01 Dec 2026 14:00:00 +0000")
        #expect(RFC5322Date.format(date, utcOffsetSeconds: 19_800) == "Tue, 01 Dec 2026 19:30:00 +0530")
        #expect(RFC5322Date.format(date, utcOffsetSeconds: 36_000) == "Wed, 02 Dec 2026 00:00:00 +1000")
    }

    @Test func formatsLeapDayAndPreEpoch() {
        #expect(RFC5322Date.format(Date(timeIntervalSince1970: 1_709_249_400), utcOffsetSeconds: 0) == "Thu, 29 Feb 2024 23:30:00 +0000")
        #expect(RFC5322Date.format(Date(timeIntervalSince1970: -1), utcOffsetSeconds: 0) == "Wed, 31 Dec 1969 23:59:59 +0000")
        #expect(RFC5322Date.format(Date(timeIntervalSince1970: 0), utcOffsetSeconds: -3600) == "Wed, 31 Dec 1969 23:00:00 -0100")
    }

    @Test func parsesCommonForms() {
        let expected = Date(timeIntervalSince1970: 1_796_133_600)
        #expect(RFC5322Date.parse("Tue, 01 Dec 2026 09:00:00 -0500") == expected)
        #expect(RFC5322Date.parse("1 Dec 2026 14:00 +0000") == expected)
        #expect(RFC5322Date.parse("Tue, 1 Dec 2026 09:00:00 EST") == expected)
        #expect(RFC5322Date.parse("Tue, 01 Dec 2026 14:00:00 GMT (Coordinated Universal Time)") == expected)
        #expect(RFC5322Date.parse("Tue,  1 Dec 26 15:00:00 +0100") == expected)
        #expect(RFC5322Date.parse("not a date") == nil)
        #expect(RFC5322Date.parse("Tue, 01 Dec 2026 25:00:00 +0000") == nil)
    }

    @Test func roundTripsAcrossOffsets() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<500 {
            let seconds = Int64(rng.next(upperBound: UInt64(4_000_000_000))) - 1_000_000_000
            let offset = (Int(rng.next(upperBound: UInt64(57))) - 28) * 1800
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            let text = RFC5322Date.format(date, utcOffsetSeconds: offset)
            #expect(RFC5322Date.parse(text) == date, "\(text)")
        }
    }
}
