import Foundation
import RehearseTestSupport

@testable import RehearseBank
@testable import RehearseCore
@testable import RehearseGrading
@testable import RehearseProgress
@testable import RehearseScoring

/// The sample bank and small sheets for grading tests.
enum GradingFixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The bundled sample bank (the repository root).
    static let sampleBank: Bank = {
        guard let loaded = try? BankCatalog.load(root: packageRoot.path) else {
            preconditionFailure("the sample bank does not load")
        }
        return loaded.bank
    }()

    static func fixture(_ name: String) -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            preconditionFailure("missing fixture \(name)")
        }
        return [UInt8](data)
    }

    /// Reads sheets given as (name, text) and returns the reader and its cohort.
    static func read(
        _ sheets: [(String, [UInt8])], bank: Bank = sampleBank,
        options: SheetOptions = SheetOptions()
    ) throws -> (SheetReader, Cohort) {
        let reader = SheetReader(bank: bank, options: options)
        for (name, bytes) in sheets { try reader.read(file: name, bytes: bytes) }
        return (reader, try reader.cohort())
    }

    static func grade(
        _ text: String, bank: Bank = sampleBank, options: SheetOptions = SheetOptions()
    ) throws -> (SheetReader, GradeReport) {
        let (reader, cohort) = try read(
            [("sheet.csv", Array(text.utf8))], bank: bank, options: options)
        let graded = Grader.grade(bank: bank, cohort: cohort)
        return (reader, GradeReport(graded: graded, rejected: reader.rejected, notes: reader.notes))
    }

    static func learner(_ report: GradeReport, _ name: String) -> LearnerGrade? {
        report.graded.learners.first { $0.learner == name }
    }

    /// A tiny bank: one branching scenario (the spec's late delivery) and a quiz with it and an
    /// inline true/false question.
    static let branchingBank: Bank = ScoringFixtures.bank([
        "scenarios/late-delivery.yaml": ScoringFixtures.lateDelivery,
        "quizzes/q.yaml": """
        id: q
        title: Q
        pass: 50%
        items:
          - scenario: late-delivery
          - question:
              id: listen-first
              kind: truefalse
              competency: empathy
              prompt: Interrupting shows you care.
              answer: false
        """,
    ])
}
