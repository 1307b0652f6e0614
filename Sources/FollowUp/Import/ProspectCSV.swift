/// Reads prospects from a CSV with a header row: `email` required, every other named column a template field.
public enum ProspectCSV {
    /// Reads every row of `bytes`; `file` names the CSV in problems. Rows with problems are left out of `rows`.
    public static func read(bytes: [UInt8], file: String) -> (rows: [ProspectRow], problems: [ImportProblem]) {
        var reader = CSVReader(bytes: bytes)
        var rows: [ProspectRow] = []
        var problems: [ImportProblem] = []
        scan(&reader, file: file, expectedRows: bytes.count / 64, row: { rows.append($0) }, problem: { problems.append($0) })
        return (rows, problems)
    }

    /// A record as read: its fields, or why it could not be read.
    public typealias ReadRecord = Result<CSVRecord, CSVError>

    /// Checks a batch of records, each on its own, and returns the results in the batch's order. The default
    /// checks one after another; a caller may spread the work over several cores, since the check is pure.
    public typealias BatchCheck = ([ReadRecord], @escaping @Sendable (ReadRecord) -> CheckedRecord) -> [CheckedRecord]

    /// Records read and checked together: enough to share among cores, few enough to keep memory flat.
    static let batchSize = 2_048

    /// Streams `reader`, handing each valid row to `row` and each problem to `problem`, in file order. Memory grows
    /// only with the set of addresses already seen (to find duplicates); `expectedRows`, a guess such as the file's
    /// size over 64, sizes that set up front. Rows are checked a batch at a time by `checkBatch`, then finished
    /// (duplicates found, problems reported) in file order, so the outcome does not depend on how they were checked.
    public static func scan(
        _ reader: inout CSVReader, file: String, expectedRows: Int = 0,
        checkBatch: BatchCheck = { records, check in records.map(check) },
        row: (ProspectRow) -> Void, problem: (ImportProblem) -> Void
    ) {
        func report(_ line: Int, _ reason: String) {
            problem(ImportProblem(file: file, line: line, reason: reason))
        }
        let headerRecord: CSVRecord
        do {
            guard let record = try reader.next() else {
                report(1, "the file is empty; the first line must be a header with an `email` column")
                return
            }
            headerRecord = record
        } catch {
            report(error.line, error.message + " (in the header)")
            return
        }
        guard let header = ProspectHeader(record: headerRecord, report: report) else { return }

        var seen: [String: Int] = [:]
        seen.reserveCapacity(min(max(expectedRows, 0), 1_000_000))  // a guess: at most ~40 MB up front
        let check: @Sendable (ReadRecord) -> CheckedRecord = { read in
            switch read {
            case .success(let record): header.check(record)
            case .failure(let error): CheckedRecord(line: error.line, problem: error.message)
            }
        }
        var batch: [ReadRecord] = []
        batch.reserveCapacity(batchSize)
        var finished = false
        while !finished {
            batch.removeAll(keepingCapacity: true)
            while batch.count < batchSize {
                do {
                    guard let next = try reader.next() else {
                        finished = true
                        break
                    }
                    batch.append(.success(next))
                } catch {
                    batch.append(.failure(error))
                }
            }
            for checked in checkBatch(batch, check) {
                if let prospect = header.accept(checked, seen: &seen, report: report) { row(prospect) }
            }
        }
    }
}
