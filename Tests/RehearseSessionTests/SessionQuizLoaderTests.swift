import Foundation
import RehearseTestSupport
import Testing

@testable import RehearseBank
@testable import RehearseCore
@testable import RehearseProgress
@testable import RehearseScoring
@testable import RehearseSession

@Suite struct SessionQuizLoaderTests {
    static func scenario(_ id: String, channel: String, competency: String) -> String {
        """
        id: \(id)
        title: \(id)
        channel: \(channel)
        competencies: [\(competency)]
        steps:
          - id: one
            kind: truefalse
            prompt: True?
            answer: true
        """
    }

    static let files: [String: String] = [
        "quizzes/listed.yaml": """
        id: listed
        title: Listed
        items:
          - scenario: alpha
          - draw: 1
            from: {scenarios: [beta, gamma]}
        """,
        "quizzes/drawn.yaml": """
        id: drawn
        title: Drawn
        items:
          - draw: 2
            from: {channel: chat, competency: empathy}
        """,
        "quizzes/misnamed-file.yaml": """
        id: misnamed
        title: Misnamed
        items:
          - scenario: hidden
        """,
        "scenarios/phone/alpha.yaml": scenario("alpha", channel: "phone", competency: "empathy"),
        "scenarios/chat/beta.yaml": scenario("beta", channel: "chat", competency: "empathy"),
        "scenarios/chat/gamma.yaml": scenario("gamma", channel: "chat", competency: "empathy"),
        "scenarios/chat/delta.yaml": scenario(
            "delta", channel: "chat", competency: "product-knowledge"),
        "scenarios/email/epsilon.yaml": scenario(
            "epsilon", channel: "email", competency: "empathy"),
        "scenarios/other-name.yaml": scenario("hidden", channel: "phone", competency: "empathy"),
        "scenarios/broken.yaml": "id: [unclosed",
    ]

    @Test func onlyTheQuizAndTheScenariosItNamesAreParsed() throws {
        let folder = try FixtureFolder(Self.files)
        let loaded = try QuizLoader.load(quiz: "listed", root: folder.path)
        #expect(loaded.quiz.id.value == "listed")
        #expect(loaded.bank.scenarios.map(\.id.value).sorted() == ["alpha", "beta", "gamma"])
        #expect(loaded.diagnostics.isEmpty)  // the broken file was never read
    }

    @Test func aDrawByFilterReadsItsPoolAndParsesOnlyCandidates() throws {
        let folder = try FixtureFolder(Self.files)
        let loaded = try QuizLoader.load(quiz: "drawn", root: folder.path)
        let ids = Set(loaded.bank.scenarios.map(\.id.value))
        #expect(ids.isSuperset(of: ["beta", "gamma"]))
        #expect(!ids.contains("delta"))
        #expect(!ids.contains("epsilon"))
        // Their openings were enough to place them in the pool; no file was parsed whole yet.
        #expect(Set(loaded.stubs.keys) == ["beta", "gamma"])
        #expect(loaded.bank.scenarios.allSatisfy { $0.steps.isEmpty })
        let made = try loaded.plan(seed: 1)
        #expect(Set(made.plan.items.map(\.id)) == ["beta", "gamma"])
        for item in made.plan.items {
            guard case .scenario(let scenario) = item else { continue }
            #expect(scenario.steps.count == 1)  // parsed whole once drawn
        }
    }

    @Test func theLazyBankGivesTheSamePlanAndHashAsTheWholeBank() throws {
        let folder = try FixtureFolder(Self.files.filter { $0.key != "scenarios/broken.yaml" })
        let whole = try BankCatalog.load(root: folder.path).bank
        for id in ["listed", "drawn", "misnamed"] {
            let lazy = try QuizLoader.load(quiz: id, root: folder.path)
            let quiz = try #require(whole.quiz(id))
            #expect(lazy.bank.contentHash(of: lazy.quiz) == whole.contentHash(of: quiz))
            for seed in [UInt64(1), 7, 99] {
                let a = try lazy.plan(seed: seed).plan
                let b = QuizPlan(quiz: quiz, bank: whole, seed: seed)
                #expect(a.items.map(\.id) == b.items.map(\.id))
                #expect(a.displayOrder == b.displayOrder)
                #expect(
                    QuizPlan.questions(of: a.items, quizID: id).map(\.0)
                        == QuizPlan.questions(of: b.items, quizID: id).map(\.0))
            }
        }
    }

    @Test func wholePoolsGiveTheScenariosOfAWholeLoadInItsOrder() throws {
        var files = Self.files.filter { $0.key != "scenarios/broken.yaml" }
        // Named so that the order of names and the order of paths differ.
        files["scenarios/a-first/zz-last.yaml"] = Self.scenario(
            "zz-last", channel: "chat", competency: "empathy")
        files["quizzes/picked.yaml"] = """
            id: picked
            title: Picked
            items:
              - draw: 1
                from: {scenarios: [beta, zz-last]}
            """
        let folder = try FixtureFolder(files)
        let whole = try BankCatalog.load(root: folder.path).bank
        for id in ["listed", "drawn", "misnamed", "picked"] {
            let loaded = try QuizLoader.loadWithWholePools(quiz: id, root: folder.path)
            let quiz = try #require(whole.quiz(id))
            #expect(loaded.stubs.isEmpty)
            #expect(loaded.diagnostics.isEmpty)
            for item in quiz.items {
                guard case .draw(let draw) = item else { continue }
                let pool = { (bank: Bank) in
                    bank.scenarios.filter { draw.filter.matches($0) }.map(\.id.value)
                }
                #expect(pool(loaded.bank) == pool(whole), "\(id)")
            }
            for scenario in loaded.bank.scenarios {
                #expect(scenario.steps.count == whole.scenario(scenario.id.value)?.steps.count)
            }
        }
        // A draw by filter reads its candidates whole and leaves the others unparsed.
        let drawn = try QuizLoader.loadWithWholePools(quiz: "drawn", root: folder.path)
        #expect(Set(drawn.bank.scenarios.map(\.id.value)) == ["beta", "gamma", "zz-last"])
    }

    /// `export` records no attempt: its load hashes no scenario file; `take`'s load and a whole
    /// load hash every one (the hash tells an attempt's scenarios changed).
    @Test func wholePoolsLeaveTheSourceHashesOut() throws {
        let folder = try FixtureFolder(Self.files.filter { $0.key != "scenarios/broken.yaml" })
        let whole = try BankCatalog.load(root: folder.path).bank
        for id in ["listed", "drawn"] {
            let exported = try QuizLoader.loadWithWholePools(quiz: id, root: folder.path)
            #expect(!exported.bank.scenarios.isEmpty)
            #expect(exported.bank.scenarios.allSatisfy { $0.sourceHash.isEmpty }, "\(id)")
            let taken = try QuizLoader.load(quiz: id, root: folder.path)
            for scenario in taken.bank.scenarios where taken.stubs[scenario.id.value] == nil {
                #expect(!scenario.sourceHash.isEmpty)
                #expect(scenario.sourceHash == whole.scenario(scenario.id.value)?.sourceHash)
            }
        }
    }

    @Test func theOpeningLeavesOutOnlyTheStepsBlock() throws {
        let text = """
            id: x
            steps:
            - id: one
              kind: truefalse
              prompt: "steps: inside"
              answer: true
              # a comment
            channel: chat
            tags: [a]

            """
        let opening = try #require(PoolScan.opening(of: Array(text.utf8)))
        #expect(String(decoding: opening, as: UTF8.self) == "id: x\nchannel: chat\ntags: [a]\n")
        #expect(PoolScan.opening(of: Array("id: x\nsteps: []\n".utf8)) == nil)
        #expect(PoolScan.opening(of: Array("id: x\n---\nsteps:\n".utf8)) == nil)
    }

    @Test func aCompetencyOnlyOnStepsIsDecidedByTheWholeFile() throws {
        var files = Self.files
        files["scenarios/chat/zeta.yaml"] = """
            id: zeta
            title: zeta
            channel: chat
            competencies: [product-knowledge]
            steps:
              - id: one
                kind: truefalse
                competency: empathy
                prompt: True?
                answer: true
            """
        let folder = try FixtureFolder(files)
        let loaded = try QuizLoader.load(quiz: "drawn", root: folder.path)
        #expect(loaded.stubs["zeta"] == nil)
        #expect(loaded.bank.scenario("zeta")?.steps.count == 1)
        // Only zeta was parsed whole; beta and gamma are still known by their openings.
        #expect(loaded.bank.scenarios.filter { !$0.steps.isEmpty }.map(\.id.value) == ["zeta"])
    }

    @Test func thePoolIndexGivesTheSamePlansAndNoticesChangedFiles() throws {
        let folder = try FixtureFolder(Self.files.filter { $0.key != "scenarios/broken.yaml" })
        let index = (folder.path as NSString).appendingPathComponent("data/cache/pools.tsv")
        let whole = try BankCatalog.load(root: folder.path).bank
        let quiz = try #require(whole.quiz("drawn"))
        let first = try QuizLoader.load(quiz: "drawn", root: folder.path, index: index)
        #expect(FileManager.default.fileExists(atPath: index))
        #expect(first.stubs.isEmpty)  // nothing indexed yet: the pool was parsed whole
        let second = try QuizLoader.load(quiz: "drawn", root: folder.path, index: index)
        // The pool came from the index: its scenarios are stand-ins until a draw picks them.
        #expect(Set(second.stubs.keys) == ["beta", "gamma"])
        #expect(second.bank.scenarios.allSatisfy { $0.steps.isEmpty })
        for loaded in [first, second] {
            #expect(loaded.bank.contentHash(of: loaded.quiz) == whole.contentHash(of: quiz))
            for seed in [UInt64(1), 2, 3] {
                let a = try loaded.plan(seed: seed).plan
                let b = QuizPlan(quiz: quiz, bank: whole, seed: seed)
                #expect(a.items.map(\.id) == b.items.map(\.id))
                #expect(a.displayOrder == b.displayOrder)
            }
        }
        // A scenario that changes channel leaves the pool at once.
        let gamma = (folder.path as NSString).appendingPathComponent("scenarios/chat/gamma.yaml")
        try Data(Self.scenario("gamma", channel: "email", competency: "empathy").utf8)
            .write(to: URL(fileURLWithPath: gamma))
        let third = try QuizLoader.load(quiz: "drawn", root: folder.path, index: index)
        #expect(Set(third.stubs.keys) == ["beta"])
        #expect(third.bank.scenario("gamma") == nil)
    }

    @Test func aFileNotNamedAfterItsIdIsStillFound() throws {
        let folder = try FixtureFolder(Self.files)
        let loaded = try QuizLoader.load(quiz: "misnamed", root: folder.path)
        #expect(loaded.bank.scenario("hidden") != nil)
    }

    @Test func anUnknownQuizSuggestsTheClosestId() throws {
        let folder = try FixtureFolder(Self.files)
        #expect(throws: QuizLoadError.self) {
            try QuizLoader.load(quiz: "lsted", root: folder.path)
        }
        do {
            _ = try QuizLoader.load(quiz: "lsted", root: folder.path)
        } catch {
            #expect(error.description.contains("did you mean `listed`?"))
        }
        #expect(QuizLoader.quizIDs(root: folder.path) == ["drawn", "listed", "misnamed-file"])
    }

    @Test func hiddenFoldersAreSkippedAsCheckSkipsThem() throws {
        var files = Self.files.filter { $0.key != "scenarios/broken.yaml" }
        files["quizzes/.old/listed.yaml"] = "id: listed\ntitle: Old listed\nitems: []\n"
        files["quizzes/.old/retired.yaml"] = """
            id: retired
            title: Retired
            items:
              - scenario: alpha
            """
        files["scenarios/.drafts/draft.yaml"] = Self.scenario(
            "draft", channel: "chat", competency: "empathy")
        files["scenarios/chat/.draft.yaml"] = Self.scenario(
            "dotted", channel: "chat", competency: "empathy")
        let folder = try FixtureFolder(files)
        let index = folder.file("data/pools.tsv")

        #expect(QuizLoader.quizIDs(root: folder.path) == ["drawn", "listed", "misnamed-file"])
        #expect(try QuizLoader.load(quiz: "listed", root: folder.path).quiz.title == "Listed")
        #expect(throws: QuizLoadError.self) {
            try QuizLoader.load(quiz: "retired", root: folder.path)
        }
        for index in [nil, index, index] {
            let drawn = try QuizLoader.load(quiz: "drawn", root: folder.path, index: index)
            let pool = Set(drawn.bank.scenarios.map(\.id.value))
            #expect(pool == ["beta", "gamma"])
        }
        // `check` lists the same files: the hidden ones are neither checked nor reported.
        let bankFiles = try BankDirectory.bankFiles(root: folder.path)
        #expect(!bankFiles.contains { $0.contains("/.") })
        #expect(bankFiles.count == files.count - 4)
    }

    @Test func aFolderThatIsNoBankIsUnreadable() {
        do {
            _ = try QuizLoader.load(quiz: "x", root: "/nonexistent-rehearse-folder")
            Issue.record("expected a failure")
        } catch {
            guard case .unreadable = error else {
                Issue.record("expected unreadable, got \(error)")
                return
            }
        }
    }

    @Test func literalSearchFindsWords() {
        #expect(PoolScan.contains(Array("channel: chat\n".utf8), "chat"))
        #expect(!PoolScan.contains(Array("channel: phone\n".utf8), "chat"))
        #expect(PoolScan.contains(Array("ab".utf8), "ab"))
        #expect(!PoolScan.contains(Array("a".utf8), "ab"))
    }
}
