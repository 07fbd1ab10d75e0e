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
            for statement in builder.statements(for: attempt) {
                array.append(statement, into: &json)
            }
        }
        array.close(into: &json)
        return json.bytes
    }

    /// The statements of every attempt of `learners` in the store, learner by learner in the
    /// order given, handed to `emit` in chunks (groups of `chunkSize` learners are read and
    /// converted on all cores). A learner whose file cannot be read stops the export with its error,
    /// after the chunks before it were emitted.
    public static func write(
        learners: [String], store: ProgressStore, bank: Bank, settings: XAPISettings,
        chunkSize: Int = 32, emit: ([UInt8]) -> Void
    ) throws(ProgressError) {
        var array = ArrayWriter()
        var start = 0
        let groupSize = max(1, chunkSize)
        while start < learners.count {
            // A chunk of groups: each group is read and converted by one worker with one builder,
            // so a question's activity is written once per group, not once per learner.
            var groups: [[String]] = []
            while start < learners.count, groups.count < 8 {
                let end = min(learners.count, start + groupSize)
                groups.append(Array(learners[start..<end]))
                start = end
            }
            let parts = parallelMap(groups) { group -> [Result<[XAPIStatement], ProgressError>] in
                var builder = XAPIBuilder(bank: bank, settings: settings)
                return group.map { learner in
                    do throws(ProgressError) {
                        let progress = try store.load(learner: learner)
                        return .success(progress.attempts.flatMap { builder.statements(for: $0) })
                    } catch {
                        return .failure(error)
                    }
                }
            }
            for group in parts {
                var json = JSONWriter(capacity: 1 << 20)
                for part in group {
                    switch part {
                    case .success(let statements):
                        for statement in statements { array.append(statement, into: &json) }
                    case .failure(let error):
                        emit(json.bytes)
                        throw error
                    }
                }
                emit(json.bytes)
            }
        }
        var closing = JSONWriter(capacity: 8)
        array.close(into: &closing)
        emit(closing.bytes)
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
