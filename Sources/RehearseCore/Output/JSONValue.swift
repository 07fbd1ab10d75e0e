/// A JSON value whose objects keep their keys in the order given, printed deterministically with
/// two-space indentation through ``JSONWriter``. The check reporters and the JSON Schema are
/// built from it.
public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    /// The member `key` of an object, else `null`.
    public subscript(key: String) -> JSONValue {
        guard case .object(let pairs) = self else { return .null }
        return pairs.first { $0.key == key }?.value ?? .null
    }

    /// An object with the members of `other` added (replacing members of the same name).
    public func merging(_ other: JSONValue) -> JSONValue {
        guard case .object(var pairs) = self, case .object(let more) = other else { return self }
        for pair in more {
            if let index = pairs.firstIndex(where: { $0.key == pair.key }) {
                pairs[index].value = pair.value
            } else {
                pairs.append(pair)
            }
        }
        return .object(pairs)
    }

    /// Pretty-printed JSON without a trailing newline. With `inlineWidth`, an array of scalars
    /// that fits within that many columns is written on one line.
    public func rendered(inlineWidth: Int? = nil) -> String {
        var output = JSONWriter()
        write(to: &output, indent: 0, inlineWidth: inlineWidth)
        return output.rendered
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    /// Writes the value through ``JSONWriter``, which escapes its strings and formats its
    /// numbers; `indent` counts the spaces of the current level.
    private func write(to output: inout JSONWriter, indent: Int, inlineWidth: Int?) {
        switch self {
        case .null: output.raw("null")
        case .bool(let flag): output.raw(flag ? "true" : "false")
        case .integer(let number): output.int(number)
        case .number(let number): output.number(number)
        case .string(let text): output.string(text)
        case .array(let items):
            guard !items.isEmpty else { return output.raw("[]") }
            if let inlineWidth, items.allSatisfy(\.isScalar) {
                var line = JSONWriter(capacity: inlineWidth)
                for (index, item) in items.enumerated() {
                    if index > 0 { line.raw(", ") }
                    item.write(to: &line, indent: 0, inlineWidth: nil)
                }
                if line.rendered.count + indent <= inlineWidth {
                    output.raw("[")
                    output.append(line.bytes)
                    output.raw("]")
                    return
                }
            }
            output.raw("[\n")
            for (index, item) in items.enumerated() {
                Self.spaces(indent + 2, to: &output)
                item.write(to: &output, indent: indent + 2, inlineWidth: inlineWidth)
                output.raw(index + 1 < items.count ? ",\n" : "\n")
            }
            Self.spaces(indent, to: &output)
            output.raw("]")
        case .object(let pairs):
            guard !pairs.isEmpty else { return output.raw("{}") }
            output.raw("{\n")
            for (index, pair) in pairs.enumerated() {
                Self.spaces(indent + 2, to: &output)
                output.string(pair.key)
                output.raw(": ")
                pair.value.write(to: &output, indent: indent + 2, inlineWidth: inlineWidth)
                output.raw(index + 1 < pairs.count ? ",\n" : "\n")
            }
            Self.spaces(indent, to: &output)
            output.raw("}")
        }
    }

    private static func spaces(_ count: Int, to output: inout JSONWriter) {
        output.bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }
}

extension JSONValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}

extension JSONValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .integer(value) }
}

extension JSONValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension JSONValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
}

extension JSONValue: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(elements.map { (key: $0.0, value: $0.1) })
    }
}
