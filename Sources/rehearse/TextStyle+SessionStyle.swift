import RehearseSession

/// The terminal style is the style of session text.
extension TextStyle: SessionStyle {
    func wrapped(_ text: String, first: String, rest: String?) -> String {
        wrap(text, first: first, rest: rest)
    }
}
