import Foundation
import RehearseProgress

// The progress decoder and the unfinished-attempt log reader on any bytes: a value or a clear
// refusal, never a crash; what is accepted is encoded again and read back.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    if let progress = try? LearnerProgress.decode(data, learner: "ana") {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        if let again = try? encoder.encode(progress) {
            _ = try? LearnerProgress.decode(again, learner: "ana")
        }
        var copy = progress
        copy.apply([ReviewEvent(ref: "x", rating: .good, at: Date(timeIntervalSince1970: 1e9))])
    }
    _ = try? UnfinishedLog.read(data)
    _ = try? StrictJSON.parse(Array(data))
    return 0
}
