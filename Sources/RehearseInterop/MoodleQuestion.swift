/// A text of a Moodle XML question (`<questiontext format="html"><text>...`), as written:
/// CDATA and XML entities are already decoded, markup is kept.
public struct MoodleText: Sendable, Equatable {
    public var text: String
    /// `html`, `moodle_auto_format`, `plain_text` or `markdown`.
    public var format: String

    public init(text: String, format: String = "html") {
        self.text = text
        self.format = format
    }

    /// The text as plain text: HTML (and Moodle's auto-format, which may hold HTML) has its
    /// tags stripped and entities decoded; plain text and Markdown are returned as written.
    public var plainText: String {
        switch format {
        case "plain_text", "markdown": text
        default: GiftHTML.plainText(text)
        }
    }
}

/// One `<answer>` of a Moodle XML question.
public struct MoodleAnswer: Sendable, Equatable {
    /// The `fraction` attribute, in percent (an `ordering` question's answers hold their
    /// position there).
    public var fraction: Double
    public var text: MoodleText
    public var feedback: MoodleText?
    /// `<tolerance>` of a numerical answer.
    public var tolerance: Double?

    public init(
        fraction: Double, text: MoodleText, feedback: MoodleText? = nil, tolerance: Double? = nil
    ) {
        self.fraction = fraction
        self.text = text
        self.feedback = feedback
        self.tolerance = tolerance
    }
}

/// A unit of a Moodle numerical question: its name and what a value in it is multiplied by.
public struct MoodleUnit: Sendable, Equatable {
    public var name: String
    public var multiplier: Double

    public init(name: String, multiplier: Double) {
        self.name = name
        self.multiplier = multiplier
    }
}

/// One `<question>` of a Moodle XML file, as written: the importer decides what Rehearse can
/// hold.
public struct MoodleQuestion: Sendable, Equatable {
    /// The `type` attribute: `multichoice`, `truefalse`, `shortanswer`, `numerical`,
    /// `ordering`, `essay`, `category`, `matching`, `description`, `cloze`...
    public var type: String
    /// The line of the `<question>` element (1-based).
    public var line: Int
    public var name: String?
    public var text: MoodleText?
    public var generalFeedback: MoodleText?
    /// `<graderinfo>` of an essay: information for graders, such as a model answer.
    public var graderInfo: MoodleText?
    public var defaultGrade: Double?
    public var idNumber: String?
    /// `<single>` of a multichoice question: one answer (true) or several (false).
    public var single: Bool?
    /// `<usecase>` of a short answer question: whether answers match case-sensitively.
    public var caseSensitive: Bool?
    public var answers: [MoodleAnswer]
    public var units: [MoodleUnit]
    public var hints: [MoodleText]
    public var tags: [String]
    /// The path of a `category` question.
    public var category: String?
    /// `<gradingtype>` of an `ordering` question (`ALL_OR_NOTHING`, `ABSOLUTE_POSITION`...).
    public var gradingType: String?
    /// Names of the files embedded with `<file>` (images and other media), and of Moodle 1.9's
    /// `<image>`.
    public var files: [String]

    public init(type: String, line: Int) {
        self.type = type
        self.line = line
        answers = []
        units = []
        hints = []
        tags = []
        files = []
    }
}
