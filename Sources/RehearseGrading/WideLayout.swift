import RehearseBank
import RehearseCore
import RehearseScoring

/// What each column of a wide sheet holds, as Google Forms, Microsoft Forms or a spreadsheet
/// writes it: the learner id, the display name, the timestamp, metadata the tools add (not
/// graded), a question, or one response of a `rate` question. A column that is none of these
/// is unknown and is rejected with a did-you-mean, never dropped in silence.
struct WideLayout {
    enum Role: Equatable {
        case learner, name, timestamp, metadata, ignored
        case question(Int)
        case rating(question: Int, response: String)
    }

    var roles: [Role]
    var learner: Int
    /// Whether learner ids are lower-cased (they come from an e-mail or username column).
    var lowercaseLearner: Bool
    var notes: [String] = []
    /// Unknown columns, with the reason they are rejected.
    var unknown: [(column: Int, reason: String)] = []
    /// Metadata columns by header, but for the per-question ones (counted in `perQuestion`).
    var metadata: [String] = []
    /// `Points - Q` and `Feedback - Q` columns.
    var perQuestion = 0
    /// The form's own response number (Microsoft's `ID`), which tells anonymous responses apart.
    var responseID: Int?
    /// The questions the columns answer, in the order a row's answers are kept: question columns
    /// left to right, then the grids (`rate` and `order` columns) by question.
    var answerOrder: [Int] = []
    /// By question: the column its answer is reported at (a grid's first column), or -1.
    var answerColumn: [Int] = []

    /// Learner id columns, in order of preference; then the name columns stand in.
    static let idColumns = [
        "learner", "email", "email address", "e-mail", "e-mail address", "username",
    ]
    static let nameColumns = ["name", "full name", "display name"]
    static let timestampColumns = [
        "completion time", "timestamp", "submitted at", "submission time", "last modified time",
        "start time",
    ]
    static let metadataColumns: Set<String> = [
        "id", "score", "total score", "total points", "points", "quiz feedback", "feedback",
        "grade",
    ]

    /// The header folded for recognising metadata: `FormText.fold`, the required mark dropped.
    static func key(_ header: String) -> String {
        var text = FormText.fold(header)
        while text.hasSuffix("*") || text.hasSuffix(" ") || text.hasSuffix(":") {
            text.removeLast()
        }
        return text
    }

    /// The learner column: `wanted` (`--learner-column`), else the first id column, else a
    /// name column.
    static func learnerColumn(_ header: [String], wanted: String?) -> Int? {
        let keys = header.map(key)
        if let wanted { return keys.firstIndex(of: key(wanted)) }
        for name in idColumns + nameColumns {
            if let found = keys.firstIndex(of: name) { return found }
        }
        return nil
    }

    static func isMetadata(_ key: String) -> Bool {
        metadataColumns.contains(key) || idColumns.contains(key) || nameColumns.contains(key)
            || timestampColumns.contains(key) || key.hasPrefix("points -")
            || key.hasPrefix("feedback -") || key.hasPrefix("points:")
            || key.hasPrefix("feedback:")
    }

    init(header: [String], learner: Int, matcher: HeaderMatcher, file: String) {
        let keys = header.map(Self.key)
        self.learner = learner
        lowercaseLearner = !Self.nameColumns.contains(keys[learner])
        roles = Array(repeating: .ignored, count: header.count)
        roles[learner] = .learner
        if lowercaseLearner,
            let name = keys.indices.first(where: {
                $0 != learner && Self.nameColumns.contains(keys[$0])
            })
        {
            roles[name] = .name
        }
        responseID = keys.indices.first { $0 != learner && keys[$0] == "id" }
        for stamp in Self.timestampColumns {
            if let found = keys.firstIndex(of: stamp) {
                roles[found] = .timestamp
                break
            }
        }
        var taken = Set<Int>()
        var takenRatings = Set<String>()
        var last = -1
        let refs = matcher.index.refs
        for column in header.indices where roles[column] == .ignored {
            let text = header[column]
            let shown = text.isEmpty ? "(column \(column + 1))" : text
            func take(_ question: Int) {
                if taken.contains(question) {
                    unknown.append(
                        (column, "column \"\(shown)\" answers `\(refs[question])` a second time"))
                    return
                }
                taken.insert(question)
                roles[column] = .question(question)
                last = question
            }
            if text.trimmingSpaces.isEmpty {
                notes.append("\(file): column \(column + 1) has no header; ignored")
                continue
            }
            if case .exact(let found) = matcher.match(text, nearMisses: false) {
                let free = found.filter { !taken.contains($0) }
                let pick = free.first { $0 > last } ?? free.first ?? found[0]
                if found.count > 1 {
                    notes.append(
                        "\(file): column \"\(shown)\" is the prompt of several questions ("
                            + found.map { refs[$0] }.joined(separator: ", ")
                            + "); taken as `\(refs[pick])` by its place in the sheet")
                }
                take(pick)
                continue
            }
            if Self.isMetadata(keys[column]) {
                roles[column] = .metadata
                if keys[column].hasPrefix("points") || keys[column].hasPrefix("feedback") {
                    perQuestion += 1
                } else {
                    metadata.append(text)
                }
                continue
            }
            if let rating = matcher.rating(text) {
                let key = "\(rating.question)/\(rating.response)"
                if takenRatings.contains(key) {
                    unknown.append(
                        (
                            column,
                            "column \"\(shown)\" rates `\(rating.response)` of "
                                + "`\(refs[rating.question])` a second time"
                        ))
                    continue
                }
                takenRatings.insert(key)
                roles[column] = .rating(question: rating.question, response: rating.response)
                if rating.near {
                    notes.append(
                        "\(file): column \"\(shown)\" taken for `\(refs[rating.question])` "
                            + "(near its prompt \"\(matcher.index.questions[rating.question].prompt)\")"
                    )
                }
                continue
            }
            if case .near(let question) = matcher.match(text) {
                notes.append(
                    "\(file): column \"\(shown)\" taken for `\(refs[question])` "
                        + "(near its prompt \"\(matcher.index.questions[question].prompt)\")")
                take(question)
                continue
            }
            unknown.append(
                (
                    column,
                    "column \"\(shown)\" is not a question of `\(matcher.index.quiz.id.value)`"
                        + matcher.suggestion(for: text)
                ))
        }
        answerColumn = Array(repeating: -1, count: refs.count)
        var grids: [Int] = []
        for (column, role) in roles.enumerated() {
            switch role {
            case .question(let question):
                answerOrder.append(question)
                answerColumn[question] = column
            case .rating(let question, _) where answerColumn[question] < 0:
                grids.append(question)
                answerColumn[question] = column
            default: break
            }
        }
        answerOrder += grids.sorted()
    }
}
