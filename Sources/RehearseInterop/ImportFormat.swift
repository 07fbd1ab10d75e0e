/// The formats `rehearse import` reads, told apart by content.
public enum ImportFormat: String, Sendable, CaseIterable {
    case gift = "GIFT"
    case moodleXML = "Moodle XML"

    /// Moodle XML when the first character after a byte order mark and whitespace is `<`,
    /// else GIFT.
    public static func detect(_ bytes: [UInt8]) -> ImportFormat {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        return index < bytes.count && bytes[index] == 0x3C ? .moodleXML : .gift
    }
}
