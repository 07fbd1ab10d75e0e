import RehearseCore

/// Finds control characters and bidirectional overrides in every key and value of a file.
///
/// Bank text is shown on learners' terminals, in browsers and in spreadsheets: a character a
/// terminal would act on (C0 but newline and tab, DEL, C1, U+202A-U+202E, U+2066-U+2069) is a
/// `control-character` finding at the text that holds it, whether it was written raw or as a
/// YAML escape such as `"\e"`.
enum ControlCharacterScan {
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
        guard
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
