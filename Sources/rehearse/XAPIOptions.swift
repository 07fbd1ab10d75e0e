import ArgumentParser
import RehearseInterop

/// The options of xAPI statements (`progress`, `grade`, `sync`).
struct XAPIOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "With --format xapi: the home page of learner accounts and base of activity ids "
                + "(default: `xapi: {home:}` of rehearse.yaml, else urn:rehearse).",
            valueName: "iri"))
    var xapiHome: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "With --format xapi: name learners by account, or by mbox when the id is an "
                + "e-mail address.", valueName: "account|mbox"))
    var actor: XAPISettings.ActorForm = .account

    /// The settings of the statements: the home from `--xapi-home`, else the bank's
    /// `rehearse.yaml` (`bankHome`), else the default; one that is not an absolute IRI is a
    /// usage error.
    func settings(bankHome: String?) throws(RehearseError) -> XAPISettings {
        let home = xapiHome ?? bankHome ?? XAPISettings.defaultHome
        if let problem = XAPISettings.problem(withHome: home) {
            throw RehearseError(.usage, problem)
        }
        return XAPISettings(home: home, actor: actor)
    }
}
