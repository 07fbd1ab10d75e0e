import RehearseBank
import RehearseCore
import RehearseScoring

/// Every rule `rehearse check` knows, in the order the docs list them.
public enum RuleRegistry {
    public static let all: [any Rule.Type] = [
        YAMLSyntaxRule.self, InvalidEncodingRule.self, InputLimitRule.self, YAMLAnchorRule.self,
        DuplicateKeyRule.self, ControlCharacterRule.self, UnknownKeyRule.self, WrongTypeRule.self,
        MissingKeyRule.self,
        EmptyListRule.self, InvalidIDRule.self, InvalidValueRule.self, InvalidBooleanRule.self,
        MissingAnswerRule.self, DuplicateIDRule.self, DuplicateOptionRule.self,
        UnknownReferenceRule.self, BranchCycleRule.self, UnreachableStepRule.self,
        WeakerAnswerPaysMoreRule.self,
        NoCorrectOptionRule.self, NoFullCreditRule.self, ScoreExceedsPointsRule.self,
        RatingOutOfScaleRule.self, InvalidRegexRule.self, SlowPatternRule.self,
        PassMarkRangeRule.self,
        PassMarkFractionRule.self,
        DrawTooLargeRule.self, UnknownCompetencyRule.self, NoCompetencyRule.self,
        IDFileMismatchRule.self, TimeLimitPracticeRule.self,
    ]

    public static let descriptions: [RuleDescription] = all.map { $0.description }

    public static func description(of id: String) -> RuleDescription? {
        descriptions.first { $0.id == id }
    }
}
