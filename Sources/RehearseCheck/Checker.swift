import Foundation
import RehearseBank
import RehearseCore
import RehearseScoring

/// The outcome of a check: findings for the files that were asked about.
public struct CheckOutcome: Sendable {
    public var diagnostics: [Diagnostic]
    /// The files checked (display paths, sorted).
    public var files: [String]
    /// Their text, for excerpts under findings.
    public var sources: [String: String]
    /// Paths that could not be read.
    public var failures: [ReadFailure]
    /// When nothing could be checked at all: what is wrong and what to do, one line each (for
    /// a folder that is not a bank: how to point at one). A report of no files would only
    /// mislead, so the command says just this.
    public var nothingChecked: [String]?

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
}

/// Runs the loader and every rule. Pure over `SourceFile`s; `checkPaths` adds the disk.
public enum Checker {
    /// Checks `sources` together (references resolve among them) and returns the findings
    /// in files whose path is in `reported` (all files when nil), sorted.
    public static func check(_ sources: [SourceFile], reported: Set<String>? = nil) -> [Diagnostic]
    {
        let loaded = BankLoader.load(sources)
        var diagnostics = loaded.diagnostics
        let bank = loaded.bank
        for found in parallelMap(RuleRegistry.all, { $0.init().check(bank) }) {
            diagnostics += found
        }
        if let reported {
            diagnostics = diagnostics.filter { reported.contains($0.location.file) }
        }
        return diagnostics.sorted(by: Diagnostic.ordered)
    }

    /// Checks files on disk. With no `paths`, the whole bank at `bankRoot`; otherwise the files
    /// at or under `paths`, with references resolved against `bankRoot` when given, else against
    /// the bank that encloses each path.
    public static func checkPaths(
        _ paths: [String], bankRoot: String?,
        base: String = FileManager.default.currentDirectoryPath, keepSources: Bool = false
    ) -> CheckOutcome {
        var failures: [ReadFailure] = []
        var reportedPaths: [String] = []
        var contextPaths: [String] = []
        let display: @Sendable (String) -> String = { BankDirectory.displayPath($0, base: base) }

        if paths.isEmpty {
            let root = bankRoot ?? base
            if !BankDirectory.isBankRoot(root) {
                let name = root == base ? "this folder (\(root))" : display(root)
                return CheckOutcome(
                    diagnostics: [], files: [], sources: [:], failures: [],
                    nothingChecked: [
                        "\(name) is not a bank: "
                            + "it has no quizzes/ or scenarios/ folder",
                        "run `rehearse check` in a bank's folder, point at one with "
                            + "`--bank DIR` (or REHEARSE_BANK), or name the files to check: "
                            + "`rehearse check FILE...`",
                    ])
            } else {
                do { reportedPaths = try BankDirectory.bankFiles(root: root) } catch {
                    failures.append(error)
                }
            }
        } else {
            var roots = Set<String>()
            for path in paths {
                do {
                    let found = try BankDirectory.yamlFiles(under: path)
                    if found.isEmpty {
                        failures.append(
                            ReadFailure(path: display(path), reason: "no .yaml or .yml files in it")
                        )
                    }
                    reportedPaths += found
                } catch {
                    failures.append(ReadFailure(path: display(path), reason: error.reason))
                    continue
                }
                if bankRoot == nil, let root = BankDirectory.enclosingBankRoot(of: path) {
                    roots.insert(root)
                }
            }
            if let bankRoot { roots = [bankRoot] }
            for root in roots.sorted() {
                contextPaths += (try? BankDirectory.bankFiles(root: root)) ?? []
            }
        }

        // Each file once, by its display path (relative inside `base`, else absolute).
        var reported = Set<String>()
        var all: [String] = []
        for path in reportedPaths where reported.insert(display(path)).inserted {
            all.append(path)
        }
        var seen = reported
        for path in contextPaths where seen.insert(display(path)).inserted {
            all.append(path)
        }
        var sources: [SourceFile] = []
        var texts: [String: String] = [:]
        for result in BankDirectory.read(all, display: display) {
            switch result {
            case .success(let source):
                sources.append(source)
                if keepSources, reported.contains(source.path) {
                    texts[source.path] = String(decoding: source.bytes, as: UTF8.self)
                }
            case .failure(let failure):
                if reported.contains(failure.path) { failures.append(failure) }
            }
        }
        let diagnostics = check(sources, reported: reported)
        let nothingChecked =
            reported.isEmpty && !failures.isEmpty
            ? failures.map { "cannot read \($0.path): \($0.reason)" } : nil
        return CheckOutcome(
            diagnostics: diagnostics, files: reported.sorted(), sources: texts, failures: failures,
            nothingChecked: nothingChecked)
    }
}
