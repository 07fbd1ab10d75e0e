import Foundation

/// Encodes a value into a `StrictJSON` tree, whose `rendered()` text is the store's file: the
/// bytes `ProgressTime.encoder()` writes (pretty-printed, keys sorted, dates by
/// `ProgressTime.format`, doubles as `JSONEncoder` writes them; a seeded test compares the two),
/// made without Foundation's encoder, which cost most of the time of writing a cohort. One
/// difference is kept on purpose: DEL, U+2028 and U+2029 in a string are written escaped, as
/// the output kit's `JSONWriter` writes every string; any JSON reader reads the same text.
///
/// The `Codable` conformances stay the one description of the file: this is another way of
/// running them, not a second writer of the format.
struct StrictJSONEncoder {
    /// Why a value cannot be encoded (a non-finite number, as `JSONEncoder` refuses it).
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The file's bytes for `value`, as `ProgressTime.encoder().encode(value)` writes them.
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let node = TreeNode()
        try TreeEncoder(node: node, codingPath: []).put(value)
        return Data(node.json.rendered().utf8)
    }
}

/// A value being built; containers add to it in place.
private final class TreeNode {
    var scalar: StrictJSON?
    var members: [String: TreeNode]?
    var items: [TreeNode]?

    var json: StrictJSON {
        if let scalar { return scalar }
        if let items { return .array(items.map(\.json)) }
        return .object(
            (members ?? [:]).map { StrictJSON.Member(key: $0.key, value: $0.value.json) })
    }
}

private struct TreeEncoder: Encoder {
    let node: TreeNode
    var codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.members == nil { node.members = [:] }
        return KeyedEncodingContainer(KeyedTree<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if node.items == nil { node.items = [] }
        return UnkeyedTree(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> SingleValueEncodingContainer {
        SingleTree(encoder: self)
    }

    /// Encodes a value into this node: dates and doubles as the store writes them, the rest by
    /// their own `encode(to:)`.
    func put<T: Encodable>(_ value: T) throws {
        switch value {
        case let date as Date: node.scalar = .string(ProgressTime.format(date))
        case let number as Double: node.scalar = .number(try Self.text(number, at: codingPath))
        case let text as String: node.scalar = .string(text)
        case let flag as Bool: node.scalar = .bool(flag)
        case let number as any BinaryInteger: node.scalar = .number("\(number)")
        default: try value.encode(to: self)
        }
    }

    /// A double as `JSONEncoder` writes it: its shortest form without a trailing `.0`.
    static func text(_ number: Double, at path: [CodingKey]) throws -> String {
        guard number.isFinite else {
            throw StrictJSONEncoder.Failure(
                description:
                    "a number that is not finite at \(path.map(\.stringValue).joined(separator: "."))"
            )
        }
        let text = number.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}

private struct KeyedTree<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: TreeNode
    var codingPath: [CodingKey]

    private func child(_ key: Key) -> TreeEncoder {
        let child = TreeNode()
        node.members?[key.stringValue] = child
        return TreeEncoder(node: child, codingPath: codingPath + [key])
    }

    mutating func encodeNil(forKey key: Key) throws { child(key).node.scalar = .null }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try child(key).put(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        child(key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        child(key).unkeyedContainer()
    }

    mutating func superEncoder() -> Encoder {
        Key(stringValue: "super").map(child)
            ?? TreeEncoder(node: TreeNode(), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> Encoder { child(key) }
}

private struct UnkeyedTree: UnkeyedEncodingContainer {
    let node: TreeNode
    var codingPath: [CodingKey]
    var count: Int { node.items?.count ?? 0 }

    private struct Index: CodingKey {
        var intValue: Int?
        var stringValue: String { "\(intValue ?? 0)" }
        init(intValue: Int) { self.intValue = intValue }
        init?(stringValue: String) { nil }
    }

    private func next() -> TreeEncoder {
        let child = TreeNode()
        let path = codingPath + [Index(intValue: count)]
        node.items?.append(child)
        return TreeEncoder(node: child, codingPath: path)
    }

    mutating func encodeNil() throws { next().node.scalar = .null }

    mutating func encode<T: Encodable>(_ value: T) throws { try next().put(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        next().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        next().unkeyedContainer()
    }

    mutating func superEncoder() -> Encoder { next() }
}

private struct SingleTree: SingleValueEncodingContainer {
    let encoder: TreeEncoder
    var codingPath: [CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.node.scalar = .null }

    mutating func encode<T: Encodable>(_ value: T) throws { try encoder.put(value) }
}
