/// How session text is decorated and wrapped: colour or not, symbols or words, and the line
/// width. The program passes its terminal style; tests pass a plain one.
public protocol SessionStyle: Sendable {
    /// The width lines are wrapped to.
    var width: Int { get }
    /// Bold text.
    func bold(_ text: String) -> String
    /// Dim text, for what matters less.
    func dim(_ text: String) -> String
    /// Green text: right, passed.
    func green(_ text: String) -> String
    /// Red text: wrong, failed, time is up.
    func red(_ text: String) -> String
    /// Yellow text: partly right, cannot read.
    func yellow(_ text: String) -> String
    /// Cyan text: hints and scenario titles.
    func cyan(_ text: String) -> String
    /// A symbol where the style allows it, else the word.
    func mark(_ symbol: String, or word: String) -> String
    /// A prompt as the line reader shows it.
    func prompt(_ text: String) -> String
    /// `text` wrapped at word boundaries: the first line starts with `first`, the others with
    /// `rest` (the width of `first` in spaces when nil).
    func wrapped(_ text: String, first: String, rest: String?) -> String
}
