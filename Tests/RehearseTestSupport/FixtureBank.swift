import RehearseBank
import RehearseCore

/// A small bank that passes `rehearse check --strict`, for tests that need a whole bank on disk
/// or in memory without depending on the shipped sample bank: its own competencies, a branching
/// phone scenario, a chat and an email scenario, and two quizzes (one lists a scenario, asks an
/// inline question and draws by channel; one draws by competency).
package enum FixtureBank {
    /// The bank's files: path inside the bank -> text.
    package static let files: [String: String] = [
        "rehearse.yaml": """
        competencies:
          - {id: empathy, title: Empathy}
          - {id: product-knowledge, title: Product knowledge}
        """,
        "scenarios/phone/late-delivery.yaml": ScoringFixtures.lateDelivery,
        "scenarios/chat/wrong-colour.yaml": """
        id: wrong-colour
        title: The wrong colour
        channel: chat
        competencies: [empathy]
        tags: [returns]
        steps:
          - id: open
            kind: multi
            prompt: Which first replies help?
            options:
              - {id: a, text: Apologise, correct: true}
              - {id: b, text: Ask for the order number, correct: true}
              - {id: c, text: Blame the warehouse, correct: false}
          - id: steps
            kind: order
            prompt: Put the return in order.
            items:
              - {id: label, text: Send a label}
              - {id: pickup, text: Book the pickup}
          - id: tone
            kind: rate
            prompt: Rate each closing line.
            responses:
              - {id: warm, text: Anything else I can do?, key: 5}
              - {id: curt, text: Bye., key: 1}
        """,
        "scenarios/email/backorder.yaml": """
        id: backorder
        title: The backorder
        channel: email
        competencies: [product-knowledge]
        steps:
          - id: date
            kind: text
            prompt: Which word tells the customer when it ships?
            accept: [estimate]
            patterns: ["^est"]
          - id: policy
            kind: truefalse
            prompt: A backorder can be cancelled for free.
            answer: true
        """,
        "quizzes/week.yaml": """
        id: week
        title: Week
        pass: 60%
        items:
          - scenario: late-delivery
          - question:
              id: listen-first
              kind: truefalse
              competency: empathy
              prompt: Interrupting shows you care.
              answer: false
          - draw: 1
            from: {channel: chat}
        """,
        "quizzes/drill.yaml": """
        id: drill
        title: Drill
        items:
          - draw: 2
            from: {competency: product-knowledge}
        """,
    ]

    /// The bank, loaded by the real loader (no findings).
    package static var bank: Bank { ScoringFixtures.bank(files) }

    /// The bank written to a temporary folder, with `extra` files added or replaced.
    package static func folder(adding extra: [String: String] = [:]) throws -> FixtureFolder {
        try FixtureFolder(files.merging(extra) { _, new in new })
    }
}
