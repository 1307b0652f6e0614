/// How CSV headers and template field names are compared: both are normalised the same way.
public enum FieldName {
    /// Normalised spellings that mean "the email column".
    public static let emailAliases: Set<String> = ["email", "e_mail", "email_address", "e_mail_address", "emailaddress"]

    /// Normalised spellings that mean "the prospect's IANA time zone", in the seven languages of
    /// the product (a CRM export in German says `Zeitzone`).
    public static let timeZoneAliases: Set<String> = ["timezone", "time_zone", "tz", "tzid", "iana_timezone", "iana_time_zone",
        "zeitzone", "fuseau_horaire", "zona_horaria", "fuso_orario", "tijdzone", "fuso_horario"]

    /// Trims, lowercases, turns every run of characters other than letters and digits into one `_`, and drops `_` at
    /// both ends: "First Name" -> "first_name", " E-Mail " -> "e_mail", "Company (legal)" -> "company_legal".
    public static func normalize(_ header: String) -> String {
        if isNormalizedASCII(header) { return header }  // the common case: already normalised
        var result = ""
        var pendingSeparator = false
        for character in header.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingSeparator && !result.isEmpty {
                    result.append("_")
                }
                pendingSeparator = false
                result.append(character)
            } else {
                pendingSeparator = true
            }
        }
        return result
    }

    /// True when `name` is non-empty ASCII `[a-z0-9]` words joined by single `_`: what `normalize` returns for it.
    static func isNormalizedASCII(_ name: String) -> Bool {
        var afterSeparator = true  // so a leading `_` fails
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                afterSeparator = false
            case UInt8(ascii: "_") where !afterSeparator:
                afterSeparator = true
            default:
                return false
            }
        }
        return !afterSeparator
    }

    /// True when the normalised `name` is one of the accepted spellings of the email column.
    public static func isEmail(_ name: String) -> Bool {
        emailAliases.contains(normalize(name))
    }

    /// True when the normalised `name` is one of the accepted spellings of the time-zone column.
    public static func isTimeZone(_ name: String) -> Bool {
        timeZoneAliases.contains(normalize(name))
    }
}
