import RehearseCore

/// The keys each object of the file format accepts: one table for the loader, the schema and
/// the docs, so they cannot drift apart.
public enum FormatKeys {
    public static let scenario = [
        "id", "title", "channel", "competencies", "customer", "context", "start", "steps", "tags",
        "endings",
    ]
    public static let quiz = [
        "id", "title", "description", "pass", "mode", "shuffle", "time-limit", "items", "tags",
        "review",
    ]
    /// Keys of a scenario's ending.
    public static let ending = ["id", "text"]
    public static let quizItem = ["scenario", "question", "draw", "from"]
    public static let drawFilter = ["competency", "competencies", "channel", "tags", "scenarios"]
    public static let config = ["competencies", "xapi"]
    /// Keys of `rehearse.yaml`'s `xapi` block.
    public static let xapiConfig = ["home"]
    public static let competency = ["id", "title", "description"]

    /// Keys every question accepts.
    public static let question = [
        "id", "kind", "prompt", "competency", "competencies", "points", "hint", "explanation",
        "tags",
    ]
    /// Keys only a scenario step accepts.
    public static let stepOnly = ["next"]

    /// Keys each kind adds to the common ones.
    public static func kindKeys(_ kind: QuestionKind) -> [String] {
        switch kind {
        case .choice: ["options"]
        case .multi: ["options", "scoring"]
        case .truefalse: ["answer"]
        case .order: ["items", "scoring"]
        case .text: ["accept", "patterns", "rubric"]
        case .number: ["answer", "tolerance", "range", "unit"]
        case .rate: ["responses", "scale"]
        }
    }

    public static let choiceOption = ["id", "text", "score", "correct", "feedback", "next"]
    public static let multiOption = ["id", "text", "correct", "feedback"]
    public static let orderItem = ["id", "text"]
    public static let rubricGroup = ["any", "points"]
    public static let rateResponse = ["id", "text", "key", "feedback"]

    /// Every key of any object of the format.
    public static let all: Set<String> = Set(
        scenario + quiz + quizItem + drawFilter + config + competency + question + stepOnly
            + QuestionKind.allCases.flatMap(kindKeys) + choiceOption + multiOption + orderItem
            + rubricGroup + rateResponse)

    /// Every kind that accepts `key`, for "belongs to" hints.
    public static func kinds(accepting key: String) -> [QuestionKind] {
        QuestionKind.allCases.filter { kindKeys($0).contains(key) }
    }
}
