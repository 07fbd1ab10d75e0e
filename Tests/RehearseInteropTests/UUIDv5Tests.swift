import Foundation
import Testing

@testable import RehearseInterop

/// SHA-1 against FIPS 180 / RFC 3174 vectors, and UUID v5 against known UUIDs.
struct UUIDv5Tests {
    private func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    @Test(arguments: [
        ("", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        ("abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1"
        ),
        (
            String(
                repeating: "0123456701234567012345670123456701234567012345670123456701234567",
                count: 10),
            "dea356a2cddd90c7a7ecedc5ebb563934f460452"
        ),
    ])
    func sha1MatchesTheStandardVectors(message: String, digest: String) {
        #expect(hex(SHA1.hash(Array(message.utf8))) == digest)
    }

    @Test func sha1OfAMillionAs() {
        var sha = SHA1()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { sha.update(chunk) }
        #expect(hex(sha.finish()) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
    }

    /// Messages around the block edge: the length fits after the 0x80 byte (55), or needs a
    /// block of its own (56, 63), and whole blocks (64, 120). Digests from Python's hashlib.
    @Test(arguments: [
        (55, "c1c8bbdc22796e28c0e15163d20899b65621d65a"),
        (56, "c2db330f6083854c99d4b5bfb6e8f29f201be699"),
        (63, "03f09f5b158a7a8cdad920bddc29b81c18a551f5"),
        (64, "0098ba824b5c16427bd7a1122a5a442a25ec644d"),
        (119, "ee971065aaa017e0632a8ca6c77bb3bf8b1dfc56"),
        (120, "f34c1488385346a55709ba056ddd08280dd4c6d6"),
    ])
    func sha1PadsAtTheBlockEdge(count: Int, digest: String) {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: count)
        #expect(hex(SHA1.hash(message)) == digest)
        // Byte by byte, and from a copy taken halfway, the digest is the same.
        var single = SHA1()
        for byte in message[..<(count / 2)] { single.update(byte) }
        var copy = single
        for byte in message[(count / 2)...] { single.update(byte) }
        copy.update(message[(count / 2)...])
        #expect(hex(single.finish()) == digest)
        #expect(hex(copy.finish()) == digest)
    }

    @Test func sha1IsTheSameInPieces() {
        let message = Array("The quick brown fox jumps over the lazy dog".utf8)
        var sha = SHA1()
        sha.update(message[..<7])
        sha.update(message[7...])
        #expect(hex(sha.finish()) == "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12")
    }

    @Test func version5UUIDsMatchKnownOnes() {
        // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"), "www.example.com";
        // uuid.uuid5(uuid.NAMESPACE_URL, "urn:rehearse:xapi").
        #expect(
            UUIDv5.make(namespace: UUIDv5.dnsNamespace, name: "python.org").uuidString.lowercased()
                == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
        #expect(
            UUIDv5.make(namespace: UUIDv5.dnsNamespace, name: "www.example.com").uuidString
                .lowercased() == "2ed6657d-e927-568b-95e1-2665a8aea6a2")
        #expect(
            UUIDv5.rehearseNamespace.uuidString.lowercased()
                == "155440dd-fbf4-5a9b-949e-9a5ba073b5a7")
    }
}
