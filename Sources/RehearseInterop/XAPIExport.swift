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
    /// export then returns without emitting more. `emit` must not keep the bytes: their buffer
    /// is reused.
    public static func write(
        learners: [String], store: ProgressStore, bank: Bank, settings: XAPISettings,
        chunkSize: Int = 32, emit: ([UInt8]) -> Bool
    ) throws(ProgressError) {
        // One worker per slot at a time; each slot keeps its builder (activities written once
        // per slot) and its buffer (no fresh pages per group).
        let slots = (0..<8).map { _ in Slot(builder: XAPIBuilder(bank: bank, settings: settings)) }
        var started = false
        var start = 0
        let groupSize = max(1, chunkSize)
        while start < learners.count {
            var groups: [ArraySlice<String>] = []
            while start < learners.count, groups.count < slots.count {
                let end = min(learners.count, start + groupSize)
                groups.append(learners[start..<end])
                start = end
            }
            let chunk = groups
            _ = parallelMap(Array(chunk.indices)) { index in
                slots[index].write(chunk[index], store: store)
            }
            for slot in slots.prefix(groups.count) {
                // Each statement follows `,\n`; the first of the array follows `[\n` instead.
                if !started, !slot.json.bytes.isEmpty {
                    slot.json.bytes[0] = UInt8(ascii: "[")
                    started = true
                }
                if !slot.json.bytes.isEmpty, !emit(slot.json.bytes) { return }
                if let error = slot.error { throw error }
            }
        }
        _ = emit(Array((started ? "\n]\n" : "[]\n").utf8))
    }

    /// A worker's builder and buffer. Only the worker given the slot touches it while a chunk
    /// is written, and only the caller between chunks.
    private final class Slot: @unchecked Sendable {
        var builder: XAPIBuilder
        var json = JSONWriter(capacity: 1 << 20)
        var error: ProgressError?

        init(builder: XAPIBuilder) { self.builder = builder }

        /// The statements of a group of learners, each after `,\n`, up to the first learner
        /// whose file cannot be read (kept in `error`).
        func write(_ group: ArraySlice<String>, store: ProgressStore) {
            json.bytes.removeAll(keepingCapacity: true)
            error = nil
            for learner in group {
                let progress: LearnerProgress
                do throws(ProgressError) {
                    progress = try store.load(learner: learner)
                } catch {
                    self.error = error
                    return
                }
                for attempt in progress.attempts {
                    builder.forEachStatement(of: attempt) { statement in
                        json.raw(",\n")
                        statement.write(into: &json)
                    }
                }
            }
        }
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
