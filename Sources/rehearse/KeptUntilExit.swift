/// Values a command leaves to the end of the process instead of freeing them. Freeing a whole
/// bank's questions one by one (hundreds of thousands of strings and arrays) costs tens of
/// milliseconds at the end of a command that is otherwise done; the process's exit gives the
/// memory back at once. Only for what a command holds until it returns, never in a loop.
enum KeptUntilExit {
    /// A reference that is never released.
    private final class Holder {
        let value: Any

        init(_ value: Any) {
            self.value = value
        }
    }

    /// Keeps `value` (and everything it refers to) until the process ends.
    static func keep(_ value: Any) {
        _ = Unmanaged.passRetained(Holder(value))
    }
}
