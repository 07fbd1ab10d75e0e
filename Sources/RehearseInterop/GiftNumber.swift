/// A numerical answer: `#x`, `#x:tolerance` or `#low..high`.
public enum GiftNumber: Sendable, Equatable {
    /// `#x`: exactly x.
    case simple(Double)
    /// `#x:t`: any value within t of x.
    case range(answer: Double, tolerance: Double)
    /// `#low..high`: any value from low to high.
    case highLow(low: Double, high: Double)
}
