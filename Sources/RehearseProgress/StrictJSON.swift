import RehearseCore

/// A JSON document read strictly (RFC 8259): a key given twice in one object, a nesting deeper
/// than ``maximumDepth``, bytes after the value or malformed text are refused with the place
/// named. Numbers keep their text, so a value out of any Swift type's range is still reported as
/// written. The progress store reads every file through it before decoding.
public enum StrictJSON: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number as written (`-5`, `1e308`).
    case number(String)
    case string(String)
    case array([StrictJSON])
    /// Members in the order written.
    case object([Member])

    /// One member of an object.
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: StrictJSON

        public init(key: String, value: StrictJSON) {
            self.key = key
            self.value = value
        }
    }

    /// How deep arrays and objects may nest.
    public static let maximumDepth = 256

    /// Why a document was refused: the reason and the line and column (from 1) where it was
    /// found.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        public var reason: String
        public var line: Int
        public var column: Int
        public var description: String { "\(reason) at line \(line), column \(column)" }
    }

    /// The document in `bytes`, or why it is refused.
    public static func parse(_ bytes: [UInt8]) throws(Failure) -> StrictJSON {
        var parser = StrictJSONParser(bytes: bytes)
        return try parser.document()
    }

    /// The member `key` of an object, nil when absent or not an object.
    public subscript(key: String) -> StrictJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The members of an object (empty for other values).
    public var members: [Member] {
        if case .object(let members) = self { return members }
        return []
    }

    /// The elements of an array (empty for other values).
    public var elements: [StrictJSON] {
        if case .array(let elements) = self { return elements }
        return []
    }

    /// The text of a string value.
    public var text: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The document written as pretty-printed JSON in the style of Foundation's encoder: two
    /// spaces of indentation, `" : "` between a key and its value, keys sorted (by their UTF-8
    /// bytes), an empty line inside an empty list or object.
    public func rendered() -> String {
        var writer = JSONWriter()
        write(to: &writer, indent: 0)
        return writer.rendered
    }

    private func spaces(_ count: Int) -> String { String(repeating: " ", count: count) }

    private func write(to output: inout JSONWriter, indent: Int) {
        switch self {
        case .null: output.raw("null")
        case .bool(let flag): output.raw(flag ? "true" : "false")
        case .number(let text): output.text(text)
        case .string(let text): output.string(text)
        case .array(let elements):
            // An empty list or object as Foundation's encoder writes it: an empty line inside.
            guard !elements.isEmpty else { return output.text("[\n\n" + spaces(indent) + "]") }
            output.raw("[\n")
            for (index, element) in elements.enumerated() {
                output.text(String(repeating: " ", count: indent + 2))
                element.write(to: &output, indent: indent + 2)
                output.raw(index + 1 < elements.count ? ",\n" : "\n")
            }
            output.text(String(repeating: " ", count: indent))
            output.raw("]")
        case .object(let members):
            guard !members.isEmpty else { return output.text("{\n\n" + spaces(indent) + "}") }
            output.raw("{\n")
            let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (index, member) in sorted.enumerated() {
                output.text(String(repeating: " ", count: indent + 2))
                output.string(member.key)
                output.raw(" : ")
                member.value.write(to: &output, indent: indent + 2)
                output.raw(index + 1 < sorted.count ? ",\n" : "\n")
            }
            output.text(String(repeating: " ", count: indent))
            output.raw("}")
        }
    }
}
