import Foundation

/// Decodes a value from a `StrictJSON` tree: the store parses every file strictly (and
/// range-checks it) before decoding, and decoding that tree again from the bytes with
/// Foundation's decoder cost most of the time of reading a file. Dates are read by
/// `ProgressTime.parseInternet` (what `ProgressTime.decoder()` reads); numbers by Swift's own
/// parsers, an integer only when the number is exactly one. Errors are `DecodingError`s with
/// their coding path, as Foundation's are.
///
/// The `Codable` conformances stay the one description of the file: this runs them on a tree
/// already read, it is not a second reader of the format.
enum StrictJSONDecoder {
    static func decode<T: Decodable>(_ type: T.Type, from value: StrictJSON) throws -> T {
        try TreeDecoder(value: value, codingPath: []).take(type)
    }
}

struct TreeDecoder: Decoder {
    let value: StrictJSON
    var codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else {
            throw mismatch([String: StrictJSON].self, "an object")
        }
        return KeyedDecodingContainer(KeyedTree<Key>(members: members, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard case .array(let elements) = value else {
            throw mismatch([StrictJSON].self, "a list")
        }
        return UnkeyedTree(elements: elements, codingPath: codingPath)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer {
        SingleTree(decoder: self)
    }

    func mismatch(_ type: Any.Type, _ what: String) -> DecodingError {
        DecodingError.typeMismatch(
            type, .init(codingPath: codingPath, debugDescription: "Expected \(what)."))
    }

    func corrupted(_ what: String) -> DecodingError {
        DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: what))
    }

    /// The value as `type`: dates, numbers, strings and booleans read here, the rest by their
    /// own `init(from:)`.
    func take<T: Decodable>(_ type: T.Type) throws -> T {
        if value == .null, !(T.self is ExpressibleByNilLiteral.Type) {
            throw DecodingError.valueNotFound(
                type, .init(codingPath: codingPath, debugDescription: "Found null."))
        }
        if T.self == Date.self {
            guard case .string(let text) = value else { throw mismatch(type, "a date") }
            guard let date = ProgressTime.parseInternet(text) as? T else {
                throw corrupted("Expected date string to be ISO8601-formatted.")
            }
            return date
        }
        if T.self == String.self, let result = try string() as? T { return result }
        if T.self == Bool.self {
            guard case .bool(let flag) = value, let result = flag as? T else {
                throw mismatch(type, "a boolean")
            }
            return result
        }
        if T.self == Double.self, let result = try double() as? T { return result }
        if let fast = HotTypes.decode(type, from: value) { return fast }
        if let integer = T.self as? any FixedWidthInteger.Type {
            guard case .number(let text) = value else { throw mismatch(type, "a number") }
            guard let result = Self.integer(text, as: integer) as? T else {
                throw corrupted("The number \(text) does not fit in \(T.self).")
            }
            return result
        }
        return try T(from: self)
    }

    func string() throws -> String {
        guard case .string(let text) = value else {
            throw value == .null
                ? DecodingError.valueNotFound(
                    String.self, .init(codingPath: codingPath, debugDescription: "Found null."))
                : mismatch(String.self, "a string")
        }
        return text
    }

    func double() throws -> Double {
        guard case .number(let text) = value else {
            throw value == .null
                ? DecodingError.valueNotFound(
                    Double.self, .init(codingPath: codingPath, debugDescription: "Found null."))
                : mismatch(Double.self, "a number")
        }
        guard let number = Double(text), number.isFinite else {
            throw corrupted("The number \(text) does not fit in Double.")
        }
        return number
    }

    /// A number's text as an integer type, when it is exactly a whole number of that type.
    static func integer<I: FixedWidthInteger>(_ text: String, as type: I.Type) -> I? {
        if let exact = I(text) { return exact }
        guard let number = Double(text), number.isFinite, number == number.rounded(.towardZero)
        else { return nil }
        return I(exactly: number)
    }
}

private struct KeyedTree<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [StrictJSON.Member]
    /// The members by key, for a large object (a small one is searched in order: cheaper than
    /// hashing every key).
    let byKey: [String: StrictJSON]?
    var codingPath: [CodingKey]

    init(members: [StrictJSON.Member], codingPath: [CodingKey]) {
        self.members = members
        self.codingPath = codingPath
        if members.count > 16 {
            var byKey: [String: StrictJSON] = [:]
            byKey.reserveCapacity(members.count)
            for member in members { byKey[member.key] = member.value }
            self.byKey = byKey
        } else {
            byKey = nil
        }
    }

    var allKeys: [Key] { members.compactMap { Key(stringValue: $0.key) } }

    private func value(_ key: Key) -> StrictJSON? {
        let name = key.stringValue
        if let byKey { return byKey[name] }
        for member in members where member.key == name { return member.value }
        return nil
    }

    func contains(_ key: Key) -> Bool { value(key) != nil }

    private func child(_ key: Key) throws -> TreeDecoder {
        guard let value = value(key) else {
            throw DecodingError.keyNotFound(
                key,
                .init(
                    codingPath: codingPath,
                    debugDescription: "No value associated with key \(key.stringValue)."))
        }
        return TreeDecoder(value: value, codingPath: codingPath + [key])
    }

    func decodeNil(forKey key: Key) throws -> Bool { try child(key).value == .null }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try child(key).take(type)
    }

    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        try child(key).string()
    }

    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        try child(key).double()
    }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let found = value(key), found != .null else { return nil }
        return try TreeDecoder(value: found, codingPath: codingPath + [key]).string()
    }

    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        guard let found = value(key), found != .null else { return nil }
        return try TreeDecoder(value: found, codingPath: codingPath + [key]).double()
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let found = value(key), found != .null else { return nil }
        return try TreeDecoder(value: found, codingPath: codingPath + [key]).take(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key)
        throws -> KeyedDecodingContainer<NestedKey>
    {
        try child(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        try child(key).unkeyedContainer()
    }

    func superDecoder() throws -> Decoder {
        guard let key = Key(stringValue: "super") else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: codingPath, debugDescription: "No super key."))
        }
        return try child(key)
    }

    func superDecoder(forKey key: Key) throws -> Decoder { try child(key) }
}

private struct UnkeyedTree: UnkeyedDecodingContainer {
    let elements: [StrictJSON]
    var codingPath: [CodingKey]
    var currentIndex = 0

    init(elements: [StrictJSON], codingPath: [CodingKey]) {
        self.elements = elements
        self.codingPath = codingPath
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    private struct Index: CodingKey {
        var intValue: Int?
        var stringValue: String { "\(intValue ?? 0)" }
        init(intValue: Int) { self.intValue = intValue }
        init?(stringValue: String) { nil }
    }

    private mutating func next(_ type: Any.Type) throws -> TreeDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                type,
                .init(codingPath: codingPath, debugDescription: "Unkeyed container is at end."))
        }
        defer { currentIndex += 1 }
        return TreeDecoder(
            value: elements[currentIndex], codingPath: codingPath + [Index(intValue: currentIndex)])
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, elements[currentIndex] == .null else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(type).take(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try next(type).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        try next([StrictJSON].self).unkeyedContainer()
    }

    mutating func superDecoder() throws -> Decoder { try next(StrictJSON.self) }
}

private struct SingleTree: SingleValueDecodingContainer {
    let decoder: TreeDecoder
    var codingPath: [CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.value == .null }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.take(type) }
}
