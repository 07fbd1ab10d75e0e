/// A quiz made by an import: its id and title, and the questions with their final ids.
public struct ImportedQuiz: Sendable {
    public var id: String
    public var title: String
    public var description: String?
    /// The competency every question trains (GIFT and Moodle XML have none).
    public var competency: String
    /// The questions with their ids, in source order.
    public var questions: [(id: String, question: DraftQuestion)]

    public init(
        id: String, title: String, description: String? = nil, competency: String,
        questions: [(id: String, question: DraftQuestion)]
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.competency = competency
        self.questions = questions
    }
}
