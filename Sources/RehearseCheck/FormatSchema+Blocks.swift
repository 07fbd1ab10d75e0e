import RehearseCore

/// The building blocks every definition of the schema is made of: closed objects, texts, ids,
/// lists and exclusions.
extension FormatSchema {
    /// A closed object: its `properties` are exactly `keys` (from `FormatKeys`), in that order.
    /// A key without an entry in `schemas` gets an empty schema (the tests catch that).
    static func object(
        title: String, description: String, keys: [String], schemas: [String: JSON],
        required: [String], extra: [(key: String, value: JSON)] = []
    ) -> JSON {
        let properties = keys.map { (key: $0, value: schemas[$0] ?? JSON.object([])) }
        var pairs: [(key: String, value: JSON)] = [
            ("title", .string(title)),
            ("description", .string(description)),
            ("type", "object"),
        ]
        if !required.isEmpty { pairs.append(("required", .array(required.map(JSON.string)))) }
        pairs += [("properties", .object(properties)), ("additionalProperties", false)]
        return .object(pairs + extra)
    }

    static let scalarTypes: JSON = ["string", "number", "boolean"]

    /// Text. The loader reads any scalar as text, so a number or `true` is taken as written.
    static func text(_ description: String) -> JSON {
        ["type": scalarTypes, "description": .string(description)]
    }

    /// One text or a list of texts.
    static func texts(_ description: String) -> JSON {
        [
            "type": ["string", "number", "boolean", "array"],
            "items": ["type": scalarTypes],
            "description": .string(description),
        ]
    }

    /// An id. A plain number such as `1` is read as the text `1`, which is a valid id.
    static func id(_ description: String) -> JSON {
        [
            "type": ["string", "integer"],
            "pattern": .string(idPattern),
            "minimum": 0,
            "description": .string(description),
        ]
    }

    /// One id or a list of ids.
    static func ids(_ description: String) -> JSON {
        [
            "type": ["string", "integer", "array"],
            "pattern": .string(idPattern),
            "minimum": 0,
            "items": ["type": ["string", "integer"], "pattern": .string(idPattern), "minimum": 0],
            "description": .string(description),
        ]
    }

    static func names<E: RawRepresentable & CaseIterable>(_ type: E.Type) -> JSON
    where E.RawValue == String {
        .array(type.allCases.map { .string($0.rawValue) })
    }

    static func list(of name: String, minItems: Int, _ description: String) -> JSON {
        [
            "type": "array",
            "minItems": .integer(minItems),
            "items": ref(name),
            "description": .string(description),
        ]
    }

    /// A `dependentSchemas` member saying that each `(key, other)` pair excludes each other.
    static func exclusions(_ pairs: [(key: String, other: String)]) -> (key: String, value: JSON) {
        let schemas = pairs.map { pair -> (key: String, value: JSON) in
            (pair.key, ["not": ["required": .array([.string(pair.other)])]])
        }
        return ("dependentSchemas", .object(schemas))
    }

    static let tagsSchema = texts(
        "Free labels, e.g. for draws (`from: {tags: [...]}`); one or a list.")
}
