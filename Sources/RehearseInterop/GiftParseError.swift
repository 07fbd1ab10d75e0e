/// A GIFT question that could not be read: where (1-based line and column, counted in
/// characters), what is wrong, and how to fix it. The parser skips that question and goes on.
public struct GiftParseError: Error, Sendable, Equatable {
    public var line: Int
    public var column: Int
    public var message: String
    public var hint: String

    public init(line: Int, column: Int, message: String, hint: String) {
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }
}
