/// One answer of an answer block: `=right`, `~wrong`, with an optional `%weight%` and `#feedback`.
/// In a numerical block the answer is a number (`number`); a numerical answer without a number
/// (Moodle's "any other answer") has `number == nil` and text `*`.
public struct GiftChoice: Sendable, Equatable {
    /// Written with `=` (or without a marker where GIFT allows it).
    public var isCorrect: Bool
    /// The `%n%` value, in percent (may be negative or decimal); nil when not written.
    public var weight: Double?
    public var text: GiftText
    /// The number of a numerical answer, nil elsewhere.
    public var number: GiftNumber?
    public var feedback: GiftText?

    public init(
        isCorrect: Bool, weight: Double? = nil, text: GiftText, number: GiftNumber? = nil,
        feedback: GiftText? = nil
    ) {
        self.isCorrect = isCorrect
        self.weight = weight
        self.text = text
        self.number = number
        self.feedback = feedback
    }
}
