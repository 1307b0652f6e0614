import Foundation
import Testing
import Triage

@Suite("Return dates")
struct ReturnDateExtractorTests {
    /// Tue 1 Dec 2026 10:00 UTC.
    static let reference = Date(timeIntervalSince1970: 1_796_032_800)

    @Test("written and numeric dates in seven languages", arguments: [
        ("I'll be back on Monday 7 December.", "2026-12-07"),
        ("Back on December 7th, 2026.", "2026-12-07"),
        ("I return on the 7th of December.", "2026-12-07"),
        ("returning 07.12.2026", "2026-12-07"),
        ("Ich bin ab dem 7. Dezember wieder im Büro.", "2026-12-07"),
        ("zurück am 7. Dezember", "2026-12-07"),
        ("Je serai de retour le 7 décembre.", "2026-12-07"),
        ("Estoy fuera hasta el 7 de diciembre.", "2026-12-07"),
        ("Sono fuori ufficio fino al 7 dicembre.", "2026-12-07"),
        ("Ik ben vanaf 7 december weer aanwezig.", "2026-12-07"),
        ("Estarei de volta em 7 de dezembro.", "2026-12-07"),
        ("Back on 2026-12-07.", "2026-12-07"),
        ("I'm out of the office until 12/07/2026.", "2026-12-07"),
        ("Je suis absent jusqu'au 12/07/2026.", "2026-07-12"),
        ("Back on 25/12/2026.", "2026-12-25"),
        ("Back on Monday.", "2026-12-07"),
        ("Zurück am Freitag.", "2026-12-04"),
        ("I'm away from 2 December to 4 December, back on 7 December.", "2026-12-07"),
        ("Back on 5 January.", "2027-01-05"),
        ("Out of office with no fixed return.", nil),
    ] as [(String, String?)])
    func dates(text: String, expected: String?) {
        #expect(ReturnDateExtractor.find(in: text, reference: Self.reference) == expected, "\(text)")
    }

    @Test("a yearless date needs the message date")
    func needsReference() {
        #expect(ReturnDateExtractor.find(in: "back on 7 December", reference: nil) == nil)
        #expect(ReturnDateExtractor.find(in: "back on 7 December 2026", reference: nil) == "2026-12-07")
    }

    @Test("extreme reference dates do not trap")
    func extremeReference() {
        #expect(ReturnDateExtractor.find(in: "back on 7 December", reference: Date(timeIntervalSince1970: .infinity)) == nil)
        #expect(ReturnDateExtractor.find(in: "back on 7 December", reference: Date(timeIntervalSince1970: -1e15)) == nil)
        #expect(ReturnDateExtractor.find(in: "back on 31 December", reference: Date(timeIntervalSince1970: 253_402_214_400)) == "9999-12-31")
    }

    @Test("impossible dates are ignored")
    func invalid() {
        #expect(ReturnDateExtractor.find(in: "back on 31 February 2027", reference: Self.reference) == nil)
        #expect(ReturnDateExtractor.find(in: "back on 45.13.2027", reference: Self.reference) == nil)
    }
}
