/// Colour, symbols and line width for text on a terminal: the one colourer every renderer uses.
/// With `color` off (a pipe, a file, `--no-color`, `NO_COLOR`) every method returns the text
/// unchanged. Lines are wrapped to `width` columns, at most 100 so text stays readable.
public struct TextStyle: Sendable {
    /// An SGR attribute.
    public enum Attribute: String, Sendable {
        case bold = "1"
        case dim = "2"
        case red = "31"
        case green = "32"
        case yellow = "33"
        case cyan = "36"
    }

    /// Whether to colour.
    public var color: Bool
    /// The width text is wrapped to, between 40 and 100 columns.
    public var width: Int

    public init(color: Bool, width: Int = 80) {
        self.color = color
        self.width = Swift.max(40, Swift.min(width, 100))
    }

    /// `text` with `attributes` on and everything off after it (`ESC[1;31m...ESC[0m`); empty text
    /// stays empty.
    public func paint(_ text: String, _ attributes: Attribute...) -> String {
        guard color, !text.isEmpty, !attributes.isEmpty else { return text }
        return "\u{1B}[\(Self.codes(attributes))m\(text)\u{1B}[0m"
    }

    private static func codes(_ attributes: [Attribute]) -> String {
        attributes.map(\.rawValue).joined(separator: ";")
    }

    public func bold(_ text: String) -> String { paint(text, .bold) }
    public func dim(_ text: String) -> String { paint(text, .dim) }
    public func red(_ text: String) -> String { paint(text, .red) }
    public func green(_ text: String) -> String { paint(text, .green) }
    public func yellow(_ text: String) -> String { paint(text, .yellow) }
    public func cyan(_ text: String) -> String { paint(text, .cyan) }

    /// A symbol when colouring, else the word.
    public func mark(_ symbol: String, or word: String) -> String { color ? symbol : word }

    /// A prompt for readline: bold cyan, the colour codes wrapped in `\u{1}`...`\u{2}` so
    /// readline does not count them as width.
    public func prompt(_ text: String) -> String {
        color ? "\u{1}\u{1B}[1;36m\u{2}\(text)\u{1}\u{1B}[0m\u{2}" : text
    }

    /// `text` wrapped at word boundaries to ``width`` columns (colour codes take none): the first
    /// line starts with `first`, the others with `rest` (a hanging indent). Line breaks in the
    /// text are kept; words longer than a line are left whole.
    public func wrap(_ text: String, first: String = "", rest: String? = nil) -> String {
        TextWrap.lines(text, width: width, first: first, rest: rest).joined(separator: "\n")
    }
}
