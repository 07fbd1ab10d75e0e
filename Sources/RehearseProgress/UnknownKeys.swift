import Foundation
import RehearseScoring

/// Members of a progress file that this build does not know (written by a newer build or by
/// another tool), kept so that rewriting the file does not drop them: at the top level, in each
/// attempt (by its id), in each of its answers (by position) and in each memory state (by ref).
struct UnknownKeys: Sendable {
    static let topKeys: Set<String> = [
        "format", "version", "learner", "attempts", "items", "reviewAnswers", "profile",
    ]
    static let attemptKeys: Set<String> = [
        "format", "version", "id", "learner", "quiz", "quizHash", "mode", "seed", "status",
        "startedAt", "finishedAt", "answers", "score", "max", "percent", "passed", "competencies",
        "timeFactor",
    ]
    /// Whether `key` is a member of an answer this build knows (a file holds hundreds of answers
    /// and memory states: these two are matched without hashing).
    static func isAnswerKey(_ key: String) -> Bool {
        switch key {
        case "ref", "answer", "score", "max", "answeredAt": true
        default: false
        }
    }

    /// Whether `key` is a member of a memory state this build knows.
    static func isItemKey(_ key: String) -> Bool {
        switch key {
        case "stability", "difficulty", "due", "lastReview", "reps", "lapses": true
        default: false
        }
    }

    var top: [StrictJSON.Member] = []
    var attempts: [String: [StrictJSON.Member]] = [:]
    var answers: [String: [Int: [StrictJSON.Member]]] = [:]
    var items: [String: [StrictJSON.Member]] = [:]

    var isEmpty: Bool { top.isEmpty && attempts.isEmpty && answers.isEmpty && items.isEmpty }

    /// The unknown members of a current-version document.
    init(of document: StrictJSON) {
        top = document.members.filter { !Self.topKeys.contains($0.key) }
        for attempt in document["attempts"]?.elements ?? [] {
            guard let id = attempt["id"]?.text else { continue }
            let extra = attempt.members.filter { !Self.attemptKeys.contains($0.key) }
            if !extra.isEmpty { attempts[id] = extra }
            for (index, answer) in (attempt["answers"]?.elements ?? []).enumerated() {
                let extra = answer.members.filter { !Self.isAnswerKey($0.key) }
                if !extra.isEmpty { answers[id, default: [:]][index] = extra }
            }
        }
        for item in document["items"]?.members ?? [] {
            let extra = item.value.members.filter { !Self.isItemKey($0.key) }
            if !extra.isEmpty { items[item.key] = extra }
        }
    }

    init() {}

    /// The encoded progress with the unknown members added back where their owner still is.
    func restore(into encoded: Data) throws(StrictJSON.Failure) -> Data {
        guard !isEmpty else { return encoded }
        var document = try StrictJSON.parse(Array(encoded))
        guard case .object(var members) = document else { return encoded }
        members += top
        for index in members.indices {
            switch members[index].key {
            case "attempts":
                members[index].value = .array(
                    members[index].value.elements.map(restoreAttempt))
            case "items":
                members[index].value = .object(
                    members[index].value.members.map { item in
                        StrictJSON.Member(
                            key: item.key, value: Self.adding(items[item.key], to: item.value))
                    })
            default: break
            }
        }
        document = .object(members)
        return Data(document.rendered().utf8)
    }

    private func restoreAttempt(_ attempt: StrictJSON) -> StrictJSON {
        guard let id = attempt["id"]?.text else { return attempt }
        var restored = Self.adding(attempts[id], to: attempt)
        if let byIndex = answers[id], case .object(var members) = restored,
            let at = members.firstIndex(where: { $0.key == "answers" })
        {
            members[at].value = .array(
                members[at].value.elements.enumerated().map { index, answer in
                    Self.adding(byIndex[index], to: answer)
                })
            restored = .object(members)
        }
        return restored
    }

    private static func adding(_ extra: [StrictJSON.Member]?, to value: StrictJSON) -> StrictJSON {
        guard let extra, case .object(let members) = value else { return value }
        let known = Set(members.map(\.key))
        return .object(members + extra.filter { !known.contains($0.key) })
    }
}
