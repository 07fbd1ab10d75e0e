import Foundation
import RehearseCore

/// The body of an export written on all cores: the plan's entries cut into a few runs of
/// neighbours, each run written into one buffer with its notes, the runs kept in plan order
/// (written to the file one after the other, never copied into one buffer). A run per core or so, not a buffer per question: with 15,000 questions, making,
/// joining and freeing a buffer and a list of notes for each cost as much as writing them.
enum ExportRuns {
    /// Runs per core: enough that a core finishing early takes another.
    private static let runsPerCore = 4
    /// A run's text is kept in buffers of about this size, each made with room for it (and a
    /// question more), so that a large run's text is never copied into a larger buffer as it
    /// grows (a 21 MB export's runs were copied about once more in all, into fresh memory).
    static let chunkBytes = 1 << 18
    private static let chunkSlack = 1 << 16

    /// Each entry's text written by `write` (which adds to the entry's notes what it leaves
    /// out; they are listed as `REF: what`),
    /// preceded by `category` of the entry (its category line) whenever the entry's scenario
    /// differs from the entry before's (inline questions: no scenario); the runs in order after
    /// `head` and before `tail`, and their notes after `notes`. With `emit`, the pieces are
    /// handed to it in order as they are done (the runs are written to the file while later
    /// runs are still being made) and the result holds none. `parts` (tests) sets the number of
    /// runs.
    static func write(
        _ entries: [ExportEntry], head: ExportBytes, tail: String = "", notes: [String],
        parts: Int? = nil, emit: (@Sendable ([UInt8]) -> Void)? = nil,
        category: @Sendable (ExportEntry, inout ExportBytes) -> Void,
        entry write: @Sendable (ExportEntry, inout [String], inout ExportBytes) -> Void
    ) -> ExportResult {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let runs = ranges(count: entries.count, parts: parts ?? cores * runsPerCore)
        let emitter = emit.map(OrderedEmitter.init)
        emitter?.finished(0, head.bytes)
        let written = entries.withUnsafeBufferPointer { entries in
            // The entries are read in place (a copy of an entry retains every field of its
            // question, and releases them after).
            nonisolated(unsafe) let entries = entries
            return parallelMap(Array(runs.indices)) { number -> ([[UInt8]], [String]) in
                let run = runs[number]
                var chunks: [[UInt8]] = []
                var out = ExportBytes()
                var notes: [String] = []
                var first = run.lowerBound == 0
                var previous = first ? nil : entries[run.lowerBound - 1].scenario
                for index in run {
                    let scenario = entries[index].scenario
                    if first || scenario != previous {
                        category(entries[index], &out)
                        previous = scenario
                        first = false
                    }
                    var own = entries[index].notes
                    write(entries[index], &own, &out)
                    let ref = entries[index].ref
                    for note in own { notes.append("\(ref): \(note)") }
                    if out.bytes.count >= chunkBytes {
                        chunks.append(out.bytes)
                        out.bytes = []
                        out.bytes.reserveCapacity(chunkBytes + chunkSlack)
                    }
                }
                if !out.bytes.isEmpty || chunks.isEmpty { chunks.append(out.bytes) }
                guard let emitter else { return (chunks, notes) }
                emitter.finished(number + 1, pieces: chunks)
                return ([], notes)
            }
        }
        var all = notes
        all.reserveCapacity(notes.count + written.reduce(0) { $0 + $1.1.count })
        for (_, runNotes) in written { all += runNotes }
        if let emitter {
            emitter.finished(runs.count + 1, Array(tail.utf8))
            return ExportResult(pieces: [], notes: all)
        }
        var pieces = [head.bytes]
        pieces.reserveCapacity(written.reduce(2) { $0 + $1.0.count })
        for (chunks, _) in written { pieces += chunks }
        pieces.append(Array(tail.utf8))
        return ExportResult(pieces: pieces, notes: all)
    }

    /// `0..<count` cut into at most `parts` ranges of nearly equal size, none empty.
    static func ranges(count: Int, parts: Int) -> [Range<Int>] {
        guard count > 0 else { return [] }
        let parts = max(1, min(parts, count))
        return (0..<parts).map { part in
            (count * part / parts)..<(count * (part + 1) / parts)
        }
    }
}
