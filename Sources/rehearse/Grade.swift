import ArgumentParser
import Foundation
import RehearseBank
import RehearseCheck
import RehearseCore
import RehearseGrading
import RehearseProgress
import RehearseScoring
import RehearseSession

struct Grade: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Grade a cohort's answer sheets, with item analysis.",
        discussion: """
            Sheets are recognised by content: recorded attempts (the JSON `rehearse take --record` \
            writes, one or an array), long CSV (learner,quiz,question,answer) and wide CSV (a row \
            per learner, a column per question named by ref or prompt). Rows that cannot be \
            graded are reported with file, line and column; the rest is graded. Exit codes: 0 \
            graded; 1 some input was rejected; 2 a file cannot be read or written; 64 usage error.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Answer sheets (JSON attempts, long or wide CSV).")
    var sheets: [String]

    @Option(name: .long, help: "The quiz the sheets answer (needed when they do not say).")
    var quiz: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Output format.", valueName: ReportFormat.names.joined(separator: "|")))
    var format = "table"

    @Option(name: [.customShort("o"), .long], help: "Write the report to FILE.")
    var output: String?

    @Option(
        name: .long, help: "The learner column of a wide sheet (default: learner, email, name).")
    var learnerColumn: String?

    @Option(name: .long, help: "CSV delimiter: , ; tab (default: detected).")
    var delimiter: String?

    @Option(name: .long, help: "With --format csv: the learners table or the items table.")
    var table = "learners"

    @Flag(name: .long, help: "Add each learner's graded attempt to their progress file.")
    var updateProgress = false

    func validate() throws {
        guard ReportFormat(rawValue: format) != nil else {
            throw ValidationError(
                "unknown format '\(format)'; use one of: \(ReportFormat.names.joined(separator: ", "))"
            )
        }
        guard ["learners", "items"].contains(table) else {
            throw ValidationError("unknown table '\(table)'; use learners or items")
        }
        if let delimiter { _ = try Self.delimiterByte(delimiter) }
        guard !sheets.isEmpty else { throw ValidationError("name at least one answer sheet") }
    }

    static func delimiterByte(_ text: String) throws -> UInt8 {
        switch text {
        case ",", "comma": return UInt8(ascii: ",")
        case ";", "semicolon": return UInt8(ascii: ";")
        case "\t", "tab", "\\t": return 9
        default: throw ValidationError("unknown delimiter '\(text)'; use , ; or tab")
        }
    }

    func run() throws {
        let loaded = try global.loadBank(then: "Grading with what loaded.")
        let options = SheetOptions(
            quiz: quiz, learnerColumn: learnerColumn,
            delimiter: try delimiter.map(Self.delimiterByte))
        let reader = SheetReader(bank: loaded.bank, options: options)
        let cohort: Cohort
        do {
            for path in sheets {
                if let mapping = MappedFile(path: path) {
                    defer { mapping.unmap() }
                    try reader.read(file: path, buffer: mapping.buffer)
                    continue
                }
                guard let bytes = readFileBytes(path) else {
                    printError("rehearse: cannot read \(path)")
                    throw ExitCode(2)
                }
                try reader.read(file: path, bytes: bytes)
            }
            cohort = try reader.cohort()
        } catch let error as GradingError {
            // Rows rejected on the way are still worth reporting: they may be why nothing is left.
            for row in reader.rejected {
                printError("\(row.file):\(row.line):\(row.column): rejected: \(row.reason)")
            }
            printError("rehearse: \(error.message)")
            throw ExitCode(reader.rejected.isEmpty ? 64 : 1)
        }
        let graded = Grader.grade(bank: loaded.bank, cohort: cohort)
        var notes = reader.notes
        var rejected = reader.rejected
        if updateProgress {
            let now = try global.now()
            let store = global.progressStore()
            do {
                let outcome = try ProgressUpdate.apply(
                    graded, bank: loaded.bank, store: store, now: now)
                notes += outcome.notes
                rejected += outcome.rejected
            } catch {
                printError("rehearse: \(error)")
                throw ExitCode(2)
            }
        }
        let report = GradeReport(graded: graded, rejected: rejected, notes: notes)
        guard let reportFormat = ReportFormat(rawValue: format) else { throw ExitCode(64) }
        if reportFormat == .json {
            let sink = try ReportSink(path: output)
            GradeJSON.render(report) { sink.write($0) }
            try sink.close()
        } else {
            let bytes = GradeRendering.render(
                report, format: reportFormat, itemsTable: table == "items",
                color: output == nil && reportFormat == .table && global.useColor())
            try writeReport(bytes, to: output)
        }
        if output != nil || reportFormat != .table {
            for row in rejected {
                printError("\(row.file):\(row.line):\(row.column): rejected: \(row.reason)")
            }
        }
        if !rejected.isEmpty { throw ExitCode(1) }
    }
}

/// A regular file mapped privately into memory: the reader may change the bytes (unquoting in
/// place) without touching the file, and a large sheet is never copied.
struct MappedFile {
    let buffer: UnsafeMutableBufferPointer<UInt8>

    init?(path: String) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0
        else { return nil }
        let size = Int(info.st_size)
        guard
            let address = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, descriptor, 0),
            address != MAP_FAILED
        else { return nil }
        buffer = UnsafeMutableBufferPointer(
            start: address.assumingMemoryBound(to: UInt8.self), count: size)
    }

    func unmap() {
        if let base = buffer.baseAddress { munmap(base, buffer.count) }
    }
}

/// The bytes of a file, read straight into an array (a sheet may be tens of megabytes).
func readFileBytes(_ path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    let size = Int(info.st_size)
    var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
        var total = 0
        while total < size {
            let got = read(descriptor, buffer.baseAddress.map { $0 + total }, size - total)
            if got <= 0 { break }
            total += got
        }
        count = total
    }
    // A file that grew while being read: read the rest.
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
        let got = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if got <= 0 { break }
        bytes.append(contentsOf: chunk[0..<got])
    }
    return bytes
}

/// Writes a report to FILE, or to standard output.
func writeReport(_ bytes: [UInt8], to path: String?) throws {
    let sink = try ReportSink(path: path)
    sink.write(bytes)
    try sink.close()
}

/// Where a report goes: a file (created or truncated) or standard output, written in pieces on
/// a queue of its own, so writing one piece overlaps rendering the next. `failed` is only touched
/// on that queue.
final class ReportSink: @unchecked Sendable {
    let descriptor: Int32
    let path: String?
    let queue = DispatchQueue(label: "rehearse.report-writer")
    var failed = false

    init(path: String?) throws {
        self.path = path
        if let path {
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard descriptor >= 0 else {
                printError("rehearse: cannot write \(path): \(String(cString: strerror(errno)))")
                throw ExitCode(2)
            }
        } else {
            descriptor = STDOUT_FILENO
        }
    }

    func write(_ bytes: [UInt8]) {
        queue.async { self.writeNow(bytes) }
    }

    private func writeNow(_ bytes: [UInt8]) {
        guard !failed else { return }
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if written < 0, errno == EINTR { continue }
                if written <= 0 {
                    failed = true
                    return
                }
                offset += written
            }
        }
    }

    func close() throws {
        let failed = queue.sync { self.failed }
        if path != nil { _ = Foundation.close(descriptor) }
        if failed {
            printError("rehearse: cannot write \(path ?? "the report")")
            throw ExitCode(2)
        }
    }
}
