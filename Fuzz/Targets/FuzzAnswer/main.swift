import RehearseBank
import RehearseScoring

// The answer parser and the scorer on any text, for a question of every kind.
let scenario = """
    id: s
    title: S
    competencies: [empathy]
    steps:
      - {id: c, kind: choice, prompt: P, options: [{id: a, text: A, correct: true}, {id: b, text: B}]}
      - {id: m, kind: multi, prompt: P, options: [{id: a, text: A, correct: true}, {id: b, text: B}]}
      - {id: t, kind: truefalse, prompt: P, answer: true}
      - {id: o, kind: order, prompt: P, items: [{id: a, text: A}, {id: b, text: B}]}
      - {id: x, kind: text, prompt: P, accept: [refund], patterns: ['ref(und)?s?', '^(a|b)+$']}
      - {id: n, kind: number, prompt: P, answer: 5, unit: days}
      - {id: r, kind: rate, prompt: P, scale: 5, responses: [{id: a, text: A, key: 5}, {id: b, text: B, key: 1}]}
    """
let questions =
    BankLoader.load([SourceFile(path: "scenarios/s.yaml", text: scenario)])
    .bank.scenarios.first?.steps ?? []

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
    let text = String(decoding: bytes, as: UTF8.self)
    for question in questions {
        if case .success(let response) = AnswerParser.parse(text, for: question) {
            _ = QuestionScorer.score(response, for: question)
        }
    }
    return 0
}
