/// The one test of an absolute IRI (RFC 3987): a scheme (a letter, then letters, digits, `+`,
/// `-` or `.`), a colon, and no spaces or characters an IRI cannot hold. Used for the xAPI home,
/// whether it comes from `--xapi-home` or from `rehearse.yaml`.
public enum AbsoluteIRI {
    /// Whether `text` is an absolute IRI.
    public static func isValid(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else { return false }
        let scheme = text[..<colon]
        let schemeIsValid =
            scheme.first?.isASCII == true && scheme.first?.isLetter == true
            && scheme.allSatisfy {
                $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0))
            }
        return schemeIsValid
            && !text.contains(where: { $0.isWhitespace || "<>\"{}|\\^`".contains($0) })
    }
}
