/// Decodes HTML character references: named (a common set), decimal and hexadecimal.
enum HTMLEntities {
    static let named: [String: UInt32] = [
        "amp": 38, "lt": 60, "gt": 62, "quot": 34, "apos": 39, "nbsp": 0xA0, "copy": 0xA9, "reg": 0xAE, "trade": 0x2122,
        "hellip": 0x2026, "mdash": 0x2014, "ndash": 0x2013, "lsquo": 0x2018, "rsquo": 0x2019, "ldquo": 0x201C,
        "rdquo": 0x201D, "sbquo": 0x201A, "bdquo": 0x201E, "bull": 0x2022, "middot": 0xB7, "euro": 0x20AC, "pound": 0xA3,
        "yen": 0xA5, "cent": 0xA2, "sect": 0xA7, "deg": 0xB0, "plusmn": 0xB1, "times": 0xD7, "divide": 0xF7,
        "laquo": 0xAB, "raquo": 0xBB, "iexcl": 0xA1, "iquest": 0xBF, "shy": 0xAD, "zwnj": 0x200C, "zwj": 0x200D,
        "ensp": 0x2002, "emsp": 0x2003, "thinsp": 0x2009, "auml": 0xE4, "ouml": 0xF6, "uuml": 0xFC, "Auml": 0xC4,
        "Ouml": 0xD6, "Uuml": 0xDC, "szlig": 0xDF, "eacute": 0xE9, "Eacute": 0xC9, "egrave": 0xE8, "Egrave": 0xC8,
        "ecirc": 0xEA, "euml": 0xEB, "aacute": 0xE1, "Aacute": 0xC1, "agrave": 0xE0, "Agrave": 0xC0, "acirc": 0xE2,
        "atilde": 0xE3, "aring": 0xE5, "aelig": 0xE6, "ccedil": 0xE7, "Ccedil": 0xC7, "iacute": 0xED, "Iacute": 0xCD,
        "igrave": 0xEC, "icirc": 0xEE, "iuml": 0xEF, "ntilde": 0xF1, "Ntilde": 0xD1, "oacute": 0xF3, "Oacute": 0xD3,
        "ograve": 0xF2, "ocirc": 0xF4, "otilde": 0xF5, "oslash": 0xF8, "Oslash": 0xD8, "uacute": 0xFA, "Uacute": 0xDA,
        "ugrave": 0xF9, "ucirc": 0xFB, "yacute": 0xFD, "yuml": 0xFF, "oelig": 0x153, "OElig": 0x152, "scaron": 0x161,
        "Scaron": 0x160, "zcaron": 0x17E, "Zcaron": 0x17D, "ordf": 0xAA, "ordm": 0xBA, "para": 0xB6, "micro": 0xB5,
        "frac12": 0xBD, "frac14": 0xBC, "frac34": 0xBE, "rarr": 0x2192, "larr": 0x2190, "hearts": 0x2665,
    ]

    /// Decodes the reference at `start` ("&"); returns the scalars and the index after it ("&" alone when unknown).
    static func decode(_ s: [Unicode.Scalar], at start: Int) -> ([Unicode.Scalar], Int) {
        var i = start + 1
        var name = ""
        while i < s.count, name.unicodeScalars.count < 32, s[i].isASCII,
            s[i].properties.isAlphabetic || (s[i] >= "0" && s[i] <= "9") || s[i] == "#"
        {
            name.unicodeScalars.append(s[i])
            i += 1
        }
        let hasSemicolon = i < s.count && s[i] == ";"
        let end = hasSemicolon ? i + 1 : i
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value: UInt32?
            if digits.first == "x" || digits.first == "X" {
                value = digits.count > 1 && digits.count <= 9 ? UInt32(digits.dropFirst(), radix: 16) : nil
            } else {
                value = digits.count <= 9 ? UInt32(digits) : nil
            }
            guard let code = value else { return (["&"], start + 1) }
            return ([scalar(forNumeric: code)], end)
        }
        if let code = named[name] ?? named[name.lowercased()], let scalar = Unicode.Scalar(code) {
            return ([scalar], end)
        }
        return (["&"], start + 1)
    }

    static func scalar(forNumeric code: UInt32) -> Unicode.Scalar {
        if code >= 0x80, code <= 0x9F {
            let mapped = Charset.windows1252([UInt8(code)])
            return mapped.unicodeScalars.first ?? "\u{FFFD}"
        }
        if code == 0 { return "\u{FFFD}" }
        return Unicode.Scalar(code) ?? "\u{FFFD}"
    }
}
