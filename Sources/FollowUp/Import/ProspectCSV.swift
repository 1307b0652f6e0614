/// Reads prospects from a CSV with a header row: `email` required, every other named column a template field.
public enum ProspectCSV {
    /// Reads every row of `bytes`; `file` names the CSV in problems. Rows with problems are left out of `rows`.
    public static func read(bytes: [UInt8], file: String) -> (rows: [ProspectRow], problems: [ImportProblem]) {
        var reader = CSVReader(bytes: bytes)
        var rows: [ProspectRow] = []
        var problems: [ImportProblem] = []
        scan(&reader, file: file, row: { rows.append($0) }, problem: { problems.append($0) })
        return (rows, problems)
    }

    /// Streams `reader`, handing each valid row to `row` and each problem to `problem`, in file order. Memory grows
    /// only with the set of addresses already seen (to find duplicates).
    public static func scan(
        _ reader: inout CSVReader, file: String,
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
        while true {
            let record: CSVRecord
            do {
                guard let next = try reader.next() else { return }
                record = next
            } catch {
                report(error.line, error.message)
                continue
            }
            if let prospect = header.prospect(from: record, seen: &seen, report: report) {
                row(prospect)
            }
        }
    }
}
