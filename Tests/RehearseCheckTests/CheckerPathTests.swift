import Foundation
import RehearseTestSupport
import Testing

@testable import RehearseBank
@testable import RehearseCheck
@testable import RehearseCore

@Suite struct CheckerPathTests {
    /// A quiz kept in a hidden folder would clash with the live one (same id) if it were read.
    static let hidden = [
        "quizzes/.old/week.yaml": "id: week\ntitle: Old week\nitems: [{scenario: gone}]\n",
        "scenarios/.drafts/draft.yaml": "id: [unclosed",
    ]

    /// The fixture bank copies the spec's late-delivery scenario, whose poor opening leads to
    /// a branch worth 4 points while the good one is worth 3: its only finding.
    static let specExampleWarning = SourceLocation(
        file: "scenarios/phone/late-delivery.yaml", line: 11, column: 75)

    @Test func theFixtureBankHasOnlyTheSpecExamplesWeakerPath() throws {
        let folder = try FixtureBank.folder()
        let outcome = Checker.checkPaths([], bankRoot: folder.path, base: folder.path)
        #expect(outcome.failures.isEmpty)
        #expect(outcome.diagnostics.map(\.rule) == [WeakerAnswerPaysMoreRule.id])
        #expect(outcome.diagnostics.map(\.location) == [Self.specExampleWarning])
        #expect(outcome.errorCount == 0)
        #expect(outcome.files.count == FixtureBank.files.count)
    }

    @Test func hiddenFoldersAreNeitherCheckedNorReported() throws {
        let folder = try FixtureBank.folder(adding: Self.hidden)
        for paths in [[], [folder.file("quizzes"), folder.file("scenarios")], [folder.path]] {
            let outcome = Checker.checkPaths(
                paths, bankRoot: paths.isEmpty ? folder.path : nil, base: folder.path)
            #expect(outcome.failures.isEmpty)
            #expect(outcome.diagnostics.map(\.location) == [Self.specExampleWarning])
            #expect(!outcome.files.contains { $0.contains("/.") || $0.hasPrefix(".") })
        }
    }

    @Test func aHiddenFileNamedOnPurposeIsChecked() throws {
        let folder = try FixtureBank.folder(adding: Self.hidden)
        let outcome = Checker.checkPaths(
            [folder.file("scenarios/.drafts/draft.yaml")], bankRoot: nil, base: folder.path)
        #expect(outcome.files == ["scenarios/.drafts/draft.yaml"])
        #expect(outcome.diagnostics.contains { $0.rule == "yaml-syntax" })
    }
}
