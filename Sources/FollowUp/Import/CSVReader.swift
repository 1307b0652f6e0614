public import Foundation

/// A strict RFC 4180 reader that streams records with their starting line; it accepts Excel, Google Sheets and
/// HubSpot exports (UTF-8 BOM, CRLF, LF or CR, `,` `;` or tab detected from the header line).
public struct CSVReader {
    /// The longest field accepted, in bytes; longer usually means a missing closing quote.
    public static let maximumFieldBytes = 1 << 20
    /// The most fields accepted in one record.
    public static let maximumFields = 10_000
    /// The longest header line scanned to detect the delimiter, in bytes.
    static let detectionLimit = 1 << 20

    private enum State {
        case fieldStart, unquoted, quoted, afterQuote, skipping
    }

    /// Where the bytes come from.
    var source: ByteSource
    /// The delimiter in use; nil until the header line has been seen when it is detected.
    public internal(set) var delimiter: UInt8?
    /// The physical line of the next unread byte.
    private var line = 1
    private var started = false
    /// True once the end of the input (or an unrecoverable error) was reached.
    var finished = false
    /// The header's field count and line, once the header was read.
    private var header: (count: Int, line: Int)?

    /// Reads from bytes already in memory; `delimiter` nil detects `,` `;` or tab from the header line.
    public init(bytes: [UInt8], delimiter: UInt8? = nil) {
        source = ByteSource(bytes: bytes)
        self.delimiter = delimiter
    }

    /// Reads from an open file chunk by chunk, so memory stays flat whatever the file's size.
    public init(fileHandle: FileHandle, delimiter: UInt8? = nil, chunkSize: Int = 64 * 1024) {
        source = ByteSource(handle: fileHandle, chunkSize: chunkSize)
        self.delimiter = delimiter
    }

    /// Opens `url` for streaming; throws a line-0 error when the file cannot be opened.
    public init(url: URL, delimiter: UInt8? = nil) throws(CSVError) {
        do {
            let handle = try FileHandle(forReadingFrom: url)
            self.init(fileHandle: handle, delimiter: delimiter)
        } catch {
            throw CSVError(line: 0, message: "cannot open \(url.path): \(error.localizedDescription)")
        }
    }

    /// The next record (the first one is the header), nil at the end. A broken record throws and is skipped, so
    /// calling `next()` again goes on with the following record; after an unterminated quote the reader is done.
    public mutating func next() throws(CSVError) -> CSVRecord? {
        guard !finished else { return nil }
        if !started {
            started = true
            try start()
        }
        let delimiter = self.delimiter ?? UInt8(ascii: ",")
        var recordLine = line
        var fieldLine = line
        var quoteLine = line
        var fields: [String] = []
        var field: [UInt8] = []
        var state = State.fieldStart
        var problem: CSVError? = nil

        func finishField() {
            guard problem == nil else {
                field.removeAll(keepingCapacity: true)
                return
            }
            if fields.count >= Self.maximumFields {
                problem = CSVError(line: recordLine, message: "more than \(Self.maximumFields) fields in one record")
                return
            }
            // Decoding repairs invalid UTF-8, so the bytes come back unchanged exactly when they were
            // valid (and this specialised path is several times faster than String(validating:)).
            let text = String(decoding: field, as: UTF8.self)
            guard text.utf8.count == field.count, text.utf8.elementsEqual(field) else {
                problem = CSVError(
                    line: fieldLine,
                    message: "field \(fields.count + 1) is not valid UTF-8; save the file as \"CSV UTF-8\"")
                return
            }
            fields.append(text)
            field.removeAll(keepingCapacity: true)
        }

        func append(_ byte: UInt8) -> Bool {
            guard field.count < Self.maximumFieldBytes else { return false }
            field.append(byte)
            return true
        }

        recordLoop: while true {
            // Inside a field, ordinary bytes move in runs; the state machine sees only the others.
            if state == .unquoted || state == .quoted,
               source.moveRun(into: &field, limit: Self.maximumFieldBytes - field.count, delimiter: delimiter, quoted: state == .quoted) > 0 {
                continue
            }
            guard let byte = source.peek() else {
                finished = true
                if let failure = source.readFailure {
                    throw CSVError(line: line, message: "reading the file failed: \(failure)")
                }
                switch state {
                case .quoted:
                    throw CSVError(
                        line: quoteLine,
                        message: "unterminated quote: the quoted field that starts on this line never closes")
                case .fieldStart where fields.isEmpty:
                    if let problem { throw problem }
                    return nil
                case .skipping:
                    break recordLoop
                default:
                    finishField()
                    break recordLoop
                }
            }
            source.advance()
            let isNewline = byte == 0x0A || byte == 0x0D
            let isCRLF = byte == 0x0D && source.peek() == 0x0A
            if isCRLF {
                source.advance()
            }
            switch state {
            case .fieldStart:
                if isNewline {
                    line += 1
                    if fields.isEmpty {
                        // A blank line between records: skip it.
                        recordLine = line
                        fieldLine = line
                        continue
                    }
                    finishField()
                    break recordLoop
                }
                if byte == UInt8(ascii: "\"") {
                    state = .quoted
                    quoteLine = line
                } else if byte == delimiter {
                    finishField()
                    fieldLine = line
                } else {
                    _ = append(byte)
                    state = .unquoted
                }
            case .unquoted:
                if isNewline {
                    line += 1
                    finishField()
                    break recordLoop
                }
                if byte == delimiter {
                    finishField()
                    fieldLine = line
                    state = .fieldStart
                } else if byte == UInt8(ascii: "\"") {
                    problem = problem ?? CSVError(
                        line: line,
                        message: "a quote inside the unquoted field \(fields.count + 1); "
                            + "put the whole field in quotes and double the quotes inside it (\"\")")
                    state = .skipping
                } else if !append(byte) {
                    problem = problem ?? CSVError(
                        line: fieldLine, message: "field \(fields.count + 1) is longer than \(Self.maximumFieldBytes) bytes")
                    state = .skipping
                }
            case .quoted:
                if byte == UInt8(ascii: "\"") {
                    state = .afterQuote
                    continue
                }
                if isNewline {
                    line += 1
                }
                guard append(byte), !isCRLF || append(0x0A) else {
                    finished = true
                    throw CSVError(
                        line: quoteLine,
                        message: "the quoted field that starts on this line is longer than "
                            + "\(Self.maximumFieldBytes) bytes; a closing quote is probably missing")
                }
            case .afterQuote:
                if byte == UInt8(ascii: "\"") {
                    _ = append(byte)
                    state = .quoted
                } else if byte == delimiter {
                    finishField()
                    fieldLine = line
                    state = .fieldStart
                } else if isNewline {
                    line += 1
                    finishField()
                    break recordLoop
                } else {
                    problem = problem ?? CSVError(
                        line: line,
                        message: "text after the closing quote of field \(fields.count + 1); "
                            + "double a quote inside a quoted field (\"\") to keep it")
                    state = .skipping
                }
            case .skipping:
                if isNewline {
                    line += 1
                    break recordLoop
                }
            }
        }
        if let problem { throw problem }
        return try checkedRecord(CSVRecord(line: recordLine, fields: fields))
    }

    /// Checks the record's field count against the header's; drops extra trailing fields when they are all empty.
    private mutating func checkedRecord(_ record: CSVRecord) throws(CSVError) -> CSVRecord {
        guard let header else {
            header = (record.fields.count, record.line)
            return record
        }
        var record = record
        if record.fields.count > header.count, record.fields[header.count...].allSatisfy(\.isEmpty) {
            record.fields.removeLast(record.fields.count - header.count)
        }
        guard record.fields.count == header.count else {
            throw CSVError(
                line: record.line,
                message: "expected \(header.count) fields, as in the header on line \(header.line), "
                    + "but found \(record.fields.count)")
        }
        return record
    }
}
