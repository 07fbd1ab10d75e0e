import Foundation
import RehearseCore
import RehearseProgress
import RehearseScoring

/// `take --record FILE`: the attempt as the JSON answer sheet the grader reads, written as an
/// `OutputFile`. A file already at the path is replaced only when it is itself a recorded
/// attempt (a re-run or a resumed attempt recording to the same file); anything else there (a
/// document, a folder, a FIFO, a device, a symbolic link) is refused and left alone.
public enum RecordFile {
    /// The file name proposed in a folder given as the path.
    static let suggestedName = "attempt.json"

    /// Refuses a path the attempt could not be recorded at, before the quiz starts.
    public static func check(_ path: String) throws(OutputFileError) {
        try OutputFile.check(path, suggestedName: suggestedName, replacing: isRecording)
    }

    /// Writes the attempt; true when it replaced an earlier recording.
    @discardableResult
    public static func write(_ record: AttemptRecord, to path: String) throws(OutputFileError)
        -> Bool
    {
        let data: Data
        do {
            data = try AttemptRecord.makeEncoder().encode(record) + Data("\n".utf8)
        } catch {
            throw OutputFileError(path: path, reason: "the attempt cannot be encoded (\(error))")
        }
        return try OutputFile.write(
            data, to: path, mode: 0o644, suggestedName: suggestedName, replacing: isRecording)
    }

    /// Whether bytes are an attempt rehearse recorded: a JSON object whose `format` is
    /// `rehearse-attempt`.
    static func isRecording(_ data: Data) -> Bool {
        guard let document = try? StrictJSON.parse(Array(data)) else { return false }
        return document["format"]?.text == AttemptRecord.formatName
    }
}
