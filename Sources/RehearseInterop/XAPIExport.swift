import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// `--format xapi`: statements as a JSON array, one compact statement per line, written in
/// chunks so that a million statements never sit in memory at once.
public enum XAPIExport {
    /// The statements of `attempts`, as a whole document (`grade --format xapi`).
    public static func render(
        _ attempts: [AttemptRecord], bank: Bank, settings: XAPISettings
    ) -> [UInt8] {
        var builder = XAPIBuilder(bank: bank, settings: settings)
        var json = JSONWriter(capacity: 4096)
        var array = ArrayWriter()
        for attempt in attempts {
            builder.forEachStatement(of: attempt) { array.append($0, into: &json) }
        }
        array.close(into: &json)
        return json.bytes
    }

    /// The statements of every attempt of `learners` in the store, learner by learner in the
    /// order given, handed to `emit` in chunks: groups of `chunkSize` learners are read and
    /// written as JSON on all cores, each group into one buffer, and the buffers are emitted in
    /// order. A learner whose file cannot be read stops the export with its error, after the
    /// statements before it were emitted. `emit` returns false to stop (a write failed); the
    /// export then returns without emitting more.
    public static func write(
        learners: [String], store: ProgressStore, bank: Bank, settings: XAPISettings,
        chunkSize: Int = 32, emit: ([UInt8]) -> Bool
    ) throws(ProgressError) {
        var started = false
        var start = 0
        let groupSize = max(1, chunkSize)
        while start < learners.count {
            // A chunk of groups: each group is read and converted by one worker with one builder,
            // so a question's activity is written once per group, not once per learner.
            var groups: [ArraySlice<String>] = []
            while start < learners.count, groups.count < 8 {
                let end = min(learners.count, start + groupSize)
                groups.append(learners[start..<end])
                start = end
            }
            let parts = parallelMap(groups) { group in
                writeGroup(group, store: store, bank: bank, settings: settings)
            }
            for part in parts {
                var bytes = part.bytes
                // Each statement follows `,\n`; the first of the array follows `[\n` instead.
                if !started, !bytes.isEmpty {
                    bytes[0] = UInt8(ascii: "[")
                    started = true
                }
                if !bytes.isEmpty, !emit(bytes) { return }
                if let error = part.error { throw error }
            }
        }
        _ = emit(Array((started ? "\n]\n" : "[]\n").utf8))
    }

    /// The statements of a group of learners, each after `,\n`, up to the first learner whose
    /// file cannot be read.
    private static func writeGroup(
        _ group: ArraySlice<String>, store: ProgressStore, bank: Bank, settings: XAPISettings
    ) -> (bytes: [UInt8], error: ProgressError?) {
        var builder = XAPIBuilder(bank: bank, settings: settings)
        var json = JSONWriter(capacity: 1 << 20)
        for learner in group {
            let progress: LearnerProgress
            do throws(ProgressError) {
                progress = try store.load(learner: learner)
            } catch {
                return (json.bytes, error)
            }
            for attempt in progress.attempts {
                builder.forEachStatement(of: attempt) { statement in
                    json.raw(",\n")
                    statement.write(into: &json)
                }
            }
        }
        return (json.bytes, nil)
    }

    /// Writes `[`, statements separated by `,` and a newline, and `]`.
    struct ArrayWriter {
        private var count = 0

        mutating func append(_ statement: XAPIStatement, into json: inout JSONWriter) {
            json.raw(count == 0 ? "[\n" : ",\n")
            statement.write(into: &json)
            count += 1
        }

        func close(into json: inout JSONWriter) {
            json.raw(count == 0 ? "[]\n" : "\n]\n")
        }
    }
}
