/// One question read from a GIFT file, as written: the importer decides what Rehearse can hold
/// and reports the rest (matching, description, essay, partial weights...).
public struct GiftQuestion: Sendable, Equatable {
    /// The shape of the question, from its answer block.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// No answer block.
        case description
        /// A `$CATEGORY: path` line; `category` holds the path.
        case category
        /// `=` and `~` answers.
        case multipleChoice
        /// `{#...}`.
        case numerical
        /// Only `=` answers (or one bare answer).
        case shortAnswer
        /// `{}`.
        case essay
        /// `{T}`, `{F}`, `{TRUE}`, `{FALSE}`.
        case trueFalse
        /// `=a -> b` pairs.
        case matching
    }

    public var kind: Kind
    /// The `::title::`, nil when absent.
    public var title: String?
    /// From a `// [id:...]` comment of the question.
    public var id: String?
    /// From `// [tag:...]` comments of the question, in order.
    public var tags: [String]
    /// From a `// [points:N]` comment of the question (what `rehearse export` writes, since
    /// GIFT has no marks of its own); nil when absent or not a positive number.
    public var points: Double?
    /// The path of a `$CATEGORY:` line, nil for questions.
    public var category: String?
    /// The question text; when the answer block stands inside the sentence, `_____` marks where.
    public var stem: GiftText
    /// The answer block stood inside the sentence (text follows it).
    public var hasEmbeddedAnswers: Bool
    /// Answers of multiple-choice, short-answer and numerical questions, in order.
    public var choices: [GiftChoice]
    /// Pairs of a matching question.
    public var matchPairs: [GiftMatchPair]
    /// The key of a true/false question.
    public var isTrue: Bool?
    /// True/false: the first feedback (`{T#this#...}`), shown to a learner who answered wrong.
    public var wrongFeedback: GiftText?
    /// True/false: the second feedback (`{T#...#this}`), shown to a learner who answered right.
    public var rightFeedback: GiftText?
    /// The `####...` feedback of the answer block.
    public var globalFeedback: GiftText?
    /// Where the question starts (its title, or its first character), 1-based.
    public var line: Int
    public var column: Int

    public init(
        kind: Kind, title: String? = nil, id: String? = nil, tags: [String] = [],
        points: Double? = nil, category: String? = nil,
        stem: GiftText = GiftText(format: .moodle, text: ""),
        hasEmbeddedAnswers: Bool = false, choices: [GiftChoice] = [],
        matchPairs: [GiftMatchPair] = [], isTrue: Bool? = nil, wrongFeedback: GiftText? = nil,
        rightFeedback: GiftText? = nil, globalFeedback: GiftText? = nil, line: Int, column: Int
    ) {
        self.kind = kind
        self.title = title
        self.id = id
        self.tags = tags
        self.points = points
        self.category = category
        self.stem = stem
        self.hasEmbeddedAnswers = hasEmbeddedAnswers
        self.choices = choices
        self.matchPairs = matchPairs
        self.isTrue = isTrue
        self.wrongFeedback = wrongFeedback
        self.rightFeedback = rightFeedback
        self.globalFeedback = globalFeedback
        self.line = line
        self.column = column
    }
}
