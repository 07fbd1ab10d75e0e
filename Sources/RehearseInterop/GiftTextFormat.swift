/// The text format a GIFT text declares with a `[html]`, `[markdown]`, `[plain]` or `[moodle]`
/// marker; `moodle` (Moodle's auto-format) when there is none.
public enum GiftTextFormat: String, Sendable, Equatable, CaseIterable {
    case moodle
    case html
    case markdown
    case plain
}
