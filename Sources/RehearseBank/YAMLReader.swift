import CYaml
import RehearseCore

/// Limits that keep untrusted YAML cheap to read: every hostile file is refused quickly and
/// with bounded memory.
public struct YAMLLimits: Sendable, Hashable {
    /// Largest file accepted, in bytes.
    public var maxBytes: Int
    /// Most nodes (scalars, lists, mappings) in one file.
    public var maxNodes: Int
    /// Deepest nesting of lists and mappings.
    public var maxDepth: Int

    public init(maxBytes: Int = 1 << 20, maxNodes: Int = 100_000, maxDepth: Int = 32) {
        self.maxBytes = maxBytes
        self.maxNodes = maxNodes
        self.maxDepth = maxDepth
    }

    public static let standard = YAMLLimits()
}

/// Why a YAML text could not be read at all.
public struct YAMLProblem: Error, Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case syntax, encoding, limit, anchor
    }

    public var kind: Kind
    public var message: String
    public var hint: String
    public var position: TextPosition
}

/// A duplicate key: the position of the repeated key and of the first one.
public struct DuplicateKey: Sendable, Hashable {
    public var key: String
    public var position: TextPosition
    public var firstPosition: TextPosition
}

/// The result of reading one YAML file.
public struct YAMLDocument: Sendable {
    /// The single document's root, nil for an empty file.
    public var root: YAMLNode?
    public var duplicateKeys: [DuplicateKey]
    /// Whether a double-quoted scalar's value holds a control character or a direction
    /// override (which its escapes can make without the bytes showing one).
    var quotedUnsafe = false
}

/// Reads YAML bytes into a `YAMLNode` tree with libyaml's event parser (the copy Yams bundles).
///
/// Safety comes first: bytes are checked as UTF-8 before parsing, anchors and aliases are refused
/// on the first event that carries one (so no alias is ever expanded), and the node count and the
/// nesting depth are bounded while the events stream in. The composer is iterative.
public enum YAMLReader {
    public static func read(_ bytes: [UInt8], limits: YAMLLimits = .standard) -> Result<
        YAMLDocument, YAMLProblem
    > {
        if bytes.count > limits.maxBytes {
            return .failure(
                YAMLProblem(
                    kind: .limit,
                    message:
                        "file is \(bytes.count) bytes, over the limit of \(limits.maxBytes) bytes",
                    hint: "split the file: one quiz or one scenario per file",
                    position: TextPosition(line: 1, column: 1)))
        }
        if let bad = UTF8Check.firstInvalidOffset(in: bytes) {
            return .failure(
                YAMLProblem(
                    kind: .encoding,
                    message:
                        "invalid UTF-8 byte 0x\(String(bytes[bad], radix: 16, uppercase: true))",
                    hint: "save the file as UTF-8",
                    position: UTF8Check.position(ofOffset: bad, in: bytes)))
        }
        return bytes.withUnsafeBufferPointer { buffer in
            var composer = YAMLComposer(bytes: buffer, limits: limits)
            return composer.run()
        }
    }

    public static func read(_ text: String, limits: YAMLLimits = .standard) -> Result<
        YAMLDocument, YAMLProblem
    > {
        read(Array(text.utf8), limits: limits)
    }
}

/// UTF-8 validation and byte-offset to line/column conversion.
enum UTF8Check {
    /// The offset of the first byte that is not part of valid UTF-8, or nil.
    static func firstInvalidOffset(in bytes: [UInt8]) -> Int? {
        UTF8Validation.firstInvalidOffset(in: bytes)
    }

    /// The 1-based line and column (in Unicode scalars) of a byte offset.
    static func position<C: RandomAccessCollection>(ofOffset offset: Int, in bytes: C)
        -> TextPosition
    where C.Element == UInt8, C.Index == Int {
        var line = 1
        var column = 1
        var index = bytes.startIndex
        let end = min(bytes.startIndex + offset, bytes.endIndex)
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return TextPosition(line: line, column: column)
    }

    /// The position of a tab among the leading white space of a line, if there is one.
    static func leadingTab<C: RandomAccessCollection>(onLine target: Int, in bytes: C)
        -> TextPosition?
    where C.Element == UInt8, C.Index == Int {
        var line = 1
        var index = bytes.startIndex
        while index < bytes.endIndex && line < target {
            if bytes[index] == UInt8(ascii: "\n") { line += 1 }
            index += 1
        }
        var column = 1
        while index < bytes.endIndex {
            switch bytes[index] {
            case UInt8(ascii: "\t"): return TextPosition(line: target, column: column)
            case UInt8(ascii: " "), UInt8(ascii: "-"): column += 1
            default: return nil
            }
            index += 1
        }
        return nil
    }
}
