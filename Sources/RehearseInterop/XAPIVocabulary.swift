import RehearseBank

/// The xAPI verbs and activity types statements use (ADL's vocabulary).
public enum XAPIVocabulary {
    /// A verb: its IRI and its English display.
    public enum Verb: String, Sendable, CaseIterable {
        case answered, completed, passed, failed

        /// `http://adlnet.gov/expapi/verbs/NAME`.
        public var iri: String { "http://adlnet.gov/expapi/verbs/" + rawValue }
    }

    /// The activity type of a question.
    public static let interaction = "http://adlnet.gov/expapi/activities/cmi.interaction"
    /// The activity type of a quiz.
    public static let assessment = "http://adlnet.gov/expapi/activities/assessment"
    /// The activity type of a scenario.
    public static let simulation = "http://adlnet.gov/expapi/activities/simulation"

    /// The language tag of text from the bank, whose language is not declared: `und`.
    public static let language = "und"

    /// The xAPI version statements are written for.
    public static let version = "1.0.3"

    /// The interaction type of a kind (a `text` question with a rubric is `long-fill-in`).
    public static func interactionType(of question: Question) -> String {
        switch question.body {
        case .choice, .multi: "choice"
        case .truefalse: "true-false"
        case .order: "sequencing"
        case .text(let answer): answer.rubric.isEmpty ? "fill-in" : "long-fill-in"
        case .number: "numeric"
        case .rate: "likert"
        }
    }
}
