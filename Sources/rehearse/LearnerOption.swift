import ArgumentParser
import Foundation
import RehearseCore
import RehearseSession

/// `--learner` for the commands that take or review questions.
struct LearnerOption: ParsableArguments {
    @Option(
        name: .long,
        help:
            "Who is learning (default: $REHEARSE_LEARNER, else asked once on a terminal, else your user name)."
    )
    var learner: String?

    /// The learner (see `LearnerResolver`), with the reader's history switched to theirs.
    func resolve(reader: LineReader, store: SessionStore) throws(RehearseError) -> String {
        let id = try LearnerResolver.resolve(flag: learner, reader: reader)
        reader.useHistory(at: store.historyPath(learner: id))
        return id
    }
}

/// Who is learning: `--learner`, else `$REHEARSE_LEARNER`, else asked once on a terminal; when
/// standard input is not a terminal, the account's user name (`guest` if it is not a valid id).
enum LearnerResolver {
    static func accountLearner() -> String {
        let environment = ProcessInfo.processInfo.environment
        var name = environment["USER"] ?? environment["LOGNAME"] ?? ""
        if name.isEmpty, let entry = getpwuid(getuid()), let login = entry.pointee.pw_name {
            name = String(cString: login)
        }
        if case .success(let id) = LearnerID.normalise(name) { return id }
        return "guest"
    }

    static func resolve(flag: String?, reader: LineReader) throws(RehearseError) -> String {
        let environment = ProcessInfo.processInfo.environment["REHEARSE_LEARNER"]
        if let given = flag ?? environment.flatMap({ $0.isEmpty ? nil : $0 }) {
            switch LearnerID.normalise(given) {
            case .success(let id): return id
            case .failure(let error): throw RehearseError(.usage, "\(error)")
            }
        }
        guard reader.isInteractive else {
            // A scripted session cannot be asked (its first line is an answer): it is recorded
            // for the account that runs it, as `printf 'a\n30\n' | rehearse take week-one` expects.
            let id = accountLearner()
            printError(
                "rehearse: no learner given; recording as `\(id)` (give --learner ID or set REHEARSE_LEARNER)."
            )
            return id
        }
        while true {
            let input = reader.read(
                prompt: "Your learner id (your work e-mail will do): ", completer: nil,
                deadline: nil)
            guard case .line(let text) = input else { throw RehearseError.quit }
            switch LearnerID.normalise(text) {
            case .success(let id): return id
            case .failure(let error): Console.out("\(error.reason).\n")
            }
        }
    }
}
