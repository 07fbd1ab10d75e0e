import RehearseCore

/// Finds control characters and bidirectional overrides in every key and value of a file.
///
/// Bank text is shown on learners' terminals, in browsers and in spreadsheets: a character a
/// terminal would act on (C0 but newline and tab, DEL, C1, U+202A-U+202E, U+2066-U+2069) is a
/// `control-character` finding at the text that holds it, whether it was written raw or as a
/// YAML escape such as `"\e"`.
enum ControlCharacterScan {
    /// Reports every key and value of the tree that holds an unsafe character, unless neither
    /// the file's bytes nor a double-quoted scalar's escapes can have put one there.
    static func report(_ document: YAMLDocument, bytes: [UInt8], _ decoder: NodeDecoder) {
        guard let root = document.root, document.quotedUnsafe || mayHoldUnsafe(bytes) else {
            return
        }
        report(root, decoder)
    }

    /// Whether a character of the (valid UTF-8) bytes is one `TerminalText.isUnsafe` refuses.
    /// Only escapes in double-quoted scalars make characters that are not in the bytes, and
    /// line breaks are folded into newlines and spaces, so a file whose bytes hold none, and
    /// whose double-quoted values hold none, has no unsafe key or value.
    static func mayHoldUnsafe(_ bytes: [UInt8]) -> Bool {
        // The table is read through a local buffer: a global read in the loop would check its
        // one-time initialisation on every byte.
        let table = asciiUnsafe
        return bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                let byte = buffer[index]
                if byte < 0x80 {
                    if table[Int(byte)] { return true }
                    index += 1
                    continue
                }
                var decoder = UTF8()
                var rest = buffer[index...].makeIterator()
                guard case .scalarValue(let scalar) = decoder.decode(&rest) else { return true }
                if TerminalText.isUnsafe(scalar) { return true }
                index += UTF8.width(scalar)
            }
            return false
        }
    }

    /// `TerminalText.isUnsafe` of every ASCII character, by its code.
    private static let asciiUnsafe: [Bool] = (0..<128).map { code in
        TerminalText.isUnsafe(Unicode.Scalar(UInt8(code)))
    }

    static func report(_ root: YAMLNode, _ decoder: NodeDecoder) {
        var pending = [root]
        while let node = pending.popLast() {
            switch node {
            case .scalar(let scalar): check(scalar, decoder)
            case .sequence(let sequence): pending.append(contentsOf: sequence.items.reversed())
            case .mapping(let mapping):
                for pair in mapping.pairs.reversed() {
                    pending.append(pair.value)
                    pending.append(pair.key)
                }
            }
        }
    }

    private static func check(_ scalar: YAMLScalar, _ decoder: NodeDecoder) {
        guard scalar.value.unicodeScalars.contains(where: TerminalText.isUnsafe),
            let found = scalar.value.unicodeScalars.enumerated().first(where: {
                TerminalText.isUnsafe($0.element)
            })
        else { return }
        let code =
            "U+"
            + String(String(found.element.value, radix: 16, uppercase: true))
            .leftPadded(to: 4)
        decoder.report(
            .controlCharacter, at: scalar.position,
            "the text holds the control character \(code) (character \(found.offset + 1) of "
                + "`\(TerminalText.sanitizeLine(String(scalar.value.prefix(40))))`)",
            hint:
                "remove it: control characters and direction overrides would act on the "
                + "learner's terminal instead of being shown")
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
