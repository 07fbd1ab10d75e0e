/// A remark of an import about one source question: where it stands and what happened.
public struct ImportFinding: Sendable, Equatable {
    /// The source file as given on the command line.
    public var file: String
    /// 1-based line of the question (0 when the remark is about the whole file).
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`.
    public var description: String {
        line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
    }
}
