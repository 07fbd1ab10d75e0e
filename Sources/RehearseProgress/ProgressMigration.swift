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

    private struct VersionZero: Decodable {
        var learner: String?
        var attempts: [AttemptRecord]
    }

    /// What a file holds: the progress, the version it was migrated from (nil when current) and
    /// the members this build does not know, to keep them on rewrite.
    struct Decoded {
        var progress: LearnerProgress
        var migratedFrom: Int?
        var unknown: UnknownKeys
    }

    /// The progress in a file's bytes. The JSON is read strictly first (a key given twice is
    /// refused), the format and version checked, every number and time range-checked, then
    /// decoded: by the hot path when the file is in the regular shape, else by the full path.
    static func decode(_ data: Data, learner: String) throws(Failure) -> Decoded {
        let bytes = Array(data)
        if let regular = decodeRegular(bytes, learner: learner) { return regular }
        return try decodeFully(bytes, learner: learner)
    }

    /// The hot path: the file parsed with its answers and memory states read straight into
    /// their types (`StrictJSONParser+Hot.swift`), the rest of the document (with empty
    /// placeholders for those) checked and decoded by `decode(document:learner:)`, then the hot
    /// values put in place. Nil when the file is not a current-version file in the regular
    /// shape, or anything in it is refused: the full path then reads it and gives its error.
    static func decodeRegular(_ bytes: [UInt8], learner: String) -> Decoded? {
        var parser = StrictJSONParser(bytes: bytes)
        parser.hot = HotValues()
        guard let document = try? parser.document(), let hot = parser.hot, !hot.irregular,
            var decoded = try? decode(document: document, learner: learner),
            decoded.migratedFrom == nil, let items = hot.items
        else { return nil }
        decoded.progress.items = items
        for index in decoded.progress.attempts.indices {
            guard let answers = hot.answers[index] else { return nil }
            decoded.progress.attempts[index].answers = answers
        }
        return decoded
    }

    /// The full path: the whole document parsed into a tree, checked and decoded.
    static func decodeFully(_ bytes: [UInt8], learner: String) throws(Failure) -> Decoded {
        let document: StrictJSON
        do {
            document = try StrictJSON.parse(bytes)
        } catch {
            throw Failure(reason: "is not valid progress JSON (malformed: \(error))")
        }
        return try decode(document: document, learner: learner)
    }

    /// A parsed document: its format and version checked, every number and time range-checked,
    /// then decoded (migrated from an older version).
    static func decode(document: StrictJSON, learner: String) throws(Failure) -> Decoded {
        guard case .object = document else {
            throw Failure(reason: "is not a progress file (it is not a JSON object)")
        }
        let format = document["format"]
        if let format, format.text != LearnerProgress.formatName {
            throw Failure(
                reason:
                    "is not a progress file (its format is \(ProgressValidation.written(format)))")
        }
        let version: Int
        switch document["version"] {
        case nil: version = 0
        case .number(let text)? where Int(text) != nil: version = Int(text) ?? 0
        case let other?:
            throw Failure(
                reason:
                    "has an unknown format version \(ProgressValidation.written(other)) (this rehearse reads versions 0 to \(LearnerProgress.currentVersion))"
            )
        }
        if version > LearnerProgress.currentVersion {
            throw Failure(
                reason:
                    "was written by a newer rehearse (format version \(version); this one reads up to \(LearnerProgress.currentVersion))"
            )
        }
        if version < 0 {
            throw Failure(
                reason:
                    "has an unknown format version \(version) (this rehearse reads versions 0 to \(LearnerProgress.currentVersion))"
            )
        }
        if format == nil && version != 0 {
            throw Failure(reason: "is not a progress file (it has no `format`)")
        }
        do {
            try ProgressValidation.checkProgress(document)
        } catch {
            throw Failure(reason: "has a value out of range: \(error)")
        }
        let decoded: Decoded
        do {
            if version == 0 {
                let old = try StrictJSONDecoder.decode(VersionZero.self, from: document)
                decoded = Decoded(
                    progress: LearnerProgress(
                        learner: old.learner ?? learner, attempts: old.attempts),
                    migratedFrom: 0, unknown: UnknownKeys())
            } else {
                decoded = Decoded(
                    progress: try StrictJSONDecoder.decode(LearnerProgress.self, from: document),
                    migratedFrom: nil, unknown: UnknownKeys(of: document))
            }
        } catch {
            throw Failure(reason: "is not valid progress JSON (\(describe(error)))")
        }
        guard decoded.progress.learner == learner else {
            throw Failure(
                reason:
                    "holds learner `\(TerminalText.sanitizeLine(decoded.progress.learner))`, not `\(learner)`"
            )
        }
        return decoded
    }

    /// A short account of a decoding error: what was wrong and where.
    static func describe(_ error: Error) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        func place(_ path: [CodingKey]) -> String {
            path.isEmpty
                ? "at the top"
                : "at "
                    + TerminalText.sanitizeLine(
                        path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(
                            separator: "."))
        }
        switch decoding {
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "the JSON is malformed" : "bad value \(place(context.codingPath))"
        case .keyNotFound(let key, let context):
            return
                "`\(TerminalText.sanitizeLine(key.stringValue))` missing \(place(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type \(place(context.codingPath))"
        @unknown default:
            return "\(error)"
        }
    }
}

extension LearnerProgress {
    /// The progress in a file's bytes, read exactly as the store reads a learner's file
    /// (strictly, range-checked, migrated from an older version): for tools and fuzzing.
    /// Throws a message naming what is wrong.
    public static func decode(_ data: Data, learner: String) throws -> LearnerProgress {
        do {
            return try ProgressMigration.decode(data, learner: learner).progress
        } catch {
            throw ProgressError(path: learner, reason: error.reason, kind: .unreadable)
        }
    }
}
