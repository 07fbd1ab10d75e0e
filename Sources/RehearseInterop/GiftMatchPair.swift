/// One pair of a matching question: `=subquestion -> subanswer`.
public struct GiftMatchPair: Sendable, Equatable {
    public var subquestion: GiftText
    public var subanswer: String
    public var feedback: GiftText?

    public init(subquestion: GiftText, subanswer: String, feedback: GiftText? = nil) {
        self.subquestion = subquestion
        self.subanswer = subanswer
        self.feedback = feedback
    }
}
