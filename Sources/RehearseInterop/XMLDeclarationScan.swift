/// Finds what Moodle XML never holds and the parser must not see, before any parser sees the
/// bytes: a document type or entity declaration, or a processing instruction other than the
/// XML declaration at the start (Foundation's parser crashes on one without data, such as
/// `<?x?>`). Comments and CDATA sections are skipped (such text in them is only text).
enum XMLDeclarationScan {
    /// What was found.
    enum Finding: Equatable {
        case documentType(line: Int)
        case processingInstruction(line: Int)
    }

    /// The first document type, entity declaration or processing instruction, nil when there
    /// is none.
    static func firstFinding(in bytes: [UInt8]) -> Finding? {
        var index = 0
        var line = 1
        let start = matches(bytes, at: 0, byteOrderMark) ? byteOrderMark.count : 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
            } else if byte == 0x3C, index + 1 < bytes.count, bytes[index + 1] == 0x3F {
                let declaration =
                    index == start && matches(bytes, at: index, xmlDeclaration)
                    && index + xmlDeclaration.count < bytes.count
                    && [0x20, 0x09, 0x0D, 0x0A].contains(bytes[index + xmlDeclaration.count])
                if !declaration { return .processingInstruction(line: line) }
                index = skip(bytes, from: index + 2, to: piClose, line: &line)
                continue
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
                    return .documentType(line: line)
                }
            }
            index += 1
        }
        return nil
    }

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    private static let xmlDeclaration = Array("<?xml".utf8)
    private static let piClose = Array("?>".utf8)
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
