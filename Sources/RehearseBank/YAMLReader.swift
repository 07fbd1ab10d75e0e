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
            var composer = Composer(bytes: buffer, limits: limits)
            return composer.run()
        }
    }

    public static func read(_ text: String, limits: YAMLLimits = .standard) -> Result<
        YAMLDocument, YAMLProblem
    > {
        read(Array(text.utf8), limits: limits)
    }
}

private struct Composer {
    /// An open list or mapping; mutated in place on the stack so its arrays are never copied.
    struct Frame {
        var isMapping: Bool
        var position: TextPosition
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let limits: YAMLLimits
    var stack: [Frame] = []
    var nodes = 0
    var duplicates: [DuplicateKey] = []
    var root: YAMLNode?
    var documents = 0

    init(bytes: UnsafeBufferPointer<UInt8>, limits: YAMLLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    mutating func run() -> Result<YAMLDocument, YAMLProblem> {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return .failure(problem(.limit, "out of memory", "", TextPosition(line: 1, column: 1)))
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)

        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                return .failure(syntaxProblem(parser))
            }
            defer { yaml_event_delete(&event) }
            let position = TextPosition(
                line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return .success(YAMLDocument(root: root, duplicateKeys: duplicates))
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    return .failure(
                        problem(
                            .syntax, "a second YAML document starts here",
                            "keep one quiz or one scenario per file, without a second `---`",
                            position))
                }
            case YAML_ALIAS_EVENT:
                return .failure(anchorProblem(position))
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                if scalar.anchor != nil { return .failure(anchorProblem(position)) }
                if let failure = countNode(position) { return .failure(failure) }
                let value = String(
                    decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length),
                    as: UTF8.self)
                let style: YAMLScalar.Style
                switch scalar.style {
                case YAML_PLAIN_SCALAR_STYLE: style = .plain
                case YAML_LITERAL_SCALAR_STYLE, YAML_FOLDED_SCALAR_STYLE: style = .block
                default: style = .quoted
                }
                let tag = scalar.tag.map { String(cString: $0) }
                if let failure = add(
                    .scalar(YAMLScalar(value: value, style: style, position: position, tag: tag)))
                {
                    return .failure(failure)
                }
            case YAML_SEQUENCE_START_EVENT:
                if event.data.sequence_start.anchor != nil {
                    return .failure(anchorProblem(position))
                }
                if let failure = open(Frame(isMapping: false, position: position), position) {
                    return .failure(failure)
                }
            case YAML_MAPPING_START_EVENT:
                if event.data.mapping_start.anchor != nil {
                    return .failure(anchorProblem(position))
                }
                if let failure = open(Frame(isMapping: true, position: position), position) {
                    return .failure(failure)
                }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { continue }
                let node: YAMLNode =
                    frame.isMapping
                    ? .mapping(YAMLMapping(pairs: frame.pairs, position: frame.position))
                    : .sequence(YAMLSequence(items: frame.items, position: frame.position))
                if let failure = add(node) { return .failure(failure) }
            default:
                continue
            }
        }
    }

    mutating func countNode(_ position: TextPosition) -> YAMLProblem? {
        nodes += 1
        if nodes > limits.maxNodes {
            return problem(
                .limit, "more than \(limits.maxNodes) YAML nodes in one file",
                "split the file: one quiz or one scenario per file", position)
        }
        return nil
    }

    mutating func open(_ frame: Frame, _ position: TextPosition) -> YAMLProblem? {
        if let failure = countNode(position) { return failure }
        if stack.count >= limits.maxDepth {
            return problem(
                .limit, "nesting deeper than \(limits.maxDepth) levels",
                "no quiz or scenario needs this depth; check the indentation", position)
        }
        stack.append(frame)
        return nil
    }

    /// Adds a finished node to the innermost open collection, or makes it the root.
    mutating func add(_ node: YAMLNode) -> YAMLProblem? {
        let top = stack.count - 1
        guard top >= 0 else {
            root = node
            return nil
        }
        if !stack[top].isMapping {
            stack[top].items.append(node)
        } else if let key = stack[top].pendingKey {
            stack[top].pairs.append(YAMLPair(key: key, value: node))
            stack[top].pendingKey = nil
        } else {
            if case .scalar(let scalar) = node {
                for pair in stack[top].pairs {
                    if case .scalar(let earlier) = pair.key, earlier.value == scalar.value {
                        duplicates.append(
                            DuplicateKey(
                                key: scalar.value, position: scalar.position,
                                firstPosition: earlier.position))
                        break
                    }
                }
            }
            stack[top].pendingKey = node
        }
        return nil
    }

    func problem(
        _ kind: YAMLProblem.Kind, _ message: String, _ hint: String, _ position: TextPosition
    )
        -> YAMLProblem
    {
        YAMLProblem(kind: kind, message: message, hint: hint, position: position)
    }

    func anchorProblem(_ position: TextPosition) -> YAMLProblem {
        problem(
            .anchor, "YAML anchors and aliases (`&name`, `*name`) are not accepted",
            "write the value out in full; banks never need anchors, and aliases can blow up in size",
            position)
    }

    func syntaxProblem(_ parser: yaml_parser_t) -> YAMLProblem {
        let text = parser.problem.map { String(cString: $0) } ?? "YAML syntax error"
        var position: TextPosition
        if parser.error == YAML_READER_ERROR {
            position = UTF8Check.position(ofOffset: Int(parser.problem_offset), in: bytes)
        } else {
            position = TextPosition(
                line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1
            )
        }
        if text.contains("Maximum nesting level") {
            // libyaml's own bound on flow nesting, met while it scans ahead of our depth check.
            return problem(
                .limit, "nesting deeper than \(limits.maxDepth) levels",
                "no quiz or scenario needs this depth; check the brackets", position)
        }
        if let tab = UTF8Check.leadingTab(onLine: position.line, in: bytes) {
            return problem(
                .syntax, "tab character in indentation",
                "YAML indents with spaces only: replace the tab with spaces", tab)
        }
        let source = String(decoding: bytes, as: UTF8.self)
        let contextLine = parser.context == nil ? nil : Int(parser.context_mark.line) + 1
        if let explained = SyntaxDiagnosis.explain(
            text, at: position, contextLine: contextLine, in: source)
        {
            return problem(.syntax, explained.message, explained.hint, explained.position)
        }
        var message = text
        if let context = parser.context.map({ String(cString: $0) }) {
            let line = Int(parser.context_mark.line) + 1
            message += " (\(context) at line \(line))"
            let unclosed =
                text.contains("found unexpected end of stream")
                || text.contains("did not find expected ',' or")
            if (unclosed || text.contains("could not find expected ':'")) && line < position.line {
                // libyaml reports where its search ended (the end of the file, or of a key);
                // the author's mistake is where the quote, bracket or key began.
                position = TextPosition(line: line, column: Int(parser.context_mark.column) + 1)
            }
        }
        return problem(.syntax, message, SyntaxDiagnosis.genericHint(text), position)
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
