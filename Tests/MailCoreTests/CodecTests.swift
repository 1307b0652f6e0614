import Testing
@testable import MailCore

@Suite struct CodecTests {
    @Test func base64RoundTripAndTolerance() {
        for n in 0..<40 {
            let bytes = (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            #expect(Base64.decode(Base64.encode(bytes)) == bytes)
        }
        #expect(Base64.encode(Array("Man".utf8)) == "TWFu")
        #expect(Base64.encode(Array("Ma".utf8)) == "TWE=")
        #expect(Base64.decode("SGVs\r\nbG8h!!*") == Array("Hello!".utf8))
        #expect(Base64.decode("SGVsbG8") == Array("Hello".utf8))
        #expect(Base64.encodeLines([UInt8](repeating: 1, count: 100)).split(separator: "\r\n").allSatisfy { $0.count <= 76 })
    }

    @Test func quotedPrintableEncodesLongLinesAndSpecials() {
        let line = String(repeating: "é", count: 500) + " end "
        let encoded = QuotedPrintable.encode(line)
        for l in encoded.components(separatedBy: "\r\n") { #expect(l.utf8.count <= 76) }
        #expect(encoded.hasSuffix("end=20"))
        #expect(String(decoding: QuotedPrintable.decode(encoded), as: UTF8.self) == line)
        #expect(QuotedPrintable.encode("a=b") == "a=3Db")
        #expect(QuotedPrintable.encode("From here") == "=46rom here")
    }

    @Test func quotedPrintableDecodesLeniently() {
        #expect(QuotedPrintable.decode("soft=\r\nbreak") == Array("softbreak".utf8))
        #expect(QuotedPrintable.decode("soft=  \nbreak") == Array("softbreak".utf8))
        #expect(QuotedPrintable.decode("bad =ZZ and =e9") == [98, 97, 100, 32, 61, 90, 90, 32, 97, 110, 100, 32, 0xE9])
        #expect(QuotedPrintable.decode("trailing   \r\nx") == Array("trailing\r\nx".utf8))
        #expect(QuotedPrintable.decode("end=") == Array("end".utf8))
    }

    @Test func charsetFallbacks() {
        #expect(Charset.decode([0x63, 0x61, 0x66, 0xE9], label: "iso-8859-1") == "café")
        #expect(Charset.decode([0x93, 0x68, 0x69, 0x94], label: "iso-8859-1") == "\u{201C}hi\u{201D}")
        #expect(Charset.decode([0xA4], label: "iso-8859-15") == "€")
        #expect(Charset.decode([0x9A], label: "windows-1250") == "š")
        #expect(Charset.decode([0xC0], label: "koi8-r") == "ю")
        // Labelled UTF-8 but really Windows-1252.
        #expect(Charset.decode([0x63, 0x61, 0x66, 0xE9], label: "utf-8") == "café")
        // Labelled Latin-1 but really UTF-8.
        #expect(Charset.decode([0x63, 0x61, 0x66, 0xC3, 0xA9], label: "ISO-8859-1") == "café")
        // Unknown label: UTF-8 when valid, else lossless Latin-1.
        #expect(Charset.decode([0xC3, 0xA9], label: "x-unknown") == "é")
        #expect(Charset.decode([0xE9, 0x81], label: "x-unknown") == "é\u{81}")
        #expect(Charset.decode([0x81], label: "windows-1252") == "\u{81}")
    }
}
