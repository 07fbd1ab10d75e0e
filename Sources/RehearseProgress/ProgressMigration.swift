import Foundation
import RehearseBank
import RehearseCore
import RehearseScoring

/// Reading a progress file of any version this build knows.
///
/// Version 0 is the pre-release shape: `learner` and `attempts` only, with no `format` or
/// `items`. It migrates to version 1 with no memory states (they build up again from the next
/// reviews). The store keeps the original file as `LEARNER.json.v0.bak` when it first writes
/// the migrated one.
enum ProgressMigration {
    struct Failure: Error {
        var reason: String
    }

    private struct Header: Decodable {
        var format: String?
        var version: Int?
    }

    private struct VersionZero: Decodable {
        var learner: String?
        var attempts: [AttemptRecord]
    }

    /// The progress in a file's bytes and the version it was migrated from (nil when current).
    static func decode(_ data: Data, learner: String) throws(Failure) -> (LearnerProgress, Int?) {
        let decoder = AttemptRecord.makeDecoder()
        let header: Header
        do {
            header = try decoder.decode(Header.self, from: data)
        } catch {
            throw Failure(reason: "is not valid progress JSON (\(describe(error)))")
        }
        let version = header.version ?? 0
        if let format = header.format, format != LearnerProgress.formatName {
            throw Failure(reason: "is not a progress file (its format is `\(format)`)")
        }
        if header.format == nil && version != 0 {
            throw Failure(reason: "is not a progress file (it has no `format`)")
        }
        if version > LearnerProgress.currentVersion {
            throw Failure(
                reason:
                    "was written by a newer rehearse (format version \(version); this one reads up to \(LearnerProgress.currentVersion))"
            )
        }
        let progress: LearnerProgress
        let migratedFrom: Int?
        do {
            if version == 0 {
                let old = try decoder.decode(VersionZero.self, from: data)
                progress = LearnerProgress(learner: old.learner ?? learner, attempts: old.attempts)
                migratedFrom = 0
            } else {
                progress = try decoder.decode(LearnerProgress.self, from: data)
                migratedFrom = nil
            }
        } catch {
            throw Failure(reason: "is not valid progress JSON (\(describe(error)))")
        }
        guard progress.learner == learner else {
            throw Failure(reason: "holds learner `\(progress.learner)`, not `\(learner)`")
        }
        return (progress, migratedFrom)
    }

    /// A short account of a decoding error: what was wrong and where.
    static func describe(_ error: Error) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        func place(_ path: [CodingKey]) -> String {
            path.isEmpty
                ? "at the top"
                : "at "
                    + path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(
                        separator: ".")
        }
        switch decoding {
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "the JSON is malformed" : "bad value \(place(context.codingPath))"
        case .keyNotFound(let key, let context):
            return "`\(key.stringValue)` missing \(place(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type \(place(context.codingPath))"
        @unknown default:
            return "\(error)"
        }
    }
}
