import Foundation
import RehearseBank
import RehearseCore
import RehearseScoring

/// Makes the xAPI statements of attempts: one `answered` per answered question, then, once the
/// attempt is over, `completed` and `passed` or `failed`.
///
/// Ids are UUID v5 (`UUIDv5.rehearseNamespace`) of the attempt and the ref (or of the attempt and
/// `#completed` / `#result`), and the registration is the attempt's UUID, so the same attempt
/// always gives the same statements and sending them twice stores them once. Activities are
/// written once per question and quiz and shared by every statement (a cache: the bank is the
/// truth).
public struct XAPIBuilder {
    public let bank: Bank
    public let settings: XAPISettings
    /// The activities of questions, by quiz and then by ref.
    private var activities: [String: [String: Activity]] = [:]
    private var quizzes: [String: [UInt8]] = [:]
    /// The inline questions of quizzes, by quiz and then by id (looked up once per activity).
    private var inlineQuestions: [String: [String: Question]] = [:]

    public init(bank: Bank, settings: XAPISettings) {
        self.bank = bank
        self.settings = settings
    }

    /// The statements of one attempt, in order: answers as recorded, then the attempt's own.
    public mutating func statements(for attempt: AttemptRecord) -> [XAPIStatement] {
        var statements: [XAPIStatement] = []
        statements.reserveCapacity(attempt.answers.count + 2)
        forEachStatement(of: attempt) { statements.append($0) }
        return statements
    }

    /// Hands the statements of one attempt to `body`, in the order of `statements(for:)`,
    /// without collecting them (the export writes each as it comes).
    public mutating func forEachStatement(
        of attempt: AttemptRecord, _ body: (XAPIStatement) -> Void
    ) {
        let actor = Self.actor(of: attempt.learner, settings: settings)
        let registration = Self.registration(of: attempt)
        let parent = quizActivity(attempt.quiz)
        var extensions: [(iri: String, value: String)] = [
            (settings.extensionIRI("attempt"), attempt.id),
            (settings.extensionIRI("seed"), String(attempt.seed)),
            (settings.extensionIRI("content-hash"), attempt.quizHash),
        ]
        if !attempt.mode.isEmpty {
            extensions.append((settings.extensionIRI("mode"), attempt.mode))
        }
        let extensionsJSON = XAPIStatement.Context.extensionsJSON(extensions)
        // Every id of the attempt hashes the same prefix: hashed once, copied for each id.
        var ids = UUIDv5.hasher(namespace: UUIDv5.rehearseNamespace)
        ids.update("statement\n".utf8)
        ids.update(attempt.id.utf8)
        ids.update(UInt8(ascii: "\n"))
        func id(_ part: String) -> UUID {
            var sha = ids
            sha.update(part.utf8)
            return UUIDv5.finish(sha)
        }
        // The quiz's activities are taken out while the attempt uses them (no copy on insert).
        var table = activities.removeValue(forKey: attempt.quiz) ?? [:]
        defer { activities[attempt.quiz] = table }
        var previous: Date? = attempt.startedAt
        var seen = Set<String>(minimumCapacity: attempt.answers.count)
        for answer in attempt.answers {
            defer { previous = answer.answeredAt ?? previous }
            let text = Self.trimmed(answer.answer)
            guard !text.isEmpty, seen.insert(answer.ref).inserted else { continue }
            let activity =
                table[answer.ref] ?? newActivity(answer.ref, quiz: attempt.quiz, into: &table)
            var result = XAPIStatement.Result()
            result.response = activity.response(text)
            if let score = answer.score, let max = answer.max, score.isFinite, max.isFinite,
                max > 0
            {
                result.raw = Swift.min(Swift.max(score, 0), max)
                result.max = max
                result.success = score >= max
            }
            if let answeredAt = answer.answeredAt, let previous {
                result.duration = XAPITime.duration(answeredAt.timeIntervalSince(previous))
            }
            body(
                XAPIStatement(
                    id: id(answer.ref), actor: actor, verb: .answered, object: activity.json,
                    result: result,
                    context: XAPIStatement.Context(
                        registration: registration, parent: parent,
                        grouping: activity.grouping, extensions: extensionsJSON),
                    timestamp: answer.answeredAt ?? attempt.finishedAt ?? attempt.startedAt))
        }
        guard attempt.status != .unfinished else { return }
        let ended =
            attempt.finishedAt ?? attempt.answers.compactMap(\.answeredAt).max()
            ?? attempt.startedAt
        var result = XAPIStatement.Result()
        if let score = attempt.score, let max = attempt.max, score.isFinite, max.isFinite, max > 0 {
            result.raw = Swift.min(Swift.max(score, 0), max)
            result.max = max
        }
        result.success = attempt.passed
        result.completion = true
        let context = XAPIStatement.Context(
            registration: registration, parent: nil, grouping: nil, extensions: extensionsJSON)
        var completed = result
        completed.duration = XAPITime.duration(ended.timeIntervalSince(attempt.startedAt))
        body(
            XAPIStatement(
                id: id("#completed"), actor: actor, verb: .completed, object: parent,
                result: completed, context: context, timestamp: ended))
        if let passed = attempt.passed {
            body(
                XAPIStatement(
                    id: id("#result"), actor: actor, verb: passed ? .passed : .failed,
                    object: parent, result: result, context: context, timestamp: ended))
        }
    }

    /// The id of a statement: UUID v5 of the attempt id and the part (a ref, `#completed` or
    /// `#result`).
    public static func statementID(attempt: String, part: String) -> UUID {
        UUIDv5.make(namespace: UUIDv5.rehearseNamespace, name: "statement\n\(attempt)\n\(part)")
    }

    /// The registration of an attempt: its id when that is a UUID (as `take` makes them), else a
    /// UUID v5 of the id (attempts graded from a sheet).
    public static func registration(of attempt: AttemptRecord) -> UUID {
        UUID(uuidString: attempt.id)
            ?? UUIDv5.make(namespace: UUIDv5.rehearseNamespace, name: "attempt\n\(attempt.id)")
    }

    /// The actor of a learner, as JSON.
    public static func actor(of learner: String, settings: XAPISettings) -> [UInt8] {
        var json = JSONWriter(capacity: 128)
        if settings.actor == .mbox, isMailAddress(learner) {
            json.raw("{\"objectType\":\"Agent\",\"mbox\":")
            json.string("mailto:" + learner)
            json.raw("}")
        } else {
            json.raw("{\"objectType\":\"Agent\",\"account\":{\"homePage\":")
            json.string(settings.home)
            json.raw(",\"name\":")
            json.string(learner)
            json.raw("}}")
        }
        return json.bytes
    }

    /// The answer without surrounding whitespace; an answer that starts and ends with a
    /// visible ASCII character (nearly all of them) is returned as it is, without a search.
    static func trimmed(_ answer: String) -> String {
        if let first = answer.utf8.first, let last = answer.utf8.last,
            (0x21...0x7E).contains(first), (0x21...0x7E).contains(last)
        {
            return answer
        }
        return answer.trimmingSpaces
    }

    /// A learner id of the form `local@domain.tld`.
    static func isMailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }

    private mutating func quizActivity(_ id: String) -> [UInt8] {
        if let cached = quizzes[id] { return cached }
        let json = XAPIInteraction.namedActivity(
            id: settings.quizActivity(id), type: XAPIVocabulary.assessment,
            name: bank.quiz(id)?.title ?? "")
        quizzes[id] = json
        return json
    }

    /// Makes the activity of the question `ref` names in `quiz` and files it in `table`.
    private mutating func newActivity(
        _ ref: String, quiz: String, into table: inout [String: Activity]
    ) -> Activity {
        var question: Question?
        var grouping: [UInt8]?
        if let slash = ref.firstIndex(of: "/") {
            let prefix = String(ref[..<slash])
            let id = String(ref[ref.index(after: slash)...])
            if inlineQuestions[quiz] == nil {
                var byID: [String: Question] = [:]
                // The first question of an id wins, as a search from the top would find it.
                for question in bank.quiz(quiz)?.inlineQuestions ?? []
                where byID[question.id.value] == nil {
                    byID[question.id.value] = question
                }
                inlineQuestions[quiz] = byID
            }
            let inline = inlineQuestions[quiz]?[id]
            if prefix == quiz, let inline {
                question = inline
            } else {
                let scenario = bank.scenario(prefix)
                question = scenario?.step(id)
                grouping = XAPIInteraction.namedActivity(
                    id: settings.scenarioActivity(prefix), type: XAPIVocabulary.simulation,
                    name: scenario?.title ?? "")
            }
        }
        let activity = Activity(
            json: XAPIInteraction.activity(ref: ref, question: question, settings: settings),
            grouping: grouping, question: question)
        table[ref] = activity
        return activity
    }

    /// A question's activity, written once, and the answers to it already put in xAPI's
    /// encoding (the same few answers come back in every attempt).
    final class Activity {
        let json: [UInt8]
        let grouping: [UInt8]?
        let question: Question?
        private var responses: [String: String] = [:]

        init(json: [UInt8], grouping: [UInt8]?, question: Question?) {
            self.json = json
            self.grouping = grouping
            self.question = question
        }

        /// The answer `text` in xAPI's encoding for the question.
        func response(_ text: String) -> String {
            if let known = responses[text] { return known }
            let made = XAPIInteraction.response(text, to: question)
            // Free text seldom repeats: the cache stops growing at a few hundred answers.
            if responses.count < 256 { responses[text] = made }
            return made
        }
    }
}
