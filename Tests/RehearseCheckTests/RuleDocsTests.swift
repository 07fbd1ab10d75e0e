import Foundation
import Testing

@testable import RehearseBank
@testable import RehearseCheck
@testable import RehearseCore
@testable import RehearseScoring

/// The authors' guide lists every rule exactly as the registry describes it.
@Suite struct RuleDocsTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func formatGuideHasTheCurrentRulesTable() throws {
        let guide = try String(
            contentsOf: Self.root.appendingPathComponent("docs/format.md"), encoding: .utf8)
        let table = RuleDocumentation.markdownTable(RuleRegistry.descriptions)
        #expect(
            guide.contains(table),
            "docs/format.md is stale: paste `rehearse check --list-rules --format markdown` into it"
        )
    }

    @Test func explainShowsExamplesWithoutMarkersLost() throws {
        let rule = try #require(RuleRegistry.description(of: "duplicate-key"))
        let text = RuleDocumentation.explain(rule)
        #expect(text.hasPrefix("duplicate-key (error)\n"))
        #expect(text.contains("↓prompt: Q"))
        #expect(text.contains("Does not trigger it:"))
    }
}
