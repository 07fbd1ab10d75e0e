/// Why a whole source file cannot be imported (too large, not UTF-8, not GIFT or Moodle XML,
/// broken XML, a DTD): the message, and the line it concerns (0 for the whole file).
public struct ImportFileError: Error, Sendable, Equatable {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
}
