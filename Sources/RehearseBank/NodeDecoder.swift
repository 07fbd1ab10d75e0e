import RehearseCore

/// Reads typed values out of one file's YAML tree and records a diagnostic, with the node's
/// line and column, for every value that is missing, mistyped or unexpected.
///
/// One mistake, one finding: a required key reported missing is dropped again when the same
/// mapping has an unknown key that is a likely misspelling of it (the unknown-key finding
/// already says "did you mean").
final class NodeDecoder {
    /// A key of one mapping, known by the mapping's position.
    struct KeyInMapping: Hashable {
        var mapping: TextPosition
        var key: String
    }

    let file: String
    private var found: [Diagnostic] = []
    /// Findings of missing keys, with the keys whose presence would have answered them.
    private var missing: [(keys: [KeyInMapping], index: Int)] = []
    /// Keys an unknown key of the mapping was taken for ("did you mean").
    private var suggested: Set<KeyInMapping> = []

    init(file: String) { self.file = file }

    /// Every finding, less the missing keys explained by a misspelt key.
    var diagnostics: [Diagnostic] {
        let explained = Set(
            missing.filter { $0.keys.contains(where: suggested.contains) }.map(\.index))
        return found.indices.filter { !explained.contains($0) }.map { found[$0] }
    }

    func location(_ position: TextPosition) -> SourceLocation {
        SourceLocation(file: file, line: position.line, column: position.column)
    }

    func location(_ node: YAMLNode) -> SourceLocation { location(node.position) }

    func report(_ diagnostic: Diagnostic) { found.append(diagnostic) }

    func report(_ rule: LoadRule, at position: TextPosition, _ message: String, hint: String) {
        found.append(rule.finding(at: location(position), message, hint: hint))
    }

    /// Reports that `mapping` lacks all of `keys`; the finding is dropped when an unknown key
    /// of the mapping is a misspelling of one of them.
    func reportMissing(
        _ rule: LoadRule, keys: [String], in mapping: YAMLMapping, _ message: String, hint: String
    ) {
        missing.append(
            (keys.map { KeyInMapping(mapping: mapping.position, key: $0) }, found.count))
        report(rule, at: mapping.position, message, hint: hint)
    }

    // MARK: Structure

    /// The node as a mapping, or a `wrong-type` finding.
    func mapping(_ node: YAMLNode, what: String) -> YAMLMapping? {
        if case .mapping(let mapping) = node { return mapping }
        report(
            .wrongType, at: node.position,
            "\(what) must be a mapping of keys and values, found \(node.typeDescription)",
            hint: "write it as `key: value` lines indented under its parent")
        return nil
    }

    /// Reports keys that `allowed` does not list (with a suggestion) and keys that are not text.
    /// `elsewhere` explains keys that belong to another kind of object.
    func checkKeys(
        _ mapping: YAMLMapping, allowed: [String], what: String,
        elsewhere: (String) -> String? = { _ in nil }
    ) {
        for index in mapping.pairs.indices {
            let keyNode = mapping.pairs[index].key
            guard case .scalar(let key) = keyNode, key.style != .block else {
                report(
                    .wrongType, at: keyNode.position,
                    "a key of \(what) must be a plain word, found \(keyNode.typeDescription)",
                    hint: "use one of: \(allowed.joined(separator: ", "))")
                continue
            }
            if allowed.contains(key.value) { continue }
            if let note = elsewhere(key.value) {
                report(
                    .unknownKey, at: key.position,
                    "`\(key.value)` is not a key of \(what): \(note)",
                    hint: "remove it, or change the object it belongs to")
                continue
            }
            let suggestion = Suggestion.closest(to: key.value, in: allowed)
            if let suggestion {
                suggested.insert(KeyInMapping(mapping: mapping.position, key: suggestion))
            }
            report(
                .unknownKey, at: key.position,
                "unknown key `\(key.value)` in \(what)"
                    + (suggestion.map { " (did you mean `\($0)`?)" } ?? ""),
                hint: suggestion.map { "rename it to `\($0)`" }
                    ?? "keys of \(what): \(allowed.joined(separator: ", "))")
        }
    }

    /// The key's node, or a `missing-key` finding at the mapping when `required`.
    func value(_ mapping: YAMLMapping, _ key: String, required: Bool, what: String) -> YAMLNode? {
        if let node = mapping[key] {
            if case .scalar(let scalar) = node, scalar.isNull {
                if required {
                    report(
                        .missingKey, at: scalar.position,
                        "`\(key)` of \(what) is empty", hint: "give `\(key)` a value")
                }
                return nil
            }
            return node
        }
        if required {
            reportMissing(
                .missingKey, keys: [key], in: mapping, "\(what) has no `\(key)`",
                hint: "add `\(key):` to \(what)")
        }
        return nil
    }

    // MARK: Scalars

    func string(_ mapping: YAMLMapping, _ key: String, required: Bool = false, what: String)
        -> Located<String>?
    {
        guard let node = value(mapping, key, required: required, what: what) else { return nil }
        return string(node, key: key, what: what)
    }

    func string(_ node: YAMLNode, key: String, what: String) -> Located<String>? {
        guard case .scalar(let scalar) = node else {
            report(
                .wrongType, at: node.position,
                "`\(key)` of \(what) must be text, found \(node.typeDescription)",
                hint: "write the text on the same line as `\(key):`, or as a `|` block")
            return nil
        }
        return Located(scalar.value, at: location(scalar.position))
    }

    func number(_ mapping: YAMLMapping, _ key: String, required: Bool = false, what: String)
        -> Located<Double>?
    {
        guard let node = value(mapping, key, required: required, what: what) else { return nil }
        return number(node, key: key, what: what)
    }

    func number(_ node: YAMLNode, key: String, what: String) -> Located<Double>? {
        guard case .scalar(let scalar) = node, let number = scalar.number else {
            var hint = "write a number such as 2 or 0.5"
            if case .scalar(let scalar) = node, scalar.style == .quoted,
                YAMLScalar(value: scalar.value, style: .plain, position: scalar.position).number
                    != nil
            {
                hint = "remove the quotes around \(scalar.value)"
            }
            report(
                .wrongType, at: node.position,
                "`\(key)` of \(what) must be a number, found \(node.typeDescription)", hint: hint)
            return nil
        }
        return Located(number, at: location(scalar.position))
    }

    /// A whole number; a fraction or a non-number is a `wrong-type` finding.
    func integer(_ mapping: YAMLMapping, _ key: String, required: Bool = false, what: String)
        -> Located<Int>?
    {
        guard let number = number(mapping, key, required: required, what: what) else { return nil }
        guard number.value == number.value.rounded(), abs(number.value) < 1e9 else {
            report(
                .wrongType, at: TextPosition(number.location),
                "`\(key)` of \(what) must be a whole number, found \(number.value)",
                hint: "write a whole number such as 3")
            return nil
        }
        return Located(Int(number.value), at: number.location)
    }

    /// A boolean; reports `wrong-type`, or `invalid-boolean` through `booleanRule` for answers.
    func bool(_ node: YAMLNode, key: String, what: String) -> Located<Bool>? {
        guard case .scalar(let scalar) = node, let value = scalar.bool else {
            var found = node.typeDescription
            var hint = "write true or false"
            if case .scalar(let scalar) = node {
                let lowered = scalar.value.lowercased().trimmingSpaces
                var meant: String?
                if ["yes", "y", "on", "true", "t"].contains(lowered) {
                    meant = "true"
                } else if ["no", "n", "off", "false", "f"].contains(lowered) {
                    meant = "false"
                }
                if scalar.style == .quoted {
                    found = "`\(scalar.value)` in quotes, which YAML reads as text"
                    hint =
                        meant.map { "remove the quotes: write `\(key): \($0)`" }
                        ?? "write true or false, without quotes"
                } else if found == "a string" {
                    found = "`\(scalar.value)`"
                    hint = meant.map { "write \($0) (without quotes)" } ?? hint
                }
            }
            report(
                .invalidBoolean, at: node.position,
                "`\(key)` of \(what) must be true or false, found \(found)", hint: hint)
            return nil
        }
        return Located(value, at: location(scalar.position))
    }

    func scalarText(_ node: YAMLNode) -> String {
        if case .scalar(let scalar) = node { return scalar.value }
        return node.typeDescription
    }

    /// One of an enumeration's raw values, or an `invalid-value` finding with a suggestion.
    func choice<E: RawRepresentable & CaseIterable>(
        _ mapping: YAMLMapping, _ key: String, as type: E.Type, required: Bool = false,
        what: String
    ) -> E? where E.RawValue == String {
        guard let text = string(mapping, key, required: required, what: what) else { return nil }
        if let value = E(rawValue: text.value) { return value }
        let names = E.allCases.map(\.rawValue)
        report(
            .invalidValue, at: TextPosition(text.location),
            "`\(key)` of \(what) cannot be `\(text.value)`"
                + Suggestion.phrase(for: text.value, in: names),
            hint: "use one of: \(names.joined(separator: ", "))")
        return nil
    }

    /// An id: text matching the id pattern (a mismatch is reported but the id is kept, so that
    /// references to it still resolve).
    func id(_ mapping: YAMLMapping, _ key: String = "id", required: Bool = true, what: String)
        -> Located<String>?
    {
        guard let id = string(mapping, key, required: required, what: what) else { return nil }
        checkID(id, what: what)
        return id
    }

    func checkID(_ id: Located<String>, what: String) {
        guard !Identifier.isValid(id.value) else { return }
        report(
            .invalidID, at: TextPosition(id.location),
            "`\(id.value)` is not a valid id for \(what)",
            hint: "use lower-case letters, digits and `-`, starting with a letter or digit"
                + (Identifier.suggestion(for: id.value).map { ", e.g. `\($0)`" } ?? ""))
    }

    // MARK: Lists

    /// The key's list; a single scalar is taken as a one-item list when `allowScalar`.
    func list(
        _ mapping: YAMLMapping, _ key: String, required: Bool = false, what: String,
        allowScalar: Bool = false
    ) -> [YAMLNode]? {
        guard let node = value(mapping, key, required: required, what: what) else { return nil }
        switch node {
        case .sequence(let sequence):
            if sequence.items.isEmpty && required {
                report(
                    .emptyList, at: sequence.position, "`\(key)` of \(what) is empty",
                    hint: "add at least one entry to `\(key)`")
            }
            return sequence.items
        case .scalar where allowScalar:
            return [node]
        default:
            report(
                .wrongType, at: node.position,
                "`\(key)` of \(what) must be a list, found \(node.typeDescription)",
                hint: "write each entry on its own line starting with `- `, or as [a, b]")
            return nil
        }
    }

    func strings(
        _ mapping: YAMLMapping, _ key: String, required: Bool = false, what: String,
        allowScalar: Bool = false
    ) -> [Located<String>] {
        guard
            let items = list(mapping, key, required: required, what: what, allowScalar: allowScalar)
        else { return [] }
        return items.compactMap { string($0, key: key, what: what) }
    }

    /// A list of ids (e.g. competencies), each checked against the id pattern.
    func ids(_ mapping: YAMLMapping, _ key: String, what: String) -> [Located<String>] {
        let values = strings(mapping, key, what: what, allowScalar: true)
        for value in values { checkID(value, what: what) }
        return values
    }
}

extension TextPosition {
    init(_ location: SourceLocation) { self.init(line: location.line, column: location.column) }
}

/// The id pattern of the format: `^[a-z0-9][a-z0-9-]{0,63}$`.
public enum Identifier {
    public static func isValid(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard (1...64).contains(bytes.count) else { return false }
        for (index, byte) in bytes.enumerated() {
            let alphanumeric =
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            if !(alphanumeric || (index > 0 && byte == UInt8(ascii: "-"))) { return false }
        }
        return true
    }

    /// A valid id close to an invalid one: lower-cased, other characters turned into `-`.
    public static func suggestion(for id: String) -> String? {
        var result = ""
        for character in id.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                result.append(character)
            } else if !result.isEmpty && result.last != "-" {
                result.append("-")
            }
        }
        while result.last == "-" { result.removeLast() }
        let trimmed = String(result.prefix(64))
        return isValid(trimmed) && trimmed != id ? trimmed : nil
    }
}
