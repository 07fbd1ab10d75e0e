import ArgumentParser
import Foundation
import RehearseInterop
import RehearseProgress

/// `rehearse sync --lrs URL`: sends learners' statements to an xAPI Learning Record Store.
struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Send learners' attempts to an xAPI Learning Record Store (LRS).",
        discussion: """
            Statements are POSTed in batches to URL/statements (xAPI 1.0.3, basic auth from \
            --user and --password or $REHEARSE_LRS_USER and $REHEARSE_LRS_PASSWORD). What was \
            sent is remembered per learner in the data folder (sync/LEARNER.json), so a rerun \
            sends only new attempts; statement ids are derived from the attempt, so sending \
            again after a crash stores nothing twice. Attempts not yet finished wait. 429 and \
            5xx answers are retried with back-off. Exit codes: 0 sent (or nothing new); 1 the \
            LRS refused the statements or the credentials (its message is shown); 2 the LRS \
            cannot be reached or keeps failing, or a file cannot be read or written; 64 usage \
            error.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Learner ids (default: $REHEARSE_LEARNER); --all for every learner.")
    var learners: [String] = []

    @Flag(name: .long, help: "Send every learner of the data folder.")
    var all = false

    @Option(
        name: .long,
        help: ArgumentHelp("The LRS endpoint (statements go to URL/statements).", valueName: "url"))
    var lrs: String

    @Option(name: .long, help: "The LRS user (default: $REHEARSE_LRS_USER).")
    var user: String?

    @Option(name: .long, help: "The LRS password (default: $REHEARSE_LRS_PASSWORD).")
    var password: String?

    @Option(name: .long, help: "Statements per request.")
    var batchSize = 500

    @Option(
        name: .long, help: "Only attempts at this quiz (a cohort after grade --update-progress).")
    var quiz: String?

    @Flag(name: .long, help: "Say what would be sent, and send nothing.")
    var dryRun = false

    @OptionGroup var xapi: XAPIOptions

    func validate() throws {
        if all && !learners.isEmpty {
            throw ValidationError("--all sends every learner: give no learner with it")
        }
        guard batchSize >= 1 else { throw ValidationError("--batch-size must be at least 1") }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        guard
            let client = LRSClient(
                endpoint: lrs, user: user ?? environment["REHEARSE_LRS_USER"],
                password: password ?? environment["REHEARSE_LRS_PASSWORD"],
                transport: URLSessionTransport())
        else {
            throw RehearseError(.usage, "--lrs \(lrs) is not an http or https URL")
        }
        let store = global.progressStore()
        var names = learners
        if all {
            do throws(ProgressError) {
                names = try store.learners()
            } catch {
                throw RehearseError(.io, "\(error)")
            }
        } else if names.isEmpty {
            guard let learner = environment["REHEARSE_LEARNER"], !learner.isEmpty else {
                throw RehearseError(
                    .usage, "which learners? Give ids, set REHEARSE_LEARNER, or use --all")
            }
            names = [learner]
        }
        let loaded = try global.loadBank(then: "Sending statements with what loaded.")
        let settings = try xapi.settings(bankHome: loaded.bank.xapiHome)
        let sync = LRSSync(
            client: client, store: store, bank: loaded.bank, settings: settings,
            batchSize: batchSize, quiz: quiz)
        let report: LRSSync.Report
        do throws(SyncError) {
            report = try sync.run(learners: names, dryRun: dryRun)
        } catch {
            switch error {
            case .lrs(.refused): throw RehearseError(.rejected, "\(error)")
            case .progress(_, let invalidID):
                throw RehearseError(invalidID ? .usage : .io, "\(error)")
            default: throw RehearseError(.io, "\(error)")
            }
        }
        writeOutput(Self.summary(report, endpoint: client.endpoint, dryRun: dryRun))
        if report.conflicts > 0 {
            printError(
                "rehearse: the LRS holds \(report.conflicts) statement\(report.conflicts == 1 ? "" : "s") "
                    + "in another version (HTTP 409), kept as it has them: "
                    + (report.conflictMessage ?? ""))
        }
    }

    /// What was sent, or what would be with one line per learner.
    static func summary(_ report: LRSSync.Report, endpoint: String, dryRun: Bool) -> String {
        guard report.attempts > 0 else { return "nothing new to send to \(endpoint)\n" }
        var text = ""
        for entry in report.perLearner where dryRun {
            text +=
                "\(entry.learner): \(entry.attempts) attempt\(entry.attempts == 1 ? "" : "s"), "
                + "\(entry.statements) statement\(entry.statements == 1 ? "" : "s")\n"
        }
        let what =
            "\(report.statements) statement\(report.statements == 1 ? "" : "s") of "
            + "\(report.attempts) attempt\(report.attempts == 1 ? "" : "s") "
            + "(\(report.learners) learner\(report.learners == 1 ? "" : "s"))"
        if dryRun { return text + "would send \(what) to \(endpoint)\n" }
        text +=
            "sent \(what) to \(endpoint) in \(report.batches) request\(report.batches == 1 ? "" : "s")"
        if report.alreadyStored > 0 { text += "; the LRS had \(report.alreadyStored) already" }
        return text + "\n"
    }
}
