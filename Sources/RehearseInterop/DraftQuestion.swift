import RehearseBank

/// An option of an imported `choice` or `multi` question.
public struct DraftOption: Sendable, Equatable {
    public var text: String
    /// The points the option earns (`choice` with partial credit); nil with `correct`.
    public var score: Double?
    public var correct: Bool
    public var feedback: String?

    public init(text: String, score: Double? = nil, correct: Bool, feedback: String? = nil) {
        self.text = text
        self.score = score
        self.correct = correct
        self.feedback = feedback
    }
}

/// The kind-specific part of an imported question.
public enum DraftBody: Sendable, Equatable {
    case choice([DraftOption])
    case multi([DraftOption], partial: Bool)
    case truefalse(Bool)
    /// The items in the right order.
    case order([String], partial: Bool)
    /// Accepted answers and patterns (regular expressions); an essay imported as text has a
    /// pattern only.
    case text(accept: [String], patterns: [String] = [])
    /// `answer` within `tolerance`, or `low...high` when `range` is set.
    case number(answer: Double?, tolerance: Double, range: ClosedRange<Double>?, unit: String?)

    public var kind: QuestionKind {
        switch self {
        case .choice: .choice
        case .multi: .multi
        case .truefalse: .truefalse
        case .order: .order
        case .text: .text
        case .number: .number
        }
    }
}

/// A question read from GIFT or Moodle XML and mapped to a Rehearse kind, before it gets its
/// id and is written as YAML.
public struct DraftQuestion: Sendable, Equatable {
    /// The id the source gives (a GIFT `[id:...]`, a Moodle `idnumber`), valid or not.
    public var sourceID: String?
    /// The source's title or name.
    public var title: String?
    public var prompt: String
    public var points: Double?
    public var hint: String?
    public var explanation: String?
    public var tags: [String]
    public var body: DraftBody
    /// Where the question starts in its source (1-based).
    public var line: Int

    public init(
        sourceID: String? = nil, title: String? = nil, prompt: String, points: Double? = nil,
        hint: String? = nil, explanation: String? = nil, tags: [String] = [], body: DraftBody,
        line: Int
    ) {
        self.sourceID = sourceID
        self.title = title
        self.prompt = prompt
        self.points = points
        self.hint = hint
        self.explanation = explanation
        self.tags = tags
        self.body = body
        self.line = line
    }
}

/// What became of one source question: imported (perhaps with notes on what was not carried
/// over) or skipped with the reason.
public enum DraftOutcome: Sendable, Equatable {
    case imported(DraftQuestion, notes: [String])
    case skipped(reason: String)
}
