import RehearseBank
import RehearseCore

/// Imports one GIFT or Moodle XML file as one quiz of inline questions: checks the bytes,
/// detects the format, maps each question (`GiftImporter`, `MoodleImporter`), gives ids and
/// tags, and lays the quiz out as bank files (`QuizFileSplitter`).
public enum QuizImporter {
    /// The largest source file read, in bytes.
    public static let maxInputBytes = 16 << 20

    /// Imports `bytes`, read from the file `name` (as shown in reports). The quiz id is
    /// `quizID`, else a slug of the file name; every question trains `competency`. With
    /// `essayAsText`, essays become `text` questions that accept any answer (each noted)
    /// rather than being skipped.
    public static func importFile(
        bytes: [UInt8], name: String, quizID: String? = nil, competency: String,
        essayAsText: Bool = false
    ) throws(ImportFileError) -> ImportResult {
        guard bytes.count <= maxInputBytes else {
            throw ImportFileError(
                line: 0,
                message:
                    "the file is \(bytes.count) bytes, over the \(maxInputBytes >> 20) MiB an import "
                    + "reads; split it")
        }
        if let offset = UTF8Check.firstInvalidOffset(bytes) {
            throw ImportFileError(
                line: UTF8Check.line(of: offset, in: bytes),
                message: "the file is not valid UTF-8 (byte \(offset + 1)); save it as UTF-8")
        }
        let format = ImportFormat.detect(bytes)
        var outcomes: [(line: Int, outcome: DraftOutcome)] = []
        switch format {
        case .gift: outcomes = try giftOutcomes(bytes, essayAsText: essayAsText)
        case .moodleXML: outcomes = try moodleOutcomes(bytes, essayAsText: essayAsText)
        }
        let base = baseName(name)
        var ids = ImportIDs()
        var questions: [(id: String, question: DraftQuestion)] = []
        var imported: [QuestionKind: Int] = [:]
        var skipped: [ImportFinding] = []
        var notes: [ImportFinding] = []
        for (line, outcome) in outcomes {
            switch outcome {
            case .skipped(let reason):
                skipped.append(ImportFinding(file: name, line: line, message: reason))
            case .imported(let draft, let remarks):
                let slug = draft.title.flatMap { ImportIDs.slug($0) }
                let id = ids.claim(
                    [draft.sourceID, draft.title, slug],
                    fallback: slug ?? "q\(questions.count + 1)")
                questions.append((id, draft))
                imported[draft.body.kind, default: 0] += 1
                for remark in remarks {
                    notes.append(ImportFinding(file: name, line: line, message: "\(id): \(remark)"))
                }
            }
        }
        let quiz = ImportedQuiz(
            id: quizID ?? ImportIDs.slug(base) ?? "imported", title: title(base),
            description: "Imported from \(base) (\(format.rawValue)).", competency: competency,
            questions: questions)
        let files = try QuizFileSplitter.files(quiz, source: base)
        return ImportResult(
            format: format, quiz: quiz, files: files, imported: imported, skipped: skipped,
            notes: notes)
    }

    private static func giftOutcomes(
        _ bytes: [UInt8], essayAsText: Bool
    ) throws(ImportFileError) -> [(line: Int, outcome: DraftOutcome)] {
        let parsed = GiftParser.parse(bytes: bytes)
        let hasBlock = parsed.questions.contains { $0.kind != .description && $0.kind != .category }
        guard hasBlock || !parsed.errors.isEmpty else {
            throw ImportFileError(
                line: parsed.questions.first?.line ?? 1,
                message:
                    "not a GIFT or Moodle XML file: no question has an answer block ({...}) "
                    + "and the file does not start with '<'")
        }
        var outcomes: [(line: Int, outcome: DraftOutcome, column: Int)] = []
        var category: String?
        for question in parsed.questions {
            if question.kind == .category {
                category = categoryTag(question.category ?? "")
                continue
            }
            var outcome = GiftImporter.draft(question, essayAsText: essayAsText)
            if case .imported(var draft, let notes) = outcome, let category {
                if !draft.tags.contains(where: { $0.lowercased() == category.lowercased() }) {
                    draft.tags.append(category)
                }
                outcome = .imported(draft, notes: notes)
            }
            outcomes.append((question.line, outcome, question.column))
        }
        for error in parsed.errors {
            outcomes.append(
                (
                    error.line,
                    .skipped(reason: "\(error.message) (column \(error.column)); \(error.hint)"),
                    error.column
                ))
        }
        return outcomes.sorted { ($0.line, $0.column) < ($1.line, $1.column) }.map {
            ($0.line, $0.outcome)
        }
    }

    private static func moodleOutcomes(
        _ bytes: [UInt8], essayAsText: Bool
    ) throws(ImportFileError) -> [(line: Int, outcome: DraftOutcome)] {
        let parsed = try MoodleXMLReader.parse(bytes: bytes)
        var outcomes: [(line: Int, outcome: DraftOutcome)] = []
        var category: String?
        for question in parsed.questions {
            if question.type == "category" {
                category = categoryTag(question.category ?? "")
                continue
            }
            var outcome = MoodleImporter.draft(question, essayAsText: essayAsText)
            if case .imported(var draft, let notes) = outcome, let category {
                if !draft.tags.contains(where: { $0.lowercased() == category.lowercased() }) {
                    draft.tags.append(category)
                }
                outcome = .imported(draft, notes: notes)
            }
            outcomes.append((question.line, outcome))
        }
        return outcomes
    }

    /// The tag of a category path: its last part, unless that is one of Moodle's context
    /// placeholders (`$course$`, `top`...).
    static func categoryTag(_ path: String) -> String? {
        var ignored: [String] = []
        let last = path.split(separator: "/").map { String($0).trimmingSpaces }.last {
            !$0.isEmpty && !placeholders.contains($0.lowercased())
        }
        guard let last else { return nil }
        let tag = ImportText.clean(last, notes: &ignored)
        return tag.isEmpty ? nil : tag
    }

    private static let placeholders: Set<String> = [
        "top", "$course$", "$system$", "$module$", "$cat1$", "$coursecategory$",
    ]

    /// The file name without folders and extension.
    static func baseName(_ path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return file }
        return String(file[..<dot])
    }

    /// A title from a file name: `customer-service_v2` -> `Customer service v2`.
    static func title(_ base: String) -> String {
        var ignored: [String] = []
        let words = base.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " })
            .joined(separator: " ")
        let clean = ImportText.clean(words, notes: &ignored)
        guard let first = clean.first else { return "Imported questions" }
        return first.uppercased() + clean.dropFirst()
    }
}
