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

    /// Everything about `record` that does not depend on other rows: what `accept` needs to finish it.
    /// Pure, so records can be checked on several cores at once.
    func check(_ record: CSVRecord) -> CheckedRecord {
        let line = record.line
        var checked = CheckedRecord(line: line)
        let values = record.fields.map { $0.trimmingWhitespace() }
        if values.allSatisfy(\.isEmpty) {
            checked.isBlank = true
            return checked
        }
        var fields: [String: String] = [:]
        fields.reserveCapacity(names.count)
        var multiline: [String] = []
        for (index, value) in values.enumerated() {
            let name = index < names.count ? names[index] : ""
            if name.isEmpty {
                if !value.isEmpty {
                    checked.problemsBeforeDuplicates.append("column \(index + 1) holds `\(value)` but has no header; name the column or clear it")
                }
                continue
            }
            fields[name] = value
            if LineEndings.hasLineBreak(value) { multiline.append(name) }
        }
        let email = fields["email"] ?? ""
        var identity = ""
        if email.isEmpty {
            checked.problemsBeforeDuplicates.append("the email is empty")
        } else if let reason = EmailAddress.problem(with: email) {
            checked.problemsBeforeDuplicates.append("`\(email)` is not a valid email address: \(reason)")
        } else {
            identity = EmailAddress.identity(of: email)
            checked.identity = identity
            checked.email = email
        }
        var timeZone: String? = nil
        if let timeZoneIndex, let zone = fields[names[timeZoneIndex]], !zone.isEmpty {
            if TimeZone(identifier: zone) == nil {
                checked.problemsAfterDuplicates.append("`\(zone)` is not a known IANA time zone (such as `Europe/Berlin`)")
            } else {
                timeZone = zone
            }
        }
        if checked.problemsBeforeDuplicates.isEmpty && checked.problemsAfterDuplicates.isEmpty {
            checked.row = ProspectRow(
                line: line, email: email, identity: identity, fields: fields, timeZone: timeZone,
                multilineFields: multiline.sorted())
        }
        return checked
    }

    /// Finishes a checked record in file order: reports its problems, and a duplicate of an earlier row
    /// (recorded in `seen`); returns the row, or nil when it cannot be imported or is blank.
    func accept(_ checked: CheckedRecord, seen: inout [String: Int], report: (Int, String) -> Void) -> ProspectRow? {
        if checked.isBlank { return nil }
        for problem in checked.problemsBeforeDuplicates { report(checked.line, problem) }
        var duplicate = false
        if let identity = checked.identity {
            // One hash per row: insert, and put the first line back in the rare case of a duplicate.
            if let first = seen.updateValue(checked.line, forKey: identity) {
                seen[identity] = first
                report(checked.line, "`\(checked.email)` is already on line \(first) (addresses are compared ignoring case)")
                duplicate = true
            }
        }
        for problem in checked.problemsAfterDuplicates { report(checked.line, problem) }
        return duplicate ? nil : checked.row
    }
}

/// One record checked on its own (see `ProspectHeader.check`), waiting for the in-order duplicate check.
public struct CheckedRecord: Sendable {
    /// The physical line where the record starts.
    let line: Int
    /// True for a row with nothing in it, which is skipped without a word.
    var isBlank = false
    /// Problems found before the address could be compared with earlier rows, in the order reported.
    var problemsBeforeDuplicates: [String] = []
    /// The case-folded address, when it is valid and so can be compared with earlier rows.
    var identity: String?
    /// The address as written, for the duplicate's message.
    var email = ""
    /// Problems reported after the duplicate check (the time zone).
    var problemsAfterDuplicates: [String] = []
    /// The row, when the record has no problem of its own.
    var row: ProspectRow?

    init(line: Int) {
        self.line = line
    }

    /// A record that could not be read at all.
    init(line: Int, problem: String) {
        self.line = line
        problemsBeforeDuplicates = [problem]
    }
}
