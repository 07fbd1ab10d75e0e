import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// A row of an answer sheet that could not be graded: where it is and why. The other rows are
/// still graded.
public struct RejectedRow: Sendable, Hashable, Codable {
    public var file: String
    public var line: Int
    public var column: Int
    public var reason: String

    public init(file: String, line: Int, column: Int, reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }
}

/// The distinct answers given to each question of a quiz, each read once with the library's
/// `AnswerParser`: a cohort of thousands gives a handful of different answers to a choice
/// question, so reading them once keeps grading fast. Answers are numbered per question; a
/// lookup from a sheet's bytes hashes them with the question and allocates nothing.
public struct AnswerBook: Sendable {
    /// Per question: the distinct answer texts (trimmed), by answer number.
    public private(set) var texts: [[String]]
    /// Per question: the response each answer number reads as (nil: left empty).
    public private(set) var responses: [[Response?]]
    private var errors: [AnswerError] = []
    /// Per question: where each answer number's raw bytes are in `storage`.
    private var raw: [[Range<Int>]]
    private let questions: [Question]
    /// Open addressing over (question, raw bytes): the bytes live in `storage`; a slot's code is
    /// an answer number, or -1 - error index; length -1 marks an empty slot.
    private var storage: [UInt8] = []
    private var slotQuestion: [Int32]
    private var slotStart: [Int]
    private var slotLength: [Int32]
    private var slotCode: [Int32]
    private var used = 0

    public init(questions: [Question]) {
        self.questions = questions
        texts = Array(repeating: [], count: questions.count)
        responses = Array(repeating: [], count: questions.count)
        raw = Array(repeating: [], count: questions.count)
        let size = 1024
        slotQuestion = [Int32](repeating: 0, count: size)
        slotStart = [Int](repeating: 0, count: size)
        slotLength = [Int32](repeating: -1, count: size)
        slotCode = [Int32](repeating: 0, count: size)
    }

    @inline(__always)
    static func hash(_ question: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = ByteTable.hash(bytes) ^ (UInt64(truncatingIfNeeded: question) &* 0x9E37_79B9)
        return Int(truncatingIfNeeded: hash ^ (hash >> 32))
    }

    /// The answer number of `bytes` for question `question`, reading it the first time it is seen.
    public mutating func code(question: Int, bytes: UnsafeBufferPointer<UInt8>) -> Result<
        Int32, AnswerError
    > {
        let mask = slotLength.count - 1
        var slot = Self.hash(question, bytes) & mask
        let found: Int32? = storage.withUnsafeBufferPointer { stored in
            while true {
                let length = Int(slotLength[slot])
                if length < 0 { return nil }
                if length == bytes.count, Int(slotQuestion[slot]) == question,
                    SheetBytes.same(
                        UnsafeBufferPointer(
                            rebasing: stored[slotStart[slot]..<(slotStart[slot] + length)]),
                        bytes)
                {
                    return slotCode[slot]
                }
                slot = (slot + 1) & mask
            }
        }
        let code: Int32
        if let found {
            code = found
        } else {
            code = add(question: question, raw: String(decoding: bytes, as: UTF8.self))
            slotQuestion[slot] = Int32(question)
            slotStart[slot] = storage.count
            slotLength[slot] = Int32(bytes.count)
            slotCode[slot] = code
            if code >= 0 { raw[question].append(storage.count..<(storage.count + bytes.count)) }
            storage.append(contentsOf: bytes)
            used += 1
            if used * 2 > slotLength.count { grow() }
        }
        return code >= 0 ? .success(code) : .failure(errors[Int(-1 - code)])
    }

    public mutating func code(question: Int, text: String) -> Result<Int32, AnswerError> {
        var copy = text
        return copy.withUTF8 { code(question: question, bytes: $0) }
    }

    /// The answer number in this book of answer number `code` of `other` (a book of the same
    /// questions), looked up by the raw bytes it was read from, as if they came from the sheet.
    public mutating func code(question: Int, as code: Int32, in other: AnswerBook) -> Result<
        Int32, AnswerError
    > {
        let range = other.raw[question][Int(code)]
        return other.storage.withUnsafeBufferPointer { stored in
            self.code(question: question, bytes: UnsafeBufferPointer(rebasing: stored[range]))
        }
    }

    private mutating func grow() {
        let old = (slotQuestion, slotStart, slotLength, slotCode)
        let size = slotLength.count * 2
        slotQuestion = [Int32](repeating: 0, count: size)
        slotStart = [Int](repeating: 0, count: size)
        slotLength = [Int32](repeating: -1, count: size)
        slotCode = [Int32](repeating: 0, count: size)
        let mask = size - 1
        storage.withUnsafeBufferPointer { stored in
            for index in old.2.indices where old.2[index] >= 0 {
                let key = UnsafeBufferPointer(
                    rebasing: stored[old.1[index]..<(old.1[index] + Int(old.2[index]))])
                var slot = Self.hash(Int(old.0[index]), key) & mask
                while slotLength[slot] >= 0 { slot = (slot + 1) & mask }
                slotQuestion[slot] = old.0[index]
                slotStart[slot] = old.1[index]
                slotLength[slot] = old.2[index]
                slotCode[slot] = old.3[index]
            }
        }
    }

    /// Reads `raw` with `AnswerParser`; when that fails, as a forms tool writes it (an option's
    /// text or label, `FormCell`). The text kept is the one the sheet holds.
    private mutating func add(question: Int, raw: String) -> Int32 {
        var result = AnswerParser.parse(raw, for: questions[question])
        if case .failure(let error) = result {
            if let canonical = FormCell.canonical(raw, for: questions[question]) {
                result = AnswerParser.parse(canonical, for: questions[question])
            } else if let near = FormCell.nearest(raw, for: questions[question]) {
                result = .failure(
                    AnswerError(
                        "`\(raw.trimmingSpaces)` is not an option (did you mean \"\(near)\"?)",
                        hint: error.hint))
            }
        }
        switch result {
        case .success(let response):
            texts[question].append(raw.trimmingSpaces)
            responses[question].append(response)
            return Int32(texts[question].count - 1)
        case .failure(let error):
            errors.append(error)
            return Int32(-errors.count)
        }
    }
}
