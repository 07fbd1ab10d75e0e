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
        let loaded = try global.loadBank(then: "Writing statements with what loaded.")
        let settings = try options.settings(bankHome: loaded.bank.xapiHome)
        let store = global.progressStore()
        var failure: Int32 = 0
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
                failure = writeAll(bytes, to: STDOUT_FILENO)
                return failure == 0
            }
        } catch {
            throw RehearseError(error.kind == .invalidID ? .usage : .io, "\(error)")
        }
        if failure != 0 {
            throw RehearseError(
                .io, "cannot write the statements: " + String(cString: strerror(failure)))
        }
    }

    /// Writes all of `bytes` to `descriptor`; 0, or the error number of the failed write.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32 {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
                if written < 0, errno == EINTR { continue }
                if written <= 0 { return written < 0 ? errno : ENOSPC }
                offset += written
            }
            return 0
        }
    }

    /// The statements of a graded cohort: each learner's attempt as `--update-progress` records
    /// it.
    static func grade(
        _ graded: GradedCohort, bank: Bank, now: Date, options: XAPIOptions
    ) throws(RehearseError) -> [UInt8] {
        let settings = try options.settings(bankHome: bank.xapiHome)
        let attempts = graded.learners.map {
            ProgressUpdate.attempt($0, in: graded, bank: bank, now: now)
        }
        return XAPIExport.render(attempts, bank: bank, settings: settings)
    }
}
