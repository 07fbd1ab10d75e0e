import ArgumentParser
import Foundation
import RehearseProgress

extension ProgressRenderer.Format: ExpressibleByArgument {}

/// `rehearse progress [LEARNER]`: a learner's dashboard, or with `--all` every learner's summary.
struct Progress: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a learner's progress: attempts, mastery, questions due for review.",
        discussion: """
            The learner is the argument, else --learner, else $REHEARSE_LEARNER. With --all, \
            one line per learner of the data folder, for a trainer. Exit 2 when a progress file \
            cannot be read.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(
        help: ArgumentHelp("The learner id (an e-mail address serves).", valueName: "learner"))
    var learnerArgument: String?

    @Option(name: .long, help: "The learner id (default: $REHEARSE_LEARNER).")
    var learner: String?

    @Flag(name: .long, help: "Summarise every learner of the data folder.")
    var all = false

    @Option(name: .long, help: "Output format: table, json, csv or xapi (statements).")
    var format: ProgressFormat = .table

    @OptionGroup var xapi: XAPIOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "For a trainer: set the learner's exam time factor (1 to 4; 1 clears it), kept in "
                + "the learner's profile.", valueName: "factor"))
    var setTimeFactor: Double?

    func validate() throws {
        if all && (learnerArgument != nil || learner != nil) {
            throw ValidationError("--all shows every learner: give no learner with it")
        }
        if let setTimeFactor {
            if all { throw ValidationError("--set-time-factor sets one learner's: not with --all") }
            guard LearnerProfile.timeFactors.contains(setTimeFactor) else {
                throw ValidationError(
                    "--set-time-factor must be from 1 to 4 (1.5: exams half as long again)")
            }
        }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let now = try global.now()
        let store = global.progressStore()
        let color = global.useColor()
        if all {
            if format == .xapi { return try XAPIOutput.progress(learner: nil, global, xapi) }
            let rows: [LearnerSummary]
            do throws(ProgressError) {
                rows = try store.summary(at: now)
            } catch {
                throw fail(error)
            }
            writeOutput(
                ProgressRenderer.render(
                    rows, at: now, as: format.renderer, color: color, width: Console.terminalWidth()
                ))
            let unreadable = rows.filter { $0.error != nil }
            for row in unreadable { printError("rehearse: \(row.error ?? row.learner)") }
            if !unreadable.isEmpty { throw RehearseError.io }
            return
        }
        guard
            let id = learnerArgument ?? learner
                ?? environment["REHEARSE_LEARNER"].flatMap({ $0.isEmpty ? nil : $0 })
        else {
            throw RehearseError(
                .usage, "which learner? Give an id, --learner, set REHEARSE_LEARNER, or use --all")
        }
        if format == .xapi { return try XAPIOutput.progress(learner: id, global, xapi) }
        do throws(ProgressError) {
            if let setTimeFactor { try store.setTimeFactor(learner: id, setTimeFactor) }
            let report = try store.report(learner: id, at: now)
            writeOutput(
                ProgressRenderer.render(
                    report, as: format.renderer, color: color, width: Console.terminalWidth()))
        } catch {
            throw fail(error)
        }
    }

    /// A store error: a usage error for an invalid id, else a file that cannot be read or
    /// written.
    private func fail(_ error: ProgressError) -> RehearseError {
        RehearseError(error.kind == .invalidID ? .usage : .io, "\(error)")
    }
}
