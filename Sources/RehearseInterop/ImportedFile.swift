/// One quiz file an import writes: where in the bank, the quiz it holds and its YAML text.
public struct ImportedFile: Sendable {
    /// The path inside the bank: `quizzes/ID.yaml`.
    public var path: String
    /// The quiz of this file (a part of the imported quiz when it is split).
    public var quiz: ImportedQuiz
    /// The file's text.
    public var yaml: String
    /// The YAML nodes in the text (an upper bound of the loader's count).
    public var nodes: Int

    public init(quiz: ImportedQuiz, yaml: String, nodes: Int) {
        self.path = Self.path(of: quiz.id)
        self.quiz = quiz
        self.yaml = yaml
        self.nodes = nodes
    }

    /// `quizzes/ID.yaml`.
    public static func path(of quizID: String) -> String { "quizzes/\(quizID).yaml" }
}
