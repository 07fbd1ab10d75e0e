import Foundation
import RehearseBank

/// Writes the quiz files of one import into a bank, all or nothing, and clears what an earlier
/// import of the same quiz left there: `ID.yaml` when the quiz now comes in parts, parts that
/// are no longer written when it now comes whole or in fewer parts.
public enum ImportWriter {
    /// Writes `result.files` under `bank`. Existing files, and the files an earlier import of
    /// the quiz left, are replaced (those left removed) only with `force`; `keeping` are paths
    /// inside the bank written earlier in the same run, never removed. Returns the paths
    /// removed, inside the bank.
    @discardableResult
    public static func write(
        _ result: ImportResult, into bank: String, force: Bool, keeping: Set<String> = []
    ) throws(AtomicFileWriter.Failure) -> [String] {
        let stale = stale(result, in: bank).filter { !keeping.contains($0) }
        if !force, let first = stale.first {
            throw AtomicFileWriter.Failure(
                path: BankDirectory.join(bank, first),
                reason:
                    "it holds an earlier import of quiz '\(result.quiz.id)' (use --force to "
                    + "replace it)")
        }
        try AtomicFileWriter.writeAll(
            result.files.map { .init(path: BankDirectory.join(bank, $0.path), text: $0.yaml) },
            removing: stale.map { BankDirectory.join(bank, $0) }, replace: force)
        return stale
    }

    /// The quiz files in `bank/quizzes/` of an earlier import of the quiz that this import
    /// does not write: `ID.yaml`, `ID.yml`, `ID-part-N.yaml`, `ID-part-N.yml`; paths inside
    /// the bank, sorted.
    public static func stale(_ result: ImportResult, in bank: String) -> [String] {
        let folder = BankDirectory.join(bank, "quizzes")
        guard let paths = try? BankDirectory.yamlFiles(in: bank, folder: "quizzes") else {
            return []
        }
        let written = Set(result.files.map(\.path))
        return paths.compactMap { path -> String? in
            guard path.hasPrefix(folder + "/") else { return nil }
            let name = path.dropFirst(folder.count + 1)
            guard !name.contains("/"), let dot = name.lastIndex(of: ".") else { return nil }
            let inside = "quizzes/\(name)"
            guard !written.contains(inside) else { return nil }
            return isEarlierFile(stem: String(name[..<dot]), of: result.quiz.id) ? inside : nil
        }
    }

    /// Whether a file named `stem` is a quiz file of an import of `quizID`: the quiz itself
    /// or one of its parts.
    public static func isEarlierFile(stem: String, of quizID: String) -> Bool {
        if stem == quizID { return true }
        guard let marker = stem.range(of: "-part-", options: .backwards),
            let number = Int(stem[marker.upperBound...]), number > 0
        else { return false }
        return QuizFileSplitter.partID(quizID, number) == stem
    }
}
