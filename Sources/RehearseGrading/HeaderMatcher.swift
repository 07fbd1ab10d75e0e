import RehearseBank
import RehearseCore
import RehearseScoring

/// Finds the question a wide sheet's column header names: its ref, or its prompt as a forms tool
/// writes it (numbering prefix, required mark, curly quotes and dashes folded away); failing
/// that, the one question whose prompt is within a small edit distance (a near miss).
struct HeaderMatcher {
    enum Match: Equatable {
        /// Named exactly (ref or folded prompt); several when a prompt is shared.
        case exact([Int])
        /// One question within a small edit distance.
        case near(Int)
        case none
    }

    let index: QuizIndex
    private let prompts: [String: [Int]]
    private let folded: [String]
    /// Per `rate` question its responses, per `order` question its items: folded texts and ids
    /// (the rows of a grid).
    let gridRows: [Int: [(text: String, id: String)]]

    init(index: QuizIndex) {
        self.index = index
        var prompts: [String: [Int]] = [:]
        var folded: [String] = []
        var rate: [Int: [(String, String)]] = [:]
        for (number, question) in index.questions.enumerated() {
            let text = FormText.foldHeader(question.prompt)
            folded.append(text)
            prompts[text, default: []].append(number)
            switch question.body {
            case .rate(let responses, _):
                rate[number] = responses.map { (FormText.fold($0.text), $0.id.value) }
            case .order(let items, _):
                rate[number] = items.map { (FormText.fold($0.text), $0.id.value) }
            default: break
            }
        }
        self.prompts = prompts
        self.folded = folded
        gridRows = rate
    }

    /// The question(s) `header` names.
    func match(_ header: String, nearMisses: Bool = true) -> Match {
        if let number = index.question(ref: header.trimmingSpaces) { return .exact([number]) }
        let text = FormText.foldHeader(header)
        guard !text.isEmpty else { return .none }
        if let found = prompts[text] { return .exact(found) }
        guard nearMisses else { return .none }
        let allowed = Self.allowedDistance(text)
        var within: [Int] = []
        for (number, prompt) in folded.enumerated()
        where abs(prompt.count - text.count) <= allowed
            && Suggestion.editDistance(text, prompt) <= allowed
        {
            within.append(number)
        }
        let distinct = Set(within.map { folded[$0] })
        return distinct.count == 1 && within.count == 1 ? .near(within[0]) : .none
    }

    /// The edits a header may differ from a prompt by and still be taken for it: a dropped `?`,
    /// a typo or two; more for a long prompt.
    static func allowedDistance(_ text: String) -> Int {
        Swift.max(2, Swift.min(12, text.count / 10))
    }

    /// A grid column, `PROMPT [ROW]` (Google Forms), of a `rate` question (a row per response)
    /// or an `order` question (a row per item, the cell its place); or a column headed by one
    /// response's or item's text (a Microsoft Forms Likert): the question and the row's id.
    func rating(_ header: String) -> (question: Int, response: String, near: Bool)? {
        let trimmed = header.trimmingSpaces
        if trimmed.hasSuffix("]"), let open = trimmed.lastIndex(of: "[") {
            let prompt = String(trimmed[..<open])
            let response = FormText.fold(
                String(
                    trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]))
            var candidates: [(Int, Bool)] = []
            switch match(prompt) {
            case .exact(let found): candidates = found.map { ($0, false) }
            case .near(let found): candidates = [(found, true)]
            case .none: break
            }
            for (question, near) in candidates {
                if let id = responseID(response, of: question) { return (question, id, near) }
            }
            return nil
        }
        let text = FormText.fold(trimmed)
        var found: [(Int, String)] = []
        for (question, responses) in gridRows {
            for response in responses where response.text == text {
                found.append((question, response.id))
            }
        }
        guard found.count == 1 else { return nil }
        return (found[0].0, found[0].1, false)
    }

    private func responseID(_ folded: String, of question: Int) -> String? {
        guard let responses = gridRows[question] else { return nil }
        if let hit = responses.first(where: { $0.text == folded || $0.id == folded }) {
            return hit.id
        }
        return nil
    }

    /// " (did you mean "PROMPT" (`ref`)?)" for the question nearest `header`, or "".
    func suggestion(for header: String) -> String {
        let text = FormText.foldHeader(header)
        var best: (number: Int, distance: Int)?
        for (number, prompt) in folded.enumerated() {
            let distance = Suggestion.editDistance(text, prompt)
            if distance < best?.distance ?? .max { best = (number, distance) }
        }
        for (number, ref) in index.refs.enumerated() {
            let distance = Suggestion.editDistance(text, ref.lowercased())
            if distance < best?.distance ?? .max { best = (number, distance) }
        }
        guard let best, best.distance <= Swift.max(3, text.count / 2) else { return "" }
        let prompt = index.questions[best.number].prompt
        return " (did you mean \"\(prompt)\", `\(index.refs[best.number])`?)"
    }
}
