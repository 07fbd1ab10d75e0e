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
        var sha = SHA1()
        withUnsafeBytes(of: namespace.uuid) { sha.update($0) }
        sha.update(name.utf8)
        let digest = sha.finish()
        return UUID(
            uuid: (
                digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                digest[6] & 0x0F | 0x50, digest[7], digest[8] & 0x3F | 0x80, digest[9],
                digest[10], digest[11], digest[12], digest[13], digest[14], digest[15]
            ))
    }
}
