import RehearseCore

/// A line and column inside one YAML text (both 1-based).
public struct TextPosition: Sendable, Hashable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// A composed YAML node that keeps the position of every node, keys included.
///
/// Rehearse composes its own small tree from libyaml's event stream (see `YAMLReader`)
/// rather than Yams' `Node`: it has to refuse anchors and aliases before any tree exists,
/// report every duplicate key at the duplicate, and bound nesting and size.
public enum YAMLNode: Sendable {
    case scalar(YAMLScalar)
    case mapping(YAMLMapping)
    case sequence(YAMLSequence)

    public var position: TextPosition {
        switch self {
        case .scalar(let scalar): scalar.position
        case .mapping(let mapping): mapping.position
        case .sequence(let sequence): sequence.position
        }
    }

    /// A word for messages: "a mapping", "a list", "a number", ...
    public var typeDescription: String {
        switch self {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar(let scalar): scalar.typeDescription
        }
    }
}

public struct YAMLScalar: Sendable {
    public enum Style: Sendable { case plain, quoted, block }

    public var value: String
    public var style: Style
    public var position: TextPosition
    /// An explicit tag such as `!!str`, if the author wrote one.
    public var tag: String?

    public init(value: String, style: Style, position: TextPosition, tag: String? = nil) {
        self.value = value
        self.style = style
        self.position = position
        self.tag = tag
    }

    /// True for a plain `null`, `~` or empty scalar (YAML 1.2 core schema).
    public var isNull: Bool {
        guard style == .plain, tag == nil else { return false }
        switch value {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// The boolean of a plain `true` or `false` (YAML 1.2 core schema), else nil.
    public var bool: Bool? {
        guard style == .plain else { return nil }
        switch value {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// The number of a plain numeric scalar (YAML 1.2 core schema, decimal only), else nil.
    public var number: Double? {
        guard style == .plain, !value.isEmpty else { return nil }
        var sawDigit = false
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigit = true
            case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "e"),
                UInt8(ascii: "E"):
                continue
            default: return nil
            }
        }
        guard sawDigit, let number = Double(value), number.isFinite else { return nil }
        return number
    }

    public var typeDescription: String {
        if isNull { return "an empty value" }
        if bool != nil { return "a boolean" }
        if number != nil { return "a number" }
        return "a string"
    }
}

public struct YAMLPair: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode
}

public struct YAMLMapping: Sendable {
    public var pairs: [YAMLPair]
    public var position: TextPosition

    /// The value of the first pair whose key is the scalar `key`.
    public subscript(key: String) -> YAMLNode? {
        // By index, so that only the keys are read, not every pair copied.
        for index in pairs.indices {
            if case .scalar(let scalar) = pairs[index].key, scalar.value == key {
                return pairs[index].value
            }
        }
        return nil
    }
}

public struct YAMLSequence: Sendable {
    public var items: [YAMLNode]
    public var position: TextPosition
}
