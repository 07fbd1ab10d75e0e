import Foundation

/// Name-based UUIDs, version 5 (RFC 4122 section 4.3): the same namespace and name always give
/// the same UUID.
public enum UUIDv5 {
    /// RFC 4122's namespace for URLs (`6ba7b811-9dad-11d1-80b4-00c04fd430c8`).
    public static let urlNamespace = UUID(
        uuid: (
            0x6B, 0xA7, 0xB8, 0x11, 0x9D, 0xAD, 0x11, 0xD1, 0x80, 0xB4, 0x00, 0xC0, 0x4F, 0xD4,
            0x30, 0xC8
        ))

    /// RFC 4122's namespace for domain names (`6ba7b810-9dad-11d1-80b4-00c04fd430c8`).
    public static let dnsNamespace = UUID(
        uuid: (
            0x6B, 0xA7, 0xB8, 0x10, 0x9D, 0xAD, 0x11, 0xD1, 0x80, 0xB4, 0x00, 0xC0, 0x4F, 0xD4,
            0x30, 0xC8
        ))

    /// The namespace of every id Rehearse derives: the version 5 UUID of the URL
    /// `urn:rehearse:xapi` in the URL namespace.
    public static let rehearseNamespace = make(namespace: urlNamespace, name: "urn:rehearse:xapi")

    /// The version 5 UUID of `name` (as UTF-8) in `namespace`.
    public static func make(namespace: UUID, name: String) -> UUID {
        var sha = hasher(namespace: namespace)
        sha.update(name.utf8)
        return finish(sha)
    }

    /// A hasher holding `namespace`: feed it the name (or a prefix of names, then copy it for
    /// each name) and `finish` it.
    public static func hasher(namespace: UUID) -> SHA1 {
        var sha = SHA1()
        withUnsafeBytes(of: namespace.uuid) { sha.update($0) }
        return sha
    }

    /// The version 5 UUID of what `sha` was fed (see `hasher(namespace:)`).
    public static func finish(_ sha: SHA1) -> UUID {
        var copy = sha
        let words = copy.finishWords()
        var bytes = (words.0.bigEndian, words.1.bigEndian, words.2.bigEndian, words.3.bigEndian)
        withUnsafeMutableBytes(of: &bytes) { raw in
            raw[6] = raw[6] & 0x0F | 0x50
            raw[8] = raw[8] & 0x3F | 0x80
        }
        return UUID(uuid: unsafeBitCast(bytes, to: uuid_t.self))
    }
}
