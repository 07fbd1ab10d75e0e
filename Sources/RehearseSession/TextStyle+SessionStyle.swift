import RehearseCore

/// The output kit's terminal style is the style of session text.
extension TextStyle: SessionStyle {
    public func wrapped(_ text: String, first: String, rest: String?) -> String {
        wrap(text, first: first, rest: rest)
    }
}
