import Foundation

/// What `XMLParser`'s error codes (libxml2's) mean, in words.
enum XMLErrorText {
    /// A short description of `error`, e.g. "an end tag does not match its start tag".
    static func describe(_ error: any Error) -> String {
        let code = (error as NSError).code
        return known[code] ?? "error \(code) of the XML parser"
    }

    private static let known: [Int: String] = [
        4: "the file is empty",
        5: "the file ends before its elements are closed",
        9: "a character that XML does not allow",
        26: "an undefined entity (&name;)",
        38: "'<' inside an attribute value",
        39: "an attribute value without quotes",
        40: "an attribute value that is not closed",
        41: "an attribute without a value",
        42: "an attribute given twice",
        63: "a CDATA section that is not closed",
        68: "a tag without a name",
        73: "a tag that is not closed with '>'",
        74: "an end tag that is not written '</name>'",
        76: "an end tag that does not match its start tag",
        77: "an element that is never closed",
        80: "two hyphens (--) inside a comment",
        86: "text after the end of the root element",
    ]
}
