import CSQLite
import FollowUp

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
}
