import ArgumentParser
import RehearseInterop

/// The options of xAPI statements (`progress`, `grade`, `sync`).
struct XAPIOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "With --format xapi: the home page of learner accounts and base of activity ids "
                + "(default: urn:rehearse).", valueName: "iri"))
    var xapiHome: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "With --format xapi: name learners by account, or by mbox when the id is an "
                + "e-mail address.", valueName: "account|mbox"))
    var actor: XAPISettings.ActorForm = .account

    /// The settings of the statements; a home that is not an absolute IRI is a usage error.
    func settings() throws(RehearseError) -> XAPISettings {
        let home = xapiHome ?? XAPISettings.defaultHome
        if let problem = XAPISettings.problem(withHome: home) {
            throw RehearseError(.usage, problem)
        }
        return XAPISettings(home: home, actor: actor)
    }
}
