import Foundation
import RehearseTestSupport
import Testing

@testable import RehearseBank
@testable import RehearseCheck
@testable import RehearseCore

/// `rehearse new`: a skeleton that passes `check --strict` as it stands, in the right folder,
/// never over an existing file.
@Suite struct BankSkeletonTests {
    /// Every finding of the whole bank at `folder`, warnings included.
    func strictFindings(_ folder: FixtureFolder) -> [Diagnostic] {
        Checker.checkPaths([], bankRoot: folder.path, base: folder.path).diagnostics
    }

    @Test(arguments: BankSkeleton.Kind.allCases)
    func aSkeletonPassesTheStrictCheckInAnEmptyFolder(_ kind: BankSkeleton.Kind) throws {
        let folder = try FixtureFolder([:])
        let created = try BankSkeleton.create(
            kind, id: "late-sofa", bankRoot: folder.path, base: folder.path
        ).get()
        #expect(created.path == "\(kind.folder)/late-sofa.yaml")
        #expect(created.message.contains("rehearse check --strict"))
        #expect(FileManager.default.fileExists(atPath: folder.file(created.path)))
        #expect(strictFindings(folder).isEmpty, "\(strictFindings(folder))")
    }

    @Test func bothSkeletonsPassTogetherWithTheBanksOwnCompetencies() throws {
        let folder = try FixtureFolder([
            "rehearse.yaml": "competencies:\n  - id: compliance\n    title: Compliance\n"
        ])
        for kind in BankSkeleton.Kind.allCases {
            _ = try BankSkeleton.create(kind, id: "new-one", bankRoot: folder.path).get()
        }
        let text = try String(contentsOfFile: folder.file("quizzes/new-one.yaml"), encoding: .utf8)
        #expect(text.contains("competency: compliance"))
        #expect(text.contains("# - scenario: new-one"))
        #expect(strictFindings(folder).isEmpty, "\(strictFindings(folder))")
    }

    @Test func theSkeletonIsCommentedAndTitledFromTheID() {
        let text = BankSkeleton.scenario(id: "late-sofa-delivery", competency: "empathy")
        #expect(text.hasPrefix("# A scenario"))
        #expect(text.contains("title: Late sofa delivery\n"))
        #expect(text.contains("competencies: [empathy]"))
        #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n"))
    }

    @Test func anExistingFileIsNeverOverwritten() throws {
        let folder = try FixtureFolder(["scenarios/late-sofa.yaml": "id: late-sofa\n"])
        let result = BankSkeleton.create(
            .scenario, id: "late-sofa", bankRoot: folder.path, base: folder.path)
        #expect(throws: BankSkeleton.Failure.self) { try result.get() }
        if case .failure(let failure) = result {
            #expect(failure.reason == .exists)
            #expect(
                failure.message == "scenarios/late-sofa.yaml already exists; it is left as it is")
        }
        let text = try String(
            contentsOfFile: folder.file("scenarios/late-sofa.yaml"), encoding: .utf8)
        #expect(text == "id: late-sofa\n")
    }

    @Test func aFileOfTheSameNameInASubFolderOrWithYmlCountsAsExisting() throws {
        let folder = try FixtureFolder([
            "scenarios/phone/late-sofa.yaml": "id: late-sofa\n",
            "quizzes/week.yml": "id: week\n",
        ])
        for (kind, id, path) in [
            (BankSkeleton.Kind.scenario, "late-sofa", "scenarios/phone/late-sofa.yaml"),
            (.quiz, "week", "quizzes/week.yml"),
        ] {
            let result = BankSkeleton.create(kind, id: id, bankRoot: folder.path, base: folder.path)
            guard case .failure(let failure) = result else {
                Issue.record("\(id) was written over \(path)")
                continue
            }
            #expect(failure.reason == .exists)
            #expect(failure.message.hasPrefix(path))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.file("scenarios/late-sofa.yaml")))
    }

    @Test(arguments: ["Late_Sofa", "-draft", "", "café"])
    func anInvalidIDIsRefused(_ id: String) throws {
        let folder = try FixtureFolder([:])
        let result = BankSkeleton.create(.scenario, id: id, bankRoot: folder.path)
        guard case .failure(let failure) = result else {
            Issue.record("`\(id)` was accepted")
            return
        }
        #expect(failure.reason == .invalidID)
        #expect(!FileManager.default.fileExists(atPath: folder.file("scenarios")))
    }

    @Test func aMissingBankFolderCannotBeWritten() throws {
        let folder = try FixtureFolder([:])
        let result = BankSkeleton.create(.quiz, id: "q", bankRoot: folder.file("no/such"))
        guard case .failure(let failure) = result else {
            Issue.record("wrote into a missing folder")
            return
        }
        #expect(failure.reason == .unwritable)
    }
}
