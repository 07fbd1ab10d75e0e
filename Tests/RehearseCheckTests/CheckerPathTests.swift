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

    @Test func theFixtureBankIsClean() throws {
        let folder = try FixtureBank.folder()
        let outcome = Checker.checkPaths([], bankRoot: folder.path, base: folder.path)
        #expect(outcome.failures.isEmpty)
        #expect(outcome.diagnostics.isEmpty)
        #expect(outcome.files.count == FixtureBank.files.count)
    }

    @Test func hiddenFoldersAreNeitherCheckedNorReported() throws {
        let folder = try FixtureBank.folder(adding: Self.hidden)
        for paths in [[], [folder.file("quizzes"), folder.file("scenarios")], [folder.path]] {
            let outcome = Checker.checkPaths(
                paths, bankRoot: paths.isEmpty ? folder.path : nil, base: folder.path)
            #expect(outcome.failures.isEmpty)
            #expect(outcome.diagnostics.isEmpty)
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
