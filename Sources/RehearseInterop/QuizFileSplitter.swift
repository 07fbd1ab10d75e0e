import RehearseBank

/// Lays an imported quiz out as bank files: one `quizzes/ID.yaml` when it fits one file with
/// room to spare, else parts `ID-part-1` ... `ID-part-M`, each a whole quiz, cut between
/// questions in source order.
public enum QuizFileSplitter {
    /// How much of the loader's limits (`YAMLLimits`: bytes and nodes of one file) a written
    /// file may fill, in percent; the rest is room for edits by hand.
    public static let fillPercent = 90

    /// The most bytes and YAML nodes one written file holds under `limits`.
    public static func budget(_ limits: YAMLLimits) -> (bytes: Int, nodes: Int) {
        (limits.maxBytes / 100 * fillPercent, limits.maxNodes / 100 * fillPercent)
    }

    /// The files of `quiz` (none when it has no question), read from `source`. Throws when a
    /// question alone is more than a file may hold.
    public static func files(
        _ quiz: ImportedQuiz, source: String, limits: YAMLLimits = .standard
    ) throws(ImportFileError) -> [ImportedFile] {
        guard !quiz.questions.isEmpty else { return [] }
        var writer = QuizYAMLWriter()
        let items = quiz.questions.map {
            writer.item($0.question, id: $0.id, competency: quiz.competency)
        }
        let budget = budget(limits)
        let whole = writer.header(quiz, source: source)
        let itemBytes = items.reduce(0) { $0 + $1.text.utf8.count }
        let itemNodes = items.reduce(0) { $0 + $1.nodes }
        if whole.text.utf8.count + itemBytes <= budget.bytes
            && whole.nodes + itemNodes <= budget.nodes
        {
            return [file(quiz, header: whole, items: items[...])]
        }
        // The largest header a part can have: the longest id, the most digits in the title.
        var widest = quiz
        widest.id = String(repeating: "x", count: ImportIDs.maxLength)
        widest.title = partTitle(quiz.title, 99_999, of: 99_999)
        let reserve = writer.header(widest, source: source)
        var ranges: [Range<Int>] = []
        var start = 0
        var bytes = reserve.text.utf8.count
        var nodes = reserve.nodes
        for (index, item) in items.enumerated() {
            let size = item.text.utf8.count
            if index > start && (bytes + size > budget.bytes || nodes + item.nodes > budget.nodes) {
                ranges.append(start..<index)
                start = index
                bytes = reserve.text.utf8.count
                nodes = reserve.nodes
            }
            bytes += size
            nodes += item.nodes
        }
        ranges.append(start..<items.count)
        var files: [ImportedFile] = []
        for (offset, range) in ranges.enumerated() {
            var part = quiz
            part.id = partID(quiz.id, offset + 1)
            part.title = partTitle(quiz.title, offset + 1, of: ranges.count)
            part.questions = Array(quiz.questions[range])
            let file = file(part, header: writer.header(part, source: source), items: items[range])
            guard file.yaml.utf8.count <= limits.maxBytes && file.nodes <= limits.maxNodes else {
                throw ImportFileError(
                    line: part.questions.first?.question.line ?? 0,
                    message:
                        "the question '\(part.questions.first?.id ?? "")' alone is "
                        + "\(file.yaml.utf8.count) bytes and \(file.nodes) YAML nodes as a quiz "
                        + "file, over what a bank file may hold (\(limits.maxBytes) bytes, "
                        + "\(limits.maxNodes) nodes); shorten it")
            }
            files.append(file)
        }
        return files
    }

    /// The id of part `number`: `ID-part-N`, the base cut (at a hyphen where it can) so the id
    /// stays valid.
    public static func partID(_ base: String, _ number: Int) -> String {
        let suffix = "-part-\(number)"
        var cut = String(base.prefix(ImportIDs.maxLength - suffix.count))
        while cut.last == "-" { cut.removeLast() }
        return cut + suffix
    }

    /// `TITLE (part N of M)`.
    public static func partTitle(_ title: String, _ number: Int, of count: Int) -> String {
        "\(title) (part \(number) of \(count))"
    }

    private static func file(
        _ quiz: ImportedQuiz, header: QuizYAMLWriter.Chunk, items: ArraySlice<QuizYAMLWriter.Chunk>
    ) -> ImportedFile {
        var text = header.text
        text.reserveCapacity(items.reduce(header.text.utf8.count) { $0 + $1.text.utf8.count })
        var nodes = header.nodes
        for item in items {
            text += item.text
            nodes += item.nodes
        }
        return ImportedFile(quiz: quiz, yaml: text, nodes: nodes)
    }
}
