import Foundation
import RehearseCore

/// What `rehearse sync` sent for one learner: per LRS endpoint, the ids of the attempts whose
/// every statement the LRS has. Kept in `DATA/sync/LEARNER.json`, replaced durably (a temp file,
/// flushed, renamed, the folder flushed) after each batch, so a rerun sends only what is new.
public struct SyncRecord: Sendable, Codable, Hashable {
    public static let formatName = "rehearse-sync"
    public static let currentVersion = 1
    /// The largest record read: 64 MiB.
    static let maximumSize = 64 * 1024 * 1024

    public var format: String = SyncRecord.formatName
    public var version: Int = SyncRecord.currentVersion
    public var learner: String
    /// Endpoint -> attempt ids, sorted.
    public var sent: [String: [String]]

    public init(learner: String, sent: [String: [String]] = [:]) {
        self.learner = learner
        self.sent = sent
    }

    /// The attempts sent to `endpoint`.
    public func attempts(sentTo endpoint: String) -> Set<String> { Set(sent[endpoint] ?? []) }

    /// The record file of a learner in the data folder.
    public static func path(learner: String, dataDirectory: String) -> String {
        ((dataDirectory as NSString).appendingPathComponent("sync") as NSString)
            .appendingPathComponent(learner + ".json")
    }

    /// The learner's record; empty when there is none. A file that cannot be read or is not a
    /// record of this version throws (and is left as it is).
    public static func load(learner: String, dataDirectory: String) throws(SyncError) -> SyncRecord
    {
        let path = path(learner: learner, dataDirectory: dataDirectory)
        guard FileManager.default.fileExists(atPath: path) else {
            return SyncRecord(learner: learner)
        }
        let data: Data
        do {
            let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
            guard size <= maximumSize else {
                throw SyncError.record(path: path, reason: "is over 64 MiB; it was left untouched")
            }
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let error as SyncError {
            throw error
        } catch {
            throw SyncError.record(path: path, reason: "cannot be read")
        }
        guard let record = try? JSONDecoder().decode(SyncRecord.self, from: data),
            record.format == formatName
        else {
            throw SyncError.record(
                path: path,
                reason:
                    "is not a sync record Rehearse can read; move it away to send everything again")
        }
        guard record.version == currentVersion else {
            throw SyncError.record(
                path: path, reason: "is version \(record.version), newer than this rehearse reads")
        }
        guard record.learner == learner else {
            throw SyncError.record(path: path, reason: "belongs to learner \(record.learner)")
        }
        return record
    }

    /// Adds `attempts` as sent to `endpoint` and writes the record durably, merged with what is
    /// on disk now (another sync of the same learner loses nothing).
    public static func add(
        _ attempts: [String], sentTo endpoint: String, learner: String, dataDirectory: String
    ) throws(SyncError) {
        var record = try load(learner: learner, dataDirectory: dataDirectory)
        var ids = record.attempts(sentTo: endpoint)
        ids.formUnion(attempts)
        record.sent[endpoint] = ids.sorted()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let path = path(learner: learner, dataDirectory: dataDirectory)
        do {
            let data = try encoder.encode(record)
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent,
                withIntermediateDirectories: true)
            try OutputFile.write(data + Data("\n".utf8), to: path) { _ in true }
        } catch let error as OutputFileError {
            throw SyncError.record(path: path, reason: error.reason)
        } catch {
            throw SyncError.record(path: path, reason: "cannot be written: \(error)")
        }
    }
}

/// Why a sync stopped.
public enum SyncError: Error, Sendable, CustomStringConvertible {
    /// The LRS could not be reached, refused or kept failing.
    case lrs(LRSError)
    /// A sync record cannot be read or written.
    case record(path: String, reason: String)
    /// A progress file cannot be read, or a learner id is not valid.
    case progress(String, invalidID: Bool)

    public var description: String {
        switch self {
        case .lrs(let error): error.description
        case .record(let path, let reason): "\(path) \(reason)"
        case .progress(let message, _): message
        }
    }
}
