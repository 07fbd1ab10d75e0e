import Foundation

/// Ids of imported questions, options and items: valid, unique within their scope, taken from
/// the source where it has a valid one, else a slug of a title, else numbered.
public struct ImportIDs: Sendable {
    private var used: Set<String> = []

    /// The longest valid id.
    public static let maxLength = 64

    public init() {}

    /// Whether `text` is a valid id: `^[a-z0-9][a-z0-9-]{0,63}$`.
    public static func isValid(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let first = bytes.first, bytes.count <= maxLength, isLowerAlphanumeric(first)
            else { return false }
            return bytes.allSatisfy { isLowerAlphanumeric($0) || $0 == 0x2D }
        }
    }

    /// A valid id made from `text`: ASCII letters and digits lower-cased (accents dropped),
    /// every other run of characters a hyphen, cut at a word boundary to at most `limit`
    /// characters; nil when nothing is left.
    public static func slug(_ text: String, limit: Int = maxLength) -> String? {
        var out: [UInt8] = []
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            guard let byte = foldedASCII(scalar) else {
                pendingHyphen = !out.isEmpty
                continue
            }
            if pendingHyphen {
                out.append(0x2D)
                pendingHyphen = false
            }
            out.append(byte)
            if out.count > limit { break }
        }
        if out.count > limit {
            let cut = out[..<limit].lastIndex(of: 0x2D) ?? limit
            out = Array(out[..<(cut > 0 ? cut : limit)])
        }
        while out.last == 0x2D { out.removeLast() }
        return out.isEmpty ? nil : String(decoding: out, as: UTF8.self)
    }

    /// The first of `candidates` that is a valid id not taken yet, else `fallback` (numbered
    /// further with `-2`, `-3`... when taken); the id returned is taken from now on.
    public mutating func claim(_ candidates: [String?], fallback: String) -> String {
        for case let candidate? in candidates where take(candidate) { return candidate }
        return numbered(fallback)
    }

    /// `claim([candidate], fallback:)`, without making a list (an export claims one name per
    /// question: tens of thousands).
    public mutating func claim(_ candidate: String?, fallback: String) -> String {
        if let candidate, take(candidate) { return candidate }
        return numbered(fallback)
    }

    /// Room for `count` ids, claimed without growing the set on the way.
    public mutating func reserve(_ count: Int) {
        used.reserveCapacity(count)
    }

    /// Takes `candidate` when it is a valid id not taken yet.
    private mutating func take(_ candidate: String) -> Bool {
        Self.isValid(candidate) && used.insert(candidate).inserted
    }

    /// `fallback`, numbered further with `-2`, `-3`... when taken; taken from now on.
    private mutating func numbered(_ fallback: String) -> String {
        var id = fallback
        var counter = 2
        while used.contains(id) {
            let suffix = "-\(counter)"
            id = String(fallback.prefix(Self.maxLength - suffix.count)) + suffix
            counter += 1
        }
        used.insert(id)
        return id
    }

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }

    /// An ASCII letter (lower-cased) or digit for the scalar, with common Latin accents
    /// dropped (`é` -> `e`); nil for anything else.
    private static func foldedASCII(_ scalar: Unicode.Scalar) -> UInt8? {
        if scalar.isASCII {
            let byte = UInt8(scalar.value)
            if byte >= 0x41 && byte <= 0x5A { return byte | 0x20 }
            return isLowerAlphanumeric(byte) ? byte : nil
        }
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping
        guard let base = decomposed.unicodeScalars.first, base.isASCII, base != scalar else {
            return nil
        }
        return foldedASCII(base)
    }
}
