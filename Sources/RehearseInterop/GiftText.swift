/// A piece of GIFT text (a stem, an answer, a feedback) with its format. `text` has the escapes
/// decoded and runs of whitespace folded to one space; markup is kept as written.
public struct GiftText: Sendable, Equatable {
    public var format: GiftTextFormat
    public var text: String

    public init(format: GiftTextFormat, text: String) {
        self.format = format
        self.text = text
    }

    /// The text as plain text: for `html` and `moodle` (which may hold HTML) tags are stripped
    /// and entities decoded; `markdown` and `plain` are returned as written.
    public var plainText: String {
        switch format {
        case .html, .moodle: return GiftHTML.plainText(text)
        case .markdown, .plain: return text
        }
    }
}
