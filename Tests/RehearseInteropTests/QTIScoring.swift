import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A small interpreter of the QTI response processing the exporter writes (conditions, outcome
/// values, mappings, `match`, `equal`, `index`, comparisons, `sum`), so tests can score a
/// response with the exported item and compare with Rehearse's own scorer.
struct QTIScoring {
    enum Value: Equatable {
        case null
        case text(String)
        case number(Double)
        case bool(Bool)
        case list([String])
    }

    let root: XMLElement
    private var variables: [String: Value] = [:]

    init(item xml: String) throws {
        let document = try XMLDocument(xmlString: xml, options: [])
        root = try #require(document.rootElement())
    }

    /// The SCORE the item gives `responses` (response identifier -> value).
    mutating func score(_ responses: [String: Value]) -> Double {
        variables = responses
        for declaration in children(root, "qti-outcome-declaration") {
            let name = attribute(declaration, "identifier") ?? ""
            let value = children(declaration, "qti-default-value").first
                .flatMap { children($0, "qti-value").first?.stringValue }
            variables[name] = value.flatMap(Double.init).map(Value.number) ?? .null
        }
        for rule in children(root, "qti-response-processing").flatMap({ elements($0) }) {
            run(rule)
        }
        if case .number(let score) = variables["SCORE"] { return score }
        return 0
    }

    private mutating func run(_ rule: XMLElement) {
        switch rule.name {
        case "qti-response-condition":
            for branch in elements(rule) {
                let parts = elements(branch)
                if branch.name == "qti-response-else" {
                    for part in parts { run(part) }
                    return
                }
                if let condition = parts.first, evaluate(condition) == .bool(true) {
                    for part in parts.dropFirst() { run(part) }
                    return
                }
            }
        case "qti-set-outcome-value":
            let name = attribute(rule, "identifier") ?? ""
            variables[name] = elements(rule).first.map { evaluate($0) } ?? .null
        default:
            Issue.record("unknown rule \(rule.name ?? "")")
        }
    }

    private func evaluate(_ expression: XMLElement) -> Value {
        let parts = elements(expression).map { evaluate($0) }
        let identifier = attribute(expression, "identifier") ?? ""
        switch expression.name {
        case "qti-variable": return variables[identifier] ?? .null
        case "qti-base-value":
            let text = expression.stringValue ?? ""
            let type = attribute(expression, "base-type")
            return type == "identifier" ? .text(text) : Double(text).map(Value.number) ?? .null
        case "qti-correct": return correct(identifier)
        case "qti-is-null": return .bool(parts.first == .null || parts.first == .list([]))
        case "qti-not":
            if case .bool(let value) = parts.first { return .bool(!value) }
            return .null
        case "qti-and": return .bool(parts.allSatisfy { $0 == .bool(true) })
        case "qti-match":
            guard parts.count == 2, parts[0] != .null, parts[1] != .null else { return .null }
            return .bool(parts[0] == parts[1])
        case "qti-index":
            let n = Int(attribute(expression, "n") ?? "") ?? 0
            guard case .list(let values) = parts.first, n >= 1, n <= values.count else {
                return .null
            }
            return .text(values[n - 1])
        case "qti-sum": return .number(parts.reduce(0) { $0 + number($1) })
        case "qti-gt", "qti-lt", "qti-gte", "qti-lte":
            guard parts.count == 2, parts[0] != .null, parts[1] != .null else { return .null }
            let (a, b) = (number(parts[0]), number(parts[1]))
            switch expression.name {
            case "qti-gt": return .bool(a > b)
            case "qti-lt": return .bool(a < b)
            case "qti-gte": return .bool(a >= b)
            default: return .bool(a <= b)
            }
        case "qti-equal":
            guard parts.count == 2, parts[0] != .null else { return .null }
            let tolerance =
                attribute(expression, "tolerance")?
                .split(separator: " ").compactMap { Double($0) } ?? []
            let slack = tolerance.first ?? 0
            return .bool(abs(number(parts[0]) - number(parts[1])) <= slack)
        case "qti-map-response": return mapResponse(identifier)
        default:
            Issue.record("unknown expression \(expression.name ?? "")")
            return .null
        }
    }

    private func number(_ value: Value) -> Double {
        if case .number(let number) = value { return number }
        return 0
    }

    private func declaration(_ identifier: String) -> XMLElement? {
        children(root, "qti-response-declaration").first {
            attribute($0, "identifier") == identifier
        }
    }

    private func correct(_ identifier: String) -> Value {
        let response = declaration(identifier).flatMap {
            children($0, "qti-correct-response").first
        }
        let values = response.map { children($0, "qti-value").compactMap(\.stringValue) } ?? []
        let cardinality = declaration(identifier).flatMap { attribute($0, "cardinality") }
        if cardinality == "single" { return values.first.map(Value.text) ?? .null }
        return .list(cardinality == "multiple" ? values.sorted() : values)
    }

    private func mapResponse(_ identifier: String) -> Value {
        guard let mapping = declaration(identifier).flatMap({ children($0, "qti-mapping").first })
        else { return .null }
        var entries: [(key: String, value: Double, caseSensitive: Bool)] = []
        for entry in children(mapping, "qti-map-entry") {
            entries.append(
                (
                    attribute(entry, "map-key") ?? "",
                    Double(attribute(entry, "mapped-value") ?? "") ?? 0,
                    attribute(entry, "case-sensitive") != "false"
                ))
        }
        let fallback = Double(attribute(mapping, "default-value") ?? "") ?? 0
        func mapped(_ key: String) -> Double {
            let found = entries.first {
                $0.caseSensitive ? $0.key == key : $0.key.lowercased() == key.lowercased()
            }
            return found?.value ?? fallback
        }
        var total: Double
        switch variables[identifier] ?? .null {
        case .text(let key): total = mapped(key)
        case .list(let keys): total = Set(keys).reduce(0) { $0 + mapped($1) }
        default: return .null
        }
        if let lower = attribute(mapping, "lower-bound").flatMap(Double.init) {
            total = max(lower, total)
        }
        if let upper = attribute(mapping, "upper-bound").flatMap(Double.init) {
            total = min(upper, total)
        }
        return .number(total)
    }

    /// An attribute's value (FoundationXML on Linux does not find attributes by name in a
    /// document with a default namespace, so they are looked up by hand).
    private func attribute(_ element: XMLElement, _ name: String) -> String? {
        (element.attributes ?? []).first { $0.name == name }?.stringValue
    }

    private func elements(_ element: XMLElement) -> [XMLElement] {
        (element.children ?? []).compactMap { $0 as? XMLElement }
    }

    private func children(_ element: XMLElement, _ name: String) -> [XMLElement] {
        elements(element).filter { $0.name == name }
    }
}
