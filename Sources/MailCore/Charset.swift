import Foundation

/// Converts bytes in a labelled charset to text, with fallbacks for wrong or unknown labels that never lose bytes.
public enum Charset {
    /// Decodes `bytes` labelled `label` (e.g. "utf-8", "iso-8859-15", "windows-1252"); when the bytes are not valid in
    /// the label, falls back to UTF-8 and then Windows-1252; unknown labels decode as UTF-8 else Latin-1.
    public static func decode(_ bytes: [UInt8], label: String?) -> String {
        let name = normalize(label ?? "")
        if bytes.allSatisfy({ $0 < 0x80 }) && !isWideEncoding(name) {
            return String(decoding: bytes, as: UTF8.self)
        }
        switch name {
        case "utf-8", "utf8", "us-ascii", "ascii", "":
            return utf8OrWindows1252(bytes)
        case "iso-8859-1", "latin1", "l1", "iso8859-1", "windows-1252", "cp1252", "x-cp1252", "iso-ir-100":
            if let utf8 = strictUTF8(bytes) { return utf8 }
            return windows1252(bytes)
        default:
            break
        }
        if let encoding = foundationEncoding(name) {
            let singleByte = isSingleByte(name)
            if singleByte, let utf8 = strictUTF8(bytes) { return utf8 }
            if let text = String(bytes: bytes, encoding: encoding) { return text }
            return utf8OrWindows1252(bytes)
        }
        return strictUTF8(bytes) ?? latin1(bytes)
    }

    /// Decodes as UTF-8 when valid, else as Windows-1252 (the rule for 8-bit header bytes).
    public static func utf8OrWindows1252(_ bytes: [UInt8]) -> String {
        strictUTF8(bytes) ?? windows1252(bytes)
    }

    /// The bytes as UTF-8, or nil when they are not valid UTF-8.
    static func strictUTF8(_ bytes: [UInt8]) -> String? {
        String(validating: bytes, as: UTF8.self)
    }

    /// ISO-8859-1: every byte maps to the code point of the same value (lossless).
    static func latin1(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for b in bytes { scalars.append(Unicode.Scalar(b)) }
        return String(scalars)
    }

    /// Windows-1252; the five undefined bytes map to the C1 control of the same value, so nothing is lost.
    static func windows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for b in bytes {
            if b >= 0x80, b <= 0x9F, let mapped = Unicode.Scalar(cp1252High[Int(b - 0x80)]) {
                scalars.append(mapped)
            } else {
                scalars.append(Unicode.Scalar(b))
            }
        }
        return String(scalars)
    }

    private static let cp1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    static func normalize(_ label: String) -> String {
        var name = label.trimmingWSP().lowercased()
        if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 { name = String(name.dropFirst().dropLast()) }
        name = name.replacingOccurrences(of: "_", with: "-")
        if name.hasPrefix("iso8859-") { name = "iso-8859-" + name.dropFirst(8) }
        if name.hasPrefix("cp125") { name = "windows-125" + name.dropFirst(5) }
        if name.hasPrefix("win-125") { name = "windows-125" + name.dropFirst(7) }
        return name
    }

    private static func isWideEncoding(_ name: String) -> Bool {
        name.hasPrefix("utf-16") || name.hasPrefix("utf-32") || name.hasPrefix("ucs-") || name == "utf-7" || name == "iso-2022-jp"
    }

    private static func isSingleByte(_ name: String) -> Bool {
        name.hasPrefix("iso-8859-") || name.hasPrefix("windows-125") || name.hasPrefix("koi8")
    }

    /// Foundation encodings for the labels it can decode on every platform (CFStringEncoding values where unnamed).
    private static func foundationEncoding(_ name: String) -> String.Encoding? {
        let cf: [String: UInt] = [
            "iso-8859-2": 0x0202, "iso-8859-3": 0x0203, "iso-8859-4": 0x0204, "iso-8859-5": 0x0205,
            "iso-8859-6": 0x0206, "iso-8859-7": 0x0207, "iso-8859-8": 0x0208, "iso-8859-9": 0x0209,
            "iso-8859-10": 0x020A, "iso-8859-11": 0x020B, "iso-8859-13": 0x020D, "iso-8859-14": 0x020E,
            "iso-8859-15": 0x020F, "latin9": 0x020F, "iso-8859-16": 0x0210, "windows-1250": 0x0501,
            "windows-1251": 0x0502, "windows-1253": 0x0503, "windows-1254": 0x0504, "windows-1255": 0x0505,
            "windows-1256": 0x0506, "windows-1257": 0x0507, "windows-1258": 0x0508, "koi8-r": 0x0A02,
            "koi8-u": 0x0A08, "big5": 0x0A03, "euc-kr": 0x0940, "gbk": 0x0631, "gb18030": 0x0632, "gb2312": 0x0631,
        ]
        if let value = cf[name] { return String.Encoding(rawValue: 0x8000_0000 | value) }
        switch name {
        case "shift-jis", "sjis", "x-sjis", "windows-31j", "cp932": return .shiftJIS
        case "euc-jp": return .japaneseEUC
        case "iso-2022-jp": return .iso2022JP
        case "utf-16": return .utf16
        case "utf-16le": return .utf16LittleEndian
        case "utf-16be": return .utf16BigEndian
        case "utf-32": return .utf32
        case "utf-32le": return .utf32LittleEndian
        case "utf-32be": return .utf32BigEndian
        default: return nil
        }
    }
}
