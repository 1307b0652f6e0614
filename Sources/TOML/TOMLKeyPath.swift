/// Formats keys and dotted key paths for messages, quoting keys that are not bare.
enum TOMLKeyPath {
    /// True for A-Z, a-z, 0-9, `_` and `-`: the bytes allowed in a bare key.
    static func isBareKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x5F, 0x2D: true
        default: false
        }
    }

    /// The key as it could be written in TOML: bare if possible, else a quoted basic string.
    static func display(_ key: String) -> String {
        if !key.isEmpty, key.utf8.allSatisfy(isBareKeyByte) {
            return key
        }
        var quoted = "\""
        for scalar in key.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }

    /// `key` appended to the dotted `path` ("" is the root).
    static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? display(key) : path + "." + display(key)
    }

    /// The dotted path made of `keys`.
    static func join(_ keys: some Sequence<String>) -> String {
        keys.reduce("") { join($0, $1) }
    }
}
