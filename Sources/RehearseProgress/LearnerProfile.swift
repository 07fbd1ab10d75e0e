/// What a trainer sets for a learner in the learner's progress file (`"profile"`), optional and
/// absent in files written before it existed.
public struct LearnerProfile: Sendable, Codable, Hashable {
    /// The range a time factor must be in, here and for `take --time-factor`.
    public static let timeFactors: ClosedRange<Double> = 1...4

    /// Stretches the time limit of every exam the learner takes (1.5: half as long again),
    /// unless `take --time-factor` gives another.
    public var timeFactor: Double?

    public init(timeFactor: Double? = nil) {
        self.timeFactor = timeFactor
    }
}
