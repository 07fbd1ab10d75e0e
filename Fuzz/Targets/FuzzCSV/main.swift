import RehearseBank
import RehearseGrading

/// A small quiz for the sheets to answer: one question of each kind a cell is read for.
let bank = BankLoader.load([
    SourceFile(
        path: "quizzes/q.yaml",
        bytes: Array(
            """
            id: q
            title: Q
            items:
              - question: {id: pick, kind: choice, competency: empathy, prompt: Pick one, options: [{id: a, text: "Sorry, that is awful", correct: true}, {id: b, text: Wait}]}
              - question: {id: some, kind: multi, competency: empathy, prompt: Pick some, options: [{id: a, text: A refund, correct: true}, {id: b, text: A voucher}]}
              - question: {id: yes, kind: truefalse, competency: empathy, prompt: True?, answer: true}
              - question: {id: fee, kind: number, competency: empathy, prompt: How much?, answer: 56.05, unit: dollars}
              - question: {id: say, kind: text, competency: empathy, prompt: Say it, accept: [sorry]}
              - question: {id: steps, kind: order, competency: empathy, prompt: In order, items: [{id: listen, text: Listen}, {id: solve, text: Solve}]}
              - question: {id: rate, kind: rate, competency: empathy, prompt: Rate each, scale: 4, responses: [{id: a, text: Calm, key: 4}, {id: b, text: Rude, key: 1}]}

            """.utf8))
]).bank

// The CSV reader on any bytes, with the delimiter it detects and with each common one; then the
// bytes as an answer sheet of any form (long, wide, attempts), read and made a cohort.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
    for delimiter in [CSVParser.detectDelimiter(bytes), UInt8(ascii: ","), UInt8(ascii: ";"), 9] {
        _ = try? CSVParser.records(bytes, delimiter: delimiter)
    }
    for quiz in [nil, "q"] as [String?] {
        let reader = SheetReader(bank: bank, options: SheetOptions(quiz: quiz))
        reader.rejectedLimit = 5
        try? reader.read(file: "sheet.csv", bytes: bytes)
        _ = try? reader.cohort()
    }
    return 0
}
