import Foundation
import RehearseTestSupport

@testable import RehearseBank
@testable import RehearseCore
@testable import RehearseGrading
@testable import RehearseProgress
@testable import RehearseScoring

/// The grading tests' own small bank, and helpers to read and grade sheets with it.
enum GradingFixtures {
    /// Reads sheets given as (name, text) and returns the reader and its cohort.
    static func read(
        _ sheets: [(String, [UInt8])], bank: Bank = bank, options: SheetOptions = SheetOptions()
    ) throws -> (SheetReader, Cohort) {
        let reader = SheetReader(bank: bank, options: options)
        // Every rejected row listed, for the tests that compare them all.
        reader.rejectedLimit = .max
        for (name, bytes) in sheets { try reader.read(file: name, bytes: bytes) }
        return (reader, try reader.cohort())
    }

    static func grade(
        _ text: String, bank: Bank = bank, options: SheetOptions = SheetOptions()
    ) throws -> (SheetReader, GradeReport) {
        let (reader, cohort) = try read(
            [("sheet.csv", Array(text.utf8))], bank: bank, options: options)
        let graded = Grader.grade(bank: bank, cohort: cohort)
        return (
            reader,
            GradeReport(
                graded: graded, rejected: reader.rejected, notes: reader.notes,
                names: reader.displayNames)
        )
    }

    static func learner(_ report: GradeReport, _ name: String) -> LearnerGrade? {
        report.graded.learners.first { $0.learner == name }
    }

    /// A chat scenario of two steps for the draw pools.
    static func chat(_ id: String, tags: [String]) -> String {
        """
        id: \(id)
        title: \(id)
        channel: chat
        tags: [\(tags.joined(separator: ", "))]
        competencies: [empathy]
        steps:
          - id: open
            kind: choice
            prompt: How do you open?
            options:
              - {id: a, text: Warmly, correct: true}
              - {id: b, text: Coldly}
          - id: close
            kind: truefalse
            prompt: Do you summarise before closing?
            answer: true
        """
    }

    /// A tiny bank: quiz `q` (the spec's late-delivery scenario and an inline true/false
    /// question), quiz `drill` (draws from three chat scenarios) and quiz `r` (one chat scenario
    /// and an inline question).
    static let bank: Bank = ScoringFixtures.bank([
        "scenarios/late-delivery.yaml": ScoringFixtures.lateDelivery,
        "scenarios/chat-a.yaml": chat("chat-a", tags: ["greeting"]),
        "scenarios/chat-b.yaml": chat("chat-b", tags: ["returns"]),
        "scenarios/chat-c.yaml": chat("chat-c", tags: ["returns", "greeting"]),
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
        "quizzes/drill.yaml": """
        id: drill
        title: Drill
        shuffle: both
        items:
          - draw: 1
            from:
              tags: [returns]
          - draw: 1
            from:
              channel: chat
          - question:
              id: names
              kind: truefalse
              prompt: Using the customer's name helps.
              answer: true
        """,
        "quizzes/r.yaml": """
        id: r
        title: R
        items:
          - scenario: chat-a
          - question:
              id: hold
              kind: truefalse
              prompt: Ask before putting a caller on hold.
              answer: true
        """,
    ])
}
