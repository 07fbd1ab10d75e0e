/// Finds a document type or entity declaration in XML bytes before any parser sees them,
/// skipping comments and CDATA sections (where such text is only text).
enum XMLDeclarationScan {
    /// The 1-based line of the first `<!DOCTYPE` or `<!ENTITY` (any letter case), nil when
    /// there is none.
    static func lineOfDocumentType(in bytes: [UInt8]) -> Int? {
        var index = 0
        var line = 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
            } else if byte == 0x3C, index + 1 < bytes.count, bytes[index + 1] == 0x21 {
                if matches(bytes, at: index, commentOpen) {
                    index = skip(
                        bytes, from: index + commentOpen.count, to: commentClose, line: &line)
                    continue
                }
                if matches(bytes, at: index, cdataOpen) {
                    index = skip(bytes, from: index + cdataOpen.count, to: cdataClose, line: &line)
                    continue
                }
                if matchesIgnoringCase(bytes, at: index, doctype)
                    || matchesIgnoringCase(bytes, at: index, entity)
                {
                    return line
                }
            }
            index += 1
        }
        return nil
    }

    private static let commentOpen = Array("<!--".utf8)
    private static let commentClose = Array("-->".utf8)
    private static let cdataOpen = Array("<![CDATA[".utf8)
    private static let cdataClose = Array("]]>".utf8)
    private static let doctype = Array("<!doctype".utf8)
    private static let entity = Array("<!entity".utf8)

    private static func matches(_ bytes: [UInt8], at index: Int, _ needle: [UInt8]) -> Bool {
        index + needle.count <= bytes.count
            && bytes[index..<(index + needle.count)].elementsEqual(needle)
    }

    private static func matchesIgnoringCase(
        _ bytes: [UInt8], at index: Int, _ needle: [UInt8]
    ) -> Bool {
        index + needle.count <= bytes.count
            && zip(bytes[index..<(index + needle.count)], needle).allSatisfy {
                $0 | 0x20 == $1 | 0x20
            }
    }

    /// The index just after `close`, counting lines on the way (the end when not closed).
    private static func skip(
        _ bytes: [UInt8], from start: Int, to close: [UInt8], line: inout Int
    ) -> Int {
        var index = start
        while index < bytes.count {
            if matches(bytes, at: index, close) { return index + close.count }
            if bytes[index] == 0x0A { line += 1 }
            index += 1
        }
        return index
    }
}
