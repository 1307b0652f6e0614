import Foundation

/// The meaning of each column of a prospect CSV, taken from its header record.
struct ProspectHeader {
    /// Normalised column names; empty for columns without a header.
    let names: [String]
    /// The position of the email column.
    let emailIndex: Int
    /// The position of the time-zone column, if any.
    let timeZoneIndex: Int?

    /// Reads the header; reports and returns nil when no row could be imported with it.
    init?(record: CSVRecord, report: (Int, String) -> Void) {
        let line = record.line
        var names = record.fields.map { FieldName.normalize($0) }
        let emailColumns = names.indices.filter { FieldName.emailAliases.contains(names[$0]) }
        guard let emailIndex = emailColumns.first else {
            report(line, "no `email` column in the header (found: "
                + record.fields.map { "`\($0)`" }.joined(separator: ", ") + "); name the address column `email`")
            return nil
        }
        guard emailColumns.count == 1 else {
            report(line, "several columns look like the email column ("
                + emailColumns.map { "`\(record.fields[$0])`" }.joined(separator: ", ") + "); keep only one")
            return nil
        }
        names[emailIndex] = "email"
        var firstColumn: [String: Int] = [:]
        var duplicated = false
        for (index, name) in names.enumerated() where !name.isEmpty {
            if let first = firstColumn[name] {
                report(line, "columns \(first + 1) and \(index + 1) are both `\(name)` once normalised; rename one")
                duplicated = true
            } else {
                firstColumn[name] = index
            }
        }
        guard !duplicated else { return nil }
        self.names = names
        self.emailIndex = emailIndex
        self.timeZoneIndex = names.firstIndex { FieldName.timeZoneAliases.contains($0) }
    }

    /// The prospect in `record`, or nil after reporting why it cannot be imported; blank rows give nil silently.
    func prospect(from record: CSVRecord, seen: inout [String: Int], report: (Int, String) -> Void) -> ProspectRow? {
        let line = record.line
        let values = record.fields.map { $0.trimmingWhitespace() }
        if values.allSatisfy(\.isEmpty) { return nil }
        var valid = true
        var fields: [String: String] = [:]
        fields.reserveCapacity(names.count)
        var multiline: [String] = []
        for (index, value) in values.enumerated() {
            let name = index < names.count ? names[index] : ""
            if name.isEmpty {
                if !value.isEmpty {
                    report(line, "column \(index + 1) holds `\(value)` but has no header; name the column or clear it")
                    valid = false
                }
                continue
            }
            fields[name] = value
            if LineEndings.hasLineBreak(value) { multiline.append(name) }
        }
        let email = fields["email"] ?? ""
        var identity = ""
        if email.isEmpty {
            report(line, "the email is empty")
            valid = false
        } else if let reason = EmailAddress.problem(with: email) {
            report(line, "`\(email)` is not a valid email address: \(reason)")
            valid = false
        } else {
            identity = EmailAddress.identity(of: email)
            if let first = seen[identity] {
                report(line, "`\(email)` is already on line \(first) (addresses are compared ignoring case)")
                valid = false
            } else {
                seen[identity] = line
            }
        }
        var timeZone: String? = nil
        if let timeZoneIndex, let zone = fields[names[timeZoneIndex]], !zone.isEmpty {
            if TimeZone(identifier: zone) == nil {
                report(line, "`\(zone)` is not a known IANA time zone (such as `Europe/Berlin`)")
                valid = false
            } else {
                timeZone = zone
            }
        }
        guard valid else { return nil }
        return ProspectRow(
            line: line, email: email, identity: identity, fields: fields, timeZone: timeZone,
            multilineFields: multiline.sorted())
    }
}
