import Foundation
import RehearseBank
import RehearseCore
import RehearseScoring

/// How a review went, as FSRS rates it.
public enum Rating: Int, Sendable, Codable, Hashable, CaseIterable {
    case again = 1
    case hard
    case good
    case easy

    /// The rating of a scored answer: nothing earned is Again, part of the points Hard, all of
    /// them Good. A quiz cannot tell "easy" from "good", so no answer is rated Easy.
    public static func from(_ score: QuestionScore) -> Rating {
        from(earned: score.earned, max: score.max)
    }

    /// The same rule on bare points, for answers read back from an attempt record.
    public static func from(earned: Double, max: Double) -> Rating {
        guard max > 0, earned > 0 else { return .again }
        return earned + 1e-9 >= max ? .good : .hard
    }
}

/// One review of one question ref: what it was rated and when.
public struct ReviewEvent: Sendable, Hashable {
    public var ref: String
    public var rating: Rating
    public var at: Date

    public init(ref: String, rating: Rating, at: Date) {
        self.ref = ref
        self.rating = rating
        self.at = at
    }
}

/// The FSRS-6 memory state of one question ref. The JSON names are fixed by the spec.
public struct MemoryState: Sendable, Codable, Hashable {
    /// Days until recall probability falls to 90%.
    public var stability: Double
    /// 1 (easy) to 10 (hard).
    public var difficulty: Double
    public var due: Date
    public var lastReview: Date
    /// Reviews so far.
    public var reps: Int
    /// Times the ref was forgotten (rated Again) after its first review.
    public var lapses: Int

    public init(
        stability: Double, difficulty: Double, due: Date, lastReview: Date, reps: Int, lapses: Int
    ) {
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
        self.lastReview = lastReview
        self.reps = reps
        self.lapses = lapses
    }
}

/// The FSRS-6 scheduler as the spec fixes it: the default weights, desired retention 0.9, no
/// learning or relearning steps, no fuzz. With no steps every card is in the review state from
/// its first rating on, so the state is stability, difficulty, the last review and the due time.
/// The formulas and their order of clamping and rounding follow the reference implementation
/// (the Python package `fsrs`), which the stored test vectors check.
public struct FSRS: Sendable {
    /// The 21 default FSRS-6 weights.
    public static let defaultWeights: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]
    public static let minimumStability = 0.001
    /// The largest stability kept, in days (about 27,000 years): far beyond the maximum
    /// interval, so no due date changes, and every formula stays finite.
    public static let maximumStability = 10_000_000.0
    /// The most reviews (and lapses) counted for one ref; counting stops there.
    public static let maximumCount = 1_000_000_000
    public static let secondsPerDay = 86_400.0

    public let weights: [Double]
    public let desiredRetention: Double
    /// The longest interval in days.
    public let maximumInterval: Int
    private let decay: Double
    private let factor: Double

    public init(
        weights: [Double] = FSRS.defaultWeights, desiredRetention: Double = 0.9,
        maximumInterval: Int = 36_500
    ) {
        precondition(weights.count == 21, "FSRS-6 takes 21 weights")
        self.weights = weights
        self.desiredRetention = desiredRetention
        self.maximumInterval = maximumInterval
        decay = -weights[20]
        factor = pow(0.9, 1 / decay) - 1
    }

    /// The state after a review. `state` is nil for a ref never reviewed. Times are used to the
    /// whole second, as the store keeps them.
    public func review(_ state: MemoryState?, rating: Rating, at rawTime: Date) -> MemoryState {
        let time = Self.clampedTime(Self.wholeSecond(rawTime))
        guard let state = state.map(Self.sanitised) else {
            let stability = initialStability(rating)
            let difficulty = clampDifficulty(initialDifficulty(rating))
            return MemoryState(
                stability: stability, difficulty: difficulty, due: due(after: time, stability),
                lastReview: time, reps: 1, lapses: 0)
        }
        let elapsedDays = Self.wholeDays(from: state.lastReview, to: time)
        let stability: Double
        if elapsedDays < 1 {
            stability = shortTermStability(state.stability, rating)
        } else {
            let retrievability = self.retrievability(
                stability: state.stability, elapsedDays: elapsedDays)
            stability = nextStability(
                difficulty: state.difficulty, stability: state.stability,
                retrievability: retrievability, rating: rating)
        }
        let difficulty = nextDifficulty(state.difficulty, rating)
        return MemoryState(
            stability: stability, difficulty: difficulty, due: due(after: time, stability),
            lastReview: time, reps: Swift.min(state.reps, Self.maximumCount - 1) + 1,
            lapses: Swift.min(state.lapses, Self.maximumCount - 1) + (rating == .again ? 1 : 0))
    }

    /// The probability of recall after whole days since the last review.
    public func retrievability(stability: Double, elapsedDays: Int) -> Double {
        pow(1 + factor * Double(Swift.max(0, elapsedDays)) / stability, decay)
    }

    /// The interval in whole days for a stability: rounded half to even, at least 1, at most
    /// the maximum interval.
    public func intervalDays(stability: Double) -> Int {
        let raw = (stability / factor) * (pow(desiredRetention, 1 / decay) - 1)
        let rounded = raw.rounded(.toNearestOrEven)
        guard rounded.isFinite else { return maximumInterval }
        return Int(Self.clamp(rounded, 1, Double(Swift.max(1, maximumInterval))))
    }

    /// The review time plus the interval, never past the latest time the store accepts.
    private func due(after time: Date, _ stability: Double) -> Date {
        Self.clampedTime(
            time.addingTimeInterval(Double(intervalDays(stability: stability)) * Self.secondsPerDay)
        )
    }

    /// A state as the formulas may take it: stability and difficulty finite and in range,
    /// counts not negative. The store refuses files out of these ranges; this keeps a state
    /// made in memory from trapping too.
    static func sanitised(_ state: MemoryState) -> MemoryState {
        var state = state
        state.stability = clamp(state.stability, minimumStability, maximumStability)
        state.difficulty = clamp(state.difficulty, 1, 10)
        state.reps = Swift.max(0, state.reps)
        state.lapses = Swift.max(0, state.lapses)
        state.lastReview = clampedTime(state.lastReview)
        return state
    }

    /// `value` within `low...high`; `low` for NaN.
    static func clamp(_ value: Double, _ low: Double, _ high: Double) -> Double {
        guard !value.isNaN else { return low }
        return Swift.min(Swift.max(value, low), high)
    }

    /// A time within the years 1970-9999 (`RehearseClock`'s range).
    static func clampedTime(_ date: Date) -> Date {
        Swift.min(Swift.max(date, RehearseClock.earliest), RehearseClock.latest)
    }

    private func initialStability(_ rating: Rating) -> Double {
        Swift.max(weights[rating.rawValue - 1], Self.minimumStability)
    }

    private func initialDifficulty(_ rating: Rating) -> Double {
        weights[4] - exp(weights[5] * Double(rating.rawValue - 1)) + 1
    }

    private func clampDifficulty(_ difficulty: Double) -> Double {
        Self.clamp(difficulty, 1, 10)
    }

    private func shortTermStability(_ stability: Double, _ rating: Rating) -> Double {
        var increase =
            exp(weights[17] * (Double(rating.rawValue) - 3 + weights[18]))
            * pow(stability, -weights[19])
        if rating != .again { increase = Swift.max(increase, 1) }
        return Self.clamp(stability * increase, Self.minimumStability, Self.maximumStability)
    }

    private func nextDifficulty(_ difficulty: Double, _ rating: Rating) -> Double {
        let target = initialDifficulty(.easy)
        let delta = -(weights[6] * (Double(rating.rawValue) - 3))
        let damped = difficulty + (10 - difficulty) * delta / 9
        return clampDifficulty(weights[7] * target + (1 - weights[7]) * damped)
    }

    private func nextStability(
        difficulty: Double, stability: Double, retrievability: Double, rating: Rating
    ) -> Double {
        let next: Double
        if rating == .again {
            let longTerm =
                weights[11] * pow(difficulty, -weights[12])
                * (pow(stability + 1, weights[13]) - 1)
                * exp((1 - retrievability) * weights[14])
            let shortTerm = stability / exp(weights[17] * weights[18])
            next = Swift.min(longTerm, shortTerm)
        } else {
            let hardPenalty = rating == .hard ? weights[15] : 1
            let easyBonus = rating == .easy ? weights[16] : 1
            next =
                stability
                * (1 + exp(weights[8]) * (11 - difficulty) * pow(stability, -weights[9])
                    * (exp((1 - retrievability) * weights[10]) - 1) * hardPenalty * easyBonus)
        }
        return Self.clamp(next, Self.minimumStability, Self.maximumStability)
    }

    /// A time cut down to its whole second (the store writes times to the second).
    public static func wholeSecond(_ date: Date) -> Date {
        guard date.timeIntervalSince1970.isFinite else { return date }
        return Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }

    /// Whole days between two times, rounded down (negative when `to` is earlier).
    public static func wholeDays(from start: Date, to end: Date) -> Int {
        let days = (end.timeIntervalSince(start) / secondsPerDay).rounded(.down)
        guard days.isFinite else { return 0 }
        return Int(clamp(days, -10_000_000, 10_000_000))
    }
}
