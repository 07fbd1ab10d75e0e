/// Learner ids: validated before any path is built from them.
public enum LearnerID {
    /// The id as stored: lower-cased and checked against `^[a-z0-9][a-z0-9._@+-]{0,127}$`,
    /// so an e-mail address serves. Anything else (`../x`, `/x`, empty, too long) is refused.
    public static func normalise(_ raw: String) -> Result<String, LearnerIDError> {
        let id = raw.trimmingSpaces.lowercased()
        let bytes = Array(id.utf8)
        guard (1...128).contains(bytes.count) else {
            return .failure(
                LearnerIDError(
                    id: raw,
                    reason: bytes.isEmpty
                        ? "the learner id is empty" : "the learner id is longer than 128 characters"
                ))
        }
        for (index, byte) in bytes.enumerated() {
            let alphanumeric =
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            let punctuation = index > 0 && Array("._@+-".utf8).contains(byte)
            guard alphanumeric || punctuation else {
                return .failure(
                    LearnerIDError(
                        id: raw,
                        reason:
                            "learner ids use letters, digits and . _ @ + - (starting with a letter or digit)"
                    ))
            }
        }
        return .success(id)
    }
}

public struct LearnerIDError: Error, Sendable, Hashable, CustomStringConvertible {
    public var id: String
    public var reason: String
    public var description: String {
        let shown = id.count > 140 ? String(id.prefix(140)) + "…" : id
        return "invalid learner id `\(TerminalText.sanitizeLine(shown))`: \(reason)"
    }
}
