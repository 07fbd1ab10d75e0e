import RehearseBank
import RehearseCore

/// The xAPI verbs and activity types statements use (ADL's vocabulary).
public enum XAPIVocabulary {
    /// A verb: its IRI and its English display.
    public enum Verb: String, Sendable, CaseIterable {
        case answered, completed, passed, failed

        /// `http://adlnet.gov/expapi/verbs/NAME`.
        public var iri: String { "http://adlnet.gov/expapi/verbs/" + rawValue }

        /// `{"id": IRI, "display": {"en-US": NAME}}` as compact JSON, written once per verb.
        public var json: [UInt8] {
            switch self {
            case .answered: Self.written.answered
            case .completed: Self.written.completed
            case .passed: Self.written.passed
            case .failed: Self.written.failed
            }
        }

        private static let written = (
            answered: write(.answered), completed: write(.completed), passed: write(.passed),
            failed: write(.failed)
        )

        private static func write(_ verb: Verb) -> [UInt8] {
            var json = JSONWriter(capacity: 96)
            json.raw("{\"id\":")
            json.string(verb.iri)
            json.raw(",\"display\":{\"en-US\":")
            json.string(verb.rawValue)
            json.raw("}}")
            return json.bytes
        }
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
