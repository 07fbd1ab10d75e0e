import RehearseBank
import RehearseCore
import RehearseScoring

/// A quiz or scenario whose id differs from its file name.
public struct IDFileMismatchRule: Rule {
    public init() {}
    public static let description = RuleDescription(
        id: "id-file-mismatch", severity: .warning,
        summary: "A file's `id` equals its file name without extension.",
        rationale: """
            Authors and trainers find a quiz by its file; a different id sends them looking.
            """,
        triggering: [
            .scenario(
                """
                id: ↓late-parcel
                title: S
                competencies: [empathy]
                steps:
                  - id: a
                    kind: truefalse
                    prompt: P
                    answer: true
                """,
                name: "late-delivery")
        ],
        nonTriggering: [
            .scenario(
                """
                id: late-delivery
                title: S
                competencies: [empathy]
                steps:
                  - id: a
                    kind: truefalse
                    prompt: P
                    answer: true
                """,
                name: "late-delivery")
        ])

    public func check(_ bank: Bank) -> [Diagnostic] {
        let ids = bank.scenarios.map(\.id) + bank.quizzes.map(\.id)
        return ids.compactMap { id in
            let stem = Self.stem(of: id.location.file)
            guard stem != id.value else { return nil }
            return Self.finding(
                at: id.location, "id `\(id.value)` differs from the file name `\(stem)`",
                hint: "rename the file to `\(id.value).yaml`, or set `id: \(stem)`")
        }
    }

    static func stem(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) {
            return String(name.dropLast(suffix.count))
        }
        return name
    }
}
