import CYaml
import RehearseCore

/// Composes libyaml's event stream into a `YAMLNode` tree (see `YAMLReader`): refuses anchors,
/// aliases and a second document at their event, bounds the node count and the depth as the
/// events stream in, and notes duplicate keys at the duplicate. Iterative: the open
/// collections are frames over one flat stack of finished nodes.
struct YAMLComposer: ~Copyable {
    /// An open list or mapping: its children are the nodes of `children` from `start` on.
    struct Frame {
        var isMapping: Bool
        var position: TextPosition
        var start: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let limits: YAMLLimits
    var stack: [Frame] = []
    var children = YAMLNodeStack()
    var nodes = 0
    var duplicates: [DuplicateKey] = []
    var root: YAMLNode?
    var documents = 0
    /// Whether a double-quoted scalar's value holds a character `TerminalText.isUnsafe` refuses
    /// (its escapes can make one that the file's bytes do not show).
    var quotedUnsafe = false

    init(bytes: UnsafeBufferPointer<UInt8>, limits: YAMLLimits) {
        self.bytes = bytes
        self.limits = limits
        stack.reserveCapacity(limits.maxDepth)
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
                return .success(
                    YAMLDocument(root: root, duplicateKeys: duplicates, quotedUnsafe: quotedUnsafe))
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
                case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
                    style = .quoted
                    if !quotedUnsafe {
                        quotedUnsafe = value.unicodeScalars.contains(where: TerminalText.isUnsafe)
                    }
                default: style = .quoted
                }
                let tag = scalar.tag.map { String(cString: $0) }
                add(.scalar(YAMLScalar(value: value, style: style, position: position, tag: tag)))
            case YAML_SEQUENCE_START_EVENT:
                if event.data.sequence_start.anchor != nil {
                    return .failure(anchorProblem(position))
                }
                if let failure = open(isMapping: false, position) { return .failure(failure) }
            case YAML_MAPPING_START_EVENT:
                if event.data.mapping_start.anchor != nil {
                    return .failure(anchorProblem(position))
                }
                if let failure = open(isMapping: true, position) { return .failure(failure) }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { continue }
                let node: YAMLNode =
                    frame.isMapping
                    ? .mapping(
                        YAMLMapping(
                            pairs: children.popPairs(from: frame.start), position: frame.position))
                    : .sequence(
                        YAMLSequence(
                            items: children.popItems(from: frame.start), position: frame.position))
                add(node)
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

    mutating func open(isMapping: Bool, _ position: TextPosition) -> YAMLProblem? {
        if let failure = countNode(position) { return failure }
        if stack.count >= limits.maxDepth {
            return problem(
                .limit, "nesting deeper than \(limits.maxDepth) levels",
                "no quiz or scenario needs this depth; check the indentation", position)
        }
        stack.append(Frame(isMapping: isMapping, position: position, start: children.count))
        return nil
    }

    /// Adds a finished node to the innermost open collection, or makes it the root. A scalar
    /// key equal to an earlier key of its mapping is noted as a duplicate of the first one.
    mutating func add(_ node: consuming YAMLNode) {
        guard let top = stack.last else {
            root = node
            return
        }
        if top.isMapping, (children.count - top.start) % 2 == 0, case .scalar(let key) = node {
            var index = top.start
            while index < children.count {
                if case .scalar(let earlier) = children[index], earlier.value == key.value {
                    duplicates.append(
                        DuplicateKey(
                            key: key.value, position: key.position,
                            firstPosition: earlier.position))
                    break
                }
                index += 2
            }
        }
        children.push(node)
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
