import CSQLite
import FollowUp
import Foundation

/// A value bound to, or read from, an SQL statement.
enum SQLValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
}

/// One prepared statement; finalised in `deinit`.
final class SQLiteStatement {
    fileprivate let handle: OpaquePointer
    /// Unowned: the database keeps prepared statements in its cache, and statements never
    /// outlive their database; a strong reference would be a cycle that never closes the file.
    private unowned let database: SQLiteDatabase

    init(_ handle: OpaquePointer, database: SQLiteDatabase) {
        self.handle = handle
        self.database = database
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Result columns by name (`p.id` is `id`), read once from SQLite.
    private(set) lazy var columnIndex: [String: Int32] = {
        var names: [String: Int32] = [:]
        for index in 0..<sqlite3_column_count(handle) {
            if let name = sqlite3_column_name(handle, index) { names[String(cString: name)] = index }
        }
        return names
    }()

    /// Binds `values` to the parameters, in order.
    func bind(_ values: [SQLValue]) throws(StoreError) {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .null: code = sqlite3_bind_null(handle, index)
            case .integer(let number): code = sqlite3_bind_int64(handle, index, number)
            case .real(let number): code = sqlite3_bind_double(handle, index, number)
            case .text(let text):
                let bytes = Array(text.utf8)
                // An empty buffer has no address, and NULL would bind SQL NULL instead of ''.
                code = bytes.isEmpty ? followup_sqlite_bind_text(handle, index, "", 0) : bytes.withUnsafeBytes { buffer in
                    followup_sqlite_bind_text(handle, index, buffer.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(buffer.count))
                }
            }
            guard code == SQLITE_OK else {
                throw StoreError(path: database.path, operation: "bind", detail: database.lastError, resultCode: database.lastErrorCode)
            }
        }
    }

    /// Makes the statement ready to run again, with no parameters bound.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Advances to the next row; false when done.
    func step() throws(StoreError) -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw StoreError(path: database.path, operation: "step", detail: database.lastError, resultCode: database.lastErrorCode)
        }
    }
}

/// The current row of a statement, read by column index.
struct SQLiteRow {
    let statement: SQLiteStatement

    /// Column `index` as an integer (0 for NULL).
    func int(_ index: Int32) -> Int64 { sqlite3_column_int64(statement.handle, index) }
    /// Column `index` as a double (0 for NULL).
    func double(_ index: Int32) -> Double { sqlite3_column_double(statement.handle, index) }
    /// Column `index` as text, or nil for NULL.
    func text(_ index: Int32) -> String? {
        guard let pointer = sqlite3_column_text(statement.handle, index) else { return nil }
        return String(cString: pointer)
    }
    /// True when column `index` is NULL.
    func isNull(_ index: Int32) -> Bool { sqlite3_column_type(statement.handle, index) == SQLITE_NULL }
    /// Column `index` as an optional double.
    func optionalDouble(_ index: Int32) -> Double? { isNull(index) ? nil : double(index) }
    /// Column `index` as an optional integer.
    func optionalInt(_ index: Int32) -> Int64? { isNull(index) ? nil : int(index) }

    // By name: a row decoded in one place reads the same whatever a query's column order.
    // A name the query does not have reads as NULL.

    /// Column `name` as an integer (0 for NULL or a missing column).
    func int(_ name: String) -> Int64 { statement.columnIndex[name].map(int) ?? 0 }
    /// Column `name` as a double (0 for NULL or a missing column).
    func double(_ name: String) -> Double { statement.columnIndex[name].map(double) ?? 0 }
    /// Column `name` as text, or nil for NULL or a missing column.
    func text(_ name: String) -> String? { statement.columnIndex[name].flatMap(text) }
    /// Column `name` as an integer, or nil for NULL or a missing column.
    func optionalInt(_ name: String) -> Int64? { statement.columnIndex[name].flatMap(optionalInt) }
    /// Column `name` as a double, or nil for NULL or a missing column.
    func optionalDouble(_ name: String) -> Double? { statement.columnIndex[name].flatMap(optionalDouble) }
    /// Column `name` as an optional date (seconds since 1970).
    func date(_ name: String) -> Date? {
        statement.columnIndex[name].flatMap(optionalDouble).map(Date.init(timeIntervalSince1970:))
    }
}

extension Prospect {
    /// A prospect from a row with the columns of `prospects` (id, email, identity, fields, time_zone, state, snoozed_until).
    init(row: SQLiteRow) {
        self.init(id: row.int("id"), email: row.text("email") ?? "", identity: row.text("identity") ?? "",
                  fields: FieldsCoding.decode(row.text("fields") ?? ""), timeZone: row.text("time_zone"),
                  state: ProspectState(rawValue: row.text("state") ?? "") ?? .needsReview, snoozedUntil: row.date("snoozed_until"))
    }
}

extension Enrolment {
    /// The enrolment of prospect `prospectID` from a row with the columns of `enrolments`.
    init(prospectID: Int64, row: SQLiteRow) {
        self.init(prospectID: prospectID, enrolledAt: row.date("enrolled_at") ?? Date(timeIntervalSince1970: 0), nextStep: Int(row.int("next_step")),
                  attempts: Int(row.int("attempts")), firstSentAt: row.date("first_sent_at"), lastSentAt: row.date("last_sent_at"),
                  firstSubject: row.text("first_subject"), retryAfter: row.date("retry_after"))
    }
}
