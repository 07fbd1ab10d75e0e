import Foundation
import RehearseCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The questions of a Moodle XML file, in file order (categories included).
public struct MoodleParseResult: Sendable, Equatable {
    public var questions: [MoodleQuestion]

    public init(questions: [MoodleQuestion] = []) {
        self.questions = questions
    }
}

/// Reads Moodle XML (`<quiz><question type="...">...`) with Foundation's `XMLParser`. A file
/// with a document type declaration is refused before parsing (no entity can be defined, so
/// none can expand or be fetched); broken XML is an error at its line.
public enum MoodleXMLReader {
    /// Parses the bytes of a Moodle XML file.
    public static func parse(bytes: [UInt8]) throws(ImportFileError) -> MoodleParseResult {
        switch XMLDeclarationScan.firstFinding(in: bytes) {
        case .documentType(let line):
            throw ImportFileError(
                line: line,
                message:
                    "the XML declares a document type (<!DOCTYPE> or <!ENTITY>), which Moodle XML "
                    + "never needs; it is refused so that no entity can expand or be fetched")
        case .processingInstruction(let line):
            throw ImportFileError(
                line: line,
                message:
                    "a processing instruction (<?...?>) other than the XML declaration at the "
                    + "start, which Moodle XML never holds; remove it")
        case nil: break
        }
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        let collector = MoodleXMLCollector()
        parser.delegate = collector
        let finished = parser.parse()
        if let problem = collector.problem { throw problem }
        guard finished else {
            throw ImportFileError(
                line: max(1, parser.lineNumber),
                message: "broken XML"
                    + (parser.parserError.map { ": " + XMLErrorText.describe($0) } ?? ""))
        }
        guard collector.sawRoot else {
            throw ImportFileError(line: 1, message: "not a Moodle XML file: no <quiz> element")
        }
        return MoodleParseResult(questions: collector.questions)
    }
}

/// The `XMLParser` delegate behind `MoodleXMLReader`: keeps the element path and fills one
/// question at a time.
final class MoodleXMLCollector: NSObject, XMLParserDelegate {
    var questions: [MoodleQuestion] = []
    var problem: ImportFileError?
    var sawRoot = false
    private var path: [String] = []
    private var buffer = ""
    private var question: MoodleQuestion?
    private var answer: MoodleAnswer?
    /// The characters directly inside the open `<answer>` (an older numerical answer holds its
    /// value there rather than in `<text>`).
    private var answerOwnText = ""
    private var unit = MoodleUnit(name: "", multiplier: 1)
    /// The `format` attribute of the open text containers, by element name.
    private var formats: [String: String] = [:]

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        if path.isEmpty {
            guard name == "quiz" else {
                problem = ImportFileError(
                    line: parser.lineNumber,
                    message: "not a Moodle XML file: the root element is <\(name)>, not <quiz>")
                parser.abortParsing()
                return
            }
            sawRoot = true
        }
        path.append(name)
        buffer = ""
        if let format = attributes["format"] { formats[name] = format }
        switch name {
        case "question" where path.count == 2:
            question = MoodleQuestion(type: attributes["type"] ?? "", line: parser.lineNumber)
        case "answer" where question != nil && parent == "question":
            answer = MoodleAnswer(
                fraction: attributes["fraction"].flatMap(Self.number) ?? 0,
                text: MoodleText(text: "", format: attributes["format"] ?? "html"))
            answerOwnText = ""
        case "unit":
            unit = MoodleUnit(name: "", multiplier: 1)
        case "file":
            if let file = attributes["name"] { question?.files.append(file) }
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        guard problem == nil else { return }
        problem = ImportFileError(
            line: max(1, parser.lineNumber),
            message: "broken XML: " + XMLErrorText.describe(parseError))
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        buffer += string
        if answer != nil && path.last == "answer" { answerOwnText += string }
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        let text = String(decoding: block, as: UTF8.self)
        buffer += text
        if answer != nil && path.last == "answer" { answerOwnText += text }
    }

    func parser(
        _ parser: XMLParser, didEndElement name: String, namespaceURI: String?,
        qualifiedName: String?
    ) {
        let value = buffer
        buffer = ""
        if question != nil { take(name, value) }
        if name == "question" && path.count == 2, let done = question {
            questions.append(done)
            question = nil
        }
        path.removeLast()
    }

    /// The element around the current one.
    private var parent: String? { path.count >= 2 ? path[path.count - 2] : nil }

    private func take(_ name: String, _ value: String) {
        if name == "text", let container = parent {
            takeText(value, in: container)
            return
        }
        // Most elements ending here (`question`, `answer`...) need no trimmed copy of what is
        // between their children.
        var trimmed: String { value.trimmingSpaces }
        switch (name, parent) {
        case ("answer", "question"):
            // Moodle still reads an answer written outside `<text>` (older numerical answers).
            if var answer {
                let own = answerOwnText.trimmingSpaces
                if answer.text.text.trimmingSpaces.isEmpty && !own.isEmpty {
                    answer.text.text = own
                }
                question?.answers.append(answer)
            }
            answer = nil
            answerOwnText = ""
        case ("tolerance", "answer"):
            answer?.tolerance = Self.number(trimmed)
        case ("defaultgrade", "question"):
            question?.defaultGrade = Self.number(trimmed)
        case ("idnumber", "question"):
            question?.idNumber = trimmed.isEmpty ? nil : trimmed
        case ("single", "question"):
            question?.single = !["false", "0"].contains(trimmed.lowercased())
        case ("usecase", "question"):
            question?.caseSensitive = !["", "false", "0"].contains(trimmed.lowercased())
        case ("image", "question"):
            // Moodle 1.9's image field (its data follows in `<image_base64>`).
            if !trimmed.isEmpty { question?.files.append(trimmed) }
        case ("gradingtype", "question"):
            question?.gradingType = trimmed
        case ("unit_name", "unit"):
            unit.name = trimmed
        case ("multiplier", "unit"):
            unit.multiplier = Self.number(trimmed) ?? 1
        case ("unit", "units"):
            if !unit.name.isEmpty { question?.units.append(unit) }
        default:
            break
        }
    }

    /// A `<text>` inside `container` (the element around it).
    private func takeText(_ value: String, in container: String) {
        let grandparent = path.count >= 3 ? path[path.count - 3] : nil
        let text = MoodleText(text: value, format: formats[container] ?? "html")
        switch (container, grandparent) {
        case ("name", "question"): question?.name = value.trimmingSpaces
        case ("questiontext", "question"): question?.text = text
        case ("generalfeedback", "question"): question?.generalFeedback = text
        case ("graderinfo", "question"): question?.graderInfo = text
        case ("hint", "question"): question?.hints.append(text)
        case ("tag", _): question?.tags.append(value.trimmingSpaces)
        case ("category", "question"): question?.category = value.trimmingSpaces
        case ("answer", "question"):
            answer?.text.text = value
        case ("feedback", "answer"): answer?.feedback = text
        default: break
        }
    }

    /// A number as Moodle writes it (`100`, `33.33333`, `-50`, `1,5`); nil when not finite.
    static func number(_ text: String) -> Double? {
        let trimmed = text.trimmingSpaces
        let cleaned =
            trimmed.utf8.contains(0x2C)
            ? trimmed.replacingOccurrences(of: ",", with: ".") : trimmed
        guard let value = Double(cleaned), value.isFinite else { return nil }
        return value
    }
}
