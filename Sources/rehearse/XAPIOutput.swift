import Foundation
import RehearseBank
import RehearseGrading
import RehearseInterop
import RehearseProgress

/// `progress --format xapi` and `grade --format xapi`: the statements of attempts, on standard
/// output or in a file.
enum XAPIOutput {
    /// The statements of one learner's attempts, or of every learner's (`learner` nil).
    static func progress(
        learner: String?, _ global: GlobalOptions, _ options: XAPIOptions
    ) throws(RehearseError) {
        let settings = try options.settings()
        let loaded = try global.loadBank(then: "Writing statements with what loaded.")
        let store = global.progressStore()
        do throws(ProgressError) {
            let learners: [String]
            if let learner {
                learners = [try ProgressStore.learnerID(learner)]
            } else {
                learners = try store.learners()
            }
            try XAPIExport.write(
                learners: learners, store: store, bank: loaded.bank, settings: settings
            ) { bytes in
                FileHandle.standardOutput.write(Data(bytes))
            }
        } catch {
            throw RehearseError(error.kind == .invalidID ? .usage : .io, "\(error)")
        }
    }

    /// The statements of a graded cohort: each learner's attempt as `--update-progress` records
    /// it.
    static func grade(
        _ graded: GradedCohort, bank: Bank, now: Date, options: XAPIOptions
    ) throws(RehearseError) -> [UInt8] {
        let settings = try options.settings()
        let attempts = graded.learners.map {
            ProgressUpdate.attempt($0, in: graded, bank: bank, now: now)
        }
        return XAPIExport.render(attempts, bank: bank, settings: settings)
    }
}
