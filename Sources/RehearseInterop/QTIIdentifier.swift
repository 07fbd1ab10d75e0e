/// Identifiers of a QTI package: XML NCNames, made from Rehearse ids deterministically.
///
/// An id that starts with an ASCII letter and holds only ASCII letters, digits and hyphens is
/// kept as it is. Any other id becomes `id_` followed by the id with every byte other than an
/// ASCII letter, digit or hyphen written as `_` and two hex digits (`1st` -> `id_1st`,
/// `a/b.c` -> `id_a_2Fb_2Ec`, `_` -> `id__5F`). A kept id has no `_` and a mapped one always
/// has, and the escape is reversible, so two different ids never map to the same identifier.
enum QTIIdentifier {
    /// The identifier for `id`.
    static func make(_ id: String) -> String {
        let bytes = Array(id.utf8)
        if let first = bytes.first, isLetter(first), bytes.allSatisfy(isKept) { return id }
        var out = Array("id_".utf8)
        out.reserveCapacity(bytes.count + 3)
        let digits = Array("0123456789ABCDEF".utf8)
        for byte in bytes {
            if isKept(byte) {
                out.append(byte)
            } else {
                out += [0x5F, digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `text` is an identifier `make` could give: a non-empty XML NCName of ASCII
    /// letters, digits, `-`, `_` and `.` that starts with a letter or `_`.
    static func isNCName(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, isLetter(first) || first == 0x5F else { return false }
        return bytes.allSatisfy { isKept($0) || $0 == 0x5F || $0 == 0x2E }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func isKept(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
    }
}

/// Identifiers unique within one scope (the manifest's resources, a test's sections): the
/// first claim of an identifier gets it as it is, later ones get `-2`, `-3`... in claim order,
/// so the same package always gets the same identifiers.
struct QTIIdentifiers {
    private var used: Set<String> = []

    /// A unique identifier made from `id` (see `QTIIdentifier.make`).
    mutating func claim(_ id: String) -> String {
        let base = QTIIdentifier.make(id)
        var candidate = base
        var counter = 2
        while !used.insert(candidate).inserted {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        return candidate
    }
}
