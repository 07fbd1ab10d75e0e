/// A JSON value whose objects keep their keys in the order given, printed deterministically with
/// two-space indentation. The check reporters and the JSON Schema are built from it.
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
        var output = ""
        write(to: &output, indent: "", inlineWidth: inlineWidth)
        return output
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    private func write(to output: inout String, indent: String, inlineWidth: Int?) {
        switch self {
        case .null:
            output += "null"
        case .bool(let flag):
            output += flag ? "true" : "false"
        case .integer(let number):
            output += String(number)
        case .number(let number):
            if number == number.rounded() && abs(number) < 1e15 {
                output += String(Int(number))
            } else {
                output += "\(number)"
            }
        case .string(let text):
            Self.writeString(text, to: &output)
        case .array(let items):
            guard !items.isEmpty else {
                output += "[]"
                return
            }
            if let inlineWidth, items.allSatisfy(\.isScalar) {
                var line = ""
                for (index, item) in items.enumerated() {
                    if index > 0 { line += ", " }
                    item.write(to: &line, indent: "", inlineWidth: nil)
                }
                if line.count + indent.count <= inlineWidth {
                    output += "[" + line + "]"
                    return
                }
            }
            let inner = indent + "  "
            output += "[\n"
            for (index, item) in items.enumerated() {
                output += inner
                item.write(to: &output, indent: inner, inlineWidth: inlineWidth)
                output += index + 1 < items.count ? ",\n" : "\n"
            }
            output += indent + "]"
        case .object(let pairs):
            guard !pairs.isEmpty else {
                output += "{}"
                return
            }
            let inner = indent + "  "
            output += "{\n"
            for (index, pair) in pairs.enumerated() {
                output += inner
                Self.writeString(pair.key, to: &output)
                output += ": "
                pair.value.write(to: &output, indent: inner, inlineWidth: inlineWidth)
                output += index + 1 < pairs.count ? ",\n" : "\n"
            }
            output += indent + "}"
        }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped; everything else,
    /// non-ASCII included, written as is (the output is UTF-8).
    private static func writeString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: false)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
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
