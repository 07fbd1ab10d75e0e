/// Formats a number the way an author wrote it: `2`, not `2.0`.
public func format(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}
