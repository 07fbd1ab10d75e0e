/// HTML text of GIFT (and Moodle XML) questions as plain text.
public enum GiftHTML {
    /// The text with tags (and `<script>`/`<style>` contents and comments) removed, entities
    /// decoded, line-breaking tags (`<br>`, `<p>`, `<li>`...) turned into spaces, and runs of
    /// whitespace folded to one space. A `<` that does not open a tag stays text (`a < b`).
    public static func plainText(_ html: String) -> String {
        if isPlain(html) { return html }
        var scanner = GiftHTMLScanner(html)
        return scanner.plainText()
    }

    /// Whether `html` is its own plain text: no tag or entity, no whitespace but single
    /// spaces between words.
    static func isPlain(_ html: String) -> Bool {
        var previousIsSpace = true
        for scalar in html.unicodeScalars {
            if scalar == "<" || scalar == "&" { return false }
            let isSpace = GiftHTMLScanner.isWhitespace(scalar)
            if isSpace && (scalar != " " || previousIsSpace) { return false }
            previousIsSpace = isSpace
        }
        return !previousIsSpace || html.isEmpty
    }

    /// The `src` of every image, audio, video, embedded object or frame in the HTML, in order
    /// (an importer reports them: plain text cannot carry them).
    public static func mediaSources(in html: String) -> [String] {
        var scanner = GiftHTMLScanner(html)
        return scanner.mediaSources()
    }

    /// The character of an entity name (`amp`, `#233`, `#xE9`), nil when unknown or invalid.
    static func character(ofEntity name: Substring) -> String? {
        if name.first == "#" {
            let digits = name.dropFirst()
            let isHex = digits.first == "x" || digits.first == "X"
            let number = isHex ? digits.dropFirst() : digits
            guard !number.isEmpty, number.count <= 8,
                let value = UInt32(number, radix: isHex ? 16 : 10), value != 0,
                let scalar = Unicode.Scalar(value)
            else { return nil }
            return String(Character(scalar))
        }
        return namedEntities[String(name)]
    }

    private static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
        "ensp": " ", "emsp": " ", "thinsp": " ", "shy": "", "zwj": "", "zwnj": "",
        "copy": "\u{A9}", "reg": "\u{AE}", "trade": "\u{2122}", "deg": "\u{B0}",
        "hellip": "\u{2026}", "mdash": "\u{2014}", "ndash": "\u{2013}", "bull": "\u{2022}",
        "middot": "\u{B7}", "lsquo": "\u{2018}", "rsquo": "\u{2019}", "sbquo": "\u{201A}",
        "ldquo": "\u{201C}", "rdquo": "\u{201D}", "bdquo": "\u{201E}", "laquo": "\u{AB}",
        "raquo": "\u{BB}", "euro": "\u{20AC}", "pound": "\u{A3}", "yen": "\u{A5}",
        "cent": "\u{A2}", "sect": "\u{A7}", "para": "\u{B6}", "times": "\u{D7}",
        "divide": "\u{F7}", "plusmn": "\u{B1}", "minus": "\u{2212}", "le": "\u{2264}",
        "ge": "\u{2265}", "ne": "\u{2260}", "asymp": "\u{2248}", "infin": "\u{221E}",
        "frac12": "\u{BD}", "frac14": "\u{BC}", "frac34": "\u{BE}", "sup2": "\u{B2}",
        "sup3": "\u{B3}", "micro": "\u{B5}", "iexcl": "\u{A1}", "iquest": "\u{BF}",
        "agrave": "\u{E0}", "aacute": "\u{E1}", "acirc": "\u{E2}", "atilde": "\u{E3}",
        "auml": "\u{E4}", "aring": "\u{E5}", "aelig": "\u{E6}", "ccedil": "\u{E7}",
        "egrave": "\u{E8}", "eacute": "\u{E9}", "ecirc": "\u{EA}", "euml": "\u{EB}",
        "igrave": "\u{EC}", "iacute": "\u{ED}", "icirc": "\u{EE}", "iuml": "\u{EF}",
        "ntilde": "\u{F1}", "ograve": "\u{F2}", "oacute": "\u{F3}", "ocirc": "\u{F4}",
        "otilde": "\u{F5}", "ouml": "\u{F6}", "oslash": "\u{F8}", "ugrave": "\u{F9}",
        "uacute": "\u{FA}", "ucirc": "\u{FB}", "uuml": "\u{FC}", "yacute": "\u{FD}",
        "yuml": "\u{FF}", "szlig": "\u{DF}", "oelig": "\u{153}", "Agrave": "\u{C0}",
        "Aacute": "\u{C1}", "Acirc": "\u{C2}", "Auml": "\u{C4}", "Aring": "\u{C5}",
        "Ccedil": "\u{C7}", "Egrave": "\u{C8}", "Eacute": "\u{C9}", "Ecirc": "\u{CA}",
        "Iacute": "\u{CD}", "Ntilde": "\u{D1}", "Oacute": "\u{D3}", "Ouml": "\u{D6}",
        "Uacute": "\u{DA}", "Uuml": "\u{DC}",
    ]
}
