import RehearseCore

/// What the statements of a site share: the home of learner accounts and of activity ids, and
/// how a learner is named.
public struct XAPISettings: Sendable, Hashable {
    /// How the actor of a statement names the learner.
    public enum ActorForm: String, Sendable, CaseIterable {
        /// `{"account": {"homePage": HOME, "name": LEARNER}}` (the default).
        case account
        /// `{"mbox": "mailto:LEARNER"}` for a learner id that is an e-mail address; other ids
        /// keep the account form.
        case mbox
    }

    /// The default home: `urn:rehearse`.
    public static let defaultHome = "urn:rehearse"

    /// The home page of learner accounts, and the base of activity ids (`HOME/questions/REF`),
    /// without a trailing slash.
    public var home: String
    public var actor: ActorForm

    public init(home: String = XAPISettings.defaultHome, actor: ActorForm = .account) {
        var trimmed = home
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.home = trimmed.isEmpty ? Self.defaultHome : trimmed
        self.actor = actor
    }

    /// Why `home` cannot be the home (it must be an absolute IRI without spaces), or nil.
    public static func problem(withHome home: String) -> String? {
        AbsoluteIRI.isValid(home)
            ? nil
            : "the xAPI home \"\(home)\" is not an absolute IRI (such as https://lms.example.com "
                + "or urn:rehearse)"
    }

    /// The activity id of a question: `HOME/questions/REF`.
    public func questionActivity(_ ref: String) -> String { home + "/questions/" + ref }
    /// The activity id of a quiz: `HOME/quizzes/ID`.
    public func quizActivity(_ id: String) -> String { home + "/quizzes/" + id }
    /// The activity id of a scenario: `HOME/scenarios/ID`.
    public func scenarioActivity(_ id: String) -> String { home + "/scenarios/" + id }
    /// The IRI of a context extension: `HOME/extensions/NAME`.
    public func extensionIRI(_ name: String) -> String { home + "/extensions/" + name }
}
