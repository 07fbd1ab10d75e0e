import Foundation
import RehearseTestSupport
import Testing

@testable import RehearseBank

@Suite struct BankDirectoryTests {
    @Test func theWalkSkipsHiddenFilesAndFoldersAndSorts() throws {
        let folder = try FixtureFolder([
            "quizzes/b.yaml": "",
            "quizzes/a/z.yml": "",
            "quizzes/a/notes.txt": "",
            "quizzes/.old/old.yaml": "",
            "quizzes/.hidden.yaml": "",
            "quizzes/a/.git/config.yaml": "",
        ])
        let found = try BankDirectory.yamlFiles(under: folder.file("quizzes"))
        #expect(found == [folder.file("quizzes/a/z.yml"), folder.file("quizzes/b.yaml")])
    }

    @Test func aLinkedFileCountsAndALinkedFolderIsNotFollowed() throws {
        let folder = try FixtureFolder(["scenarios/s.yaml": "", "elsewhere/t.yaml": ""])
        #expect(symlink(folder.file("elsewhere"), folder.file("scenarios/linked")) == 0)
        #expect(symlink(folder.file("elsewhere/t.yaml"), folder.file("scenarios/t.yaml")) == 0)
        #expect(symlink(folder.file("missing.yaml"), folder.file("scenarios/dangling.yaml")) == 0)
        let found = try BankDirectory.yamlFiles(under: folder.file("scenarios"))
        #expect(found == [folder.file("scenarios/s.yaml"), folder.file("scenarios/t.yaml")])
    }

    @Test func bankFilesAreTheConfigThenQuizzesThenScenarios() throws {
        let folder = try FixtureFolder([
            "rehearse.yaml": "", "quizzes/q.yaml": "", "scenarios/s.yaml": "",
            "other/x.yaml": "", ".rehearse/y.yaml": "",
        ])
        #expect(
            try BankDirectory.bankFiles(root: folder.path) == [
                folder.file("rehearse.yaml"), folder.file("quizzes/q.yaml"),
                folder.file("scenarios/s.yaml"),
            ])
        #expect(try BankDirectory.yamlFiles(in: folder.path, folder: "missing") == [])
        #expect(BankDirectory.isBankRoot(folder.path))
        #expect(!BankDirectory.isBankRoot(folder.file("other")))
    }

    @Test func aFileIsItsOwnListAndAMissingPathFails() throws {
        let folder = try FixtureFolder(["quizzes/.q.yaml": ""])
        // Named on purpose, even a hidden file is read.
        #expect(
            try BankDirectory.yamlFiles(under: folder.file("quizzes/.q.yaml")) == [
                folder.file("quizzes/.q.yaml")
            ])
        #expect(throws: ReadFailure.self) {
            try BankDirectory.yamlFiles(under: folder.file("nowhere"))
        }
    }
}
