import Foundation
import RehearseScoring
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// The Ralph LRS that scripts/start-lrs.sh started, from the variables it wrote
/// (`REHEARSE_TEST_LRS`, `..._USER`, `..._PASSWORD`, `..._USERS`, `REHEARSE_TEST_RALPH`).
enum TestLRS {
    static let environment = ProcessInfo.processInfo.environment
    static let url = environment["REHEARSE_TEST_LRS"].flatMap { $0.isEmpty ? nil : $0 }
    static let password = environment["REHEARSE_TEST_LRS_PASSWORD"] ?? ""
    static let users = Int(environment["REHEARSE_TEST_LRS_USERS"] ?? "") ?? 0
    static var isRunning: Bool { url != nil && users > 0 }

    /// Ralph's file backend stores only the first write of a folder, so each run that writes
    /// takes a user of its own (each has its own folder).
    private static let next = NSLock()
    nonisolated(unsafe) private static var taken = 0
    /// (A user that holds statements already, from an earlier run against the same LRS, is
    /// passed over.)
    static func freshUser() throws -> String {
        try next.withLock {
            while true {
                taken += 1
                try #require(
                    taken <= users, "restart the LRS, or start it with more users")
                if try statements(of: "rehearse\(taken)").isEmpty { return "rehearse\(taken)" }
            }
        }
    }

    /// Every statement `user` can read, following `more` links.
    static func statements(of user: String, query: String = "") throws -> [[String: Any]] {
        let base = try #require(url)
        let origin = base.components(separatedBy: "/xAPI").first ?? base
        var next: String? = base + "/statements" + query
        var all: [[String: Any]] = []
        while let address = next {
            var request = URLRequest(url: try #require(URL(string: address)))
            request.setValue("1.0.3", forHTTPHeaderField: "X-Experience-API-Version")
            request.setValue(
                "Basic " + Data("\(user):\(password)".utf8).base64EncodedString(),
                forHTTPHeaderField: "Authorization")
            let data = try fetch(request)
            let page = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
            all += page["statements"] as? [[String: Any]] ?? []
            next = (page["more"] as? String).flatMap { $0.isEmpty ? nil : origin + $0 }
        }
        return all
    }

    private static func fetch(_ request: URLRequest) throws -> Data {
        nonisolated(unsafe) var result: Data?
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, _, _ in
            result = data
            done.signal()
        }.resume()
        done.wait()
        return try #require(result)
    }
}

/// `rehearse sync` against a real LRS (Ralph on 127.0.0.1, started by scripts/start-lrs.sh;
/// .ci/run starts it). Without it these tests are skipped, and say so.
@Suite(.serialized) struct SyncCommandTests {
    static let now = "2026-03-01T09:00:00Z"
    /// Learners in examples/week-one-cohort.csv.
    static let exampleLearners = 12

    /// A data folder with `copies` copies of the example cohort, graded into progress.
    static func cohort(copies: Int) throws -> TemporaryDataDirectory {
        let data = try TemporaryDataDirectory()
        // The example cohort's answers, as the grader read them, copied under new learner ids
        // into a long sheet.
        let example = try CLI.run(
            ["grade", "examples/week-one-cohort.csv", "--format", "json"],
            environment: ["REHEARSE_NOW": now])
        let report = try #require(
            JSONSerialization.jsonObject(with: Data(example.stdout.utf8)) as? [String: Any])
        let learners = try #require(report["learners"] as? [[String: Any]])
        func cell(_ text: String) -> String {
            "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        var sheet = "learner,quiz,question,answer\n"
        for copy in 0..<copies {
            for (row, learner) in learners.enumerated() {
                for answer in learner["answers"] as? [[String: Any]] ?? [] {
                    let ref = answer["ref"] as? String ?? ""
                    let text = answer["answer"] as? String ?? ""
                    sheet +=
                        "learner-\(copy)-\(row)@example.com,week-one,\(cell(ref)),\(cell(text))\n"
                }
            }
        }
        let path = data.path + "/cohort.csv"
        try sheet.write(toFile: path, atomically: true, encoding: .utf8)
        let graded = try CLI.run(
            ["grade", path, "--update-progress", "--data-dir", data.path, "--format", "csv"],
            environment: ["REHEARSE_NOW": now])
        #expect(graded.status == 0 || graded.status == 1, "\(graded.stderr)")
        return data
    }

    static func sync(
        _ arguments: [String], data: String, user: String
    ) throws -> CLIResult {
        try CLI.run(
            ["sync", "--lrs", try #require(TestLRS.url), "--data-dir", data] + arguments,
            environment: [
                "REHEARSE_NOW": now, "REHEARSE_LRS_USER": user,
                "REHEARSE_LRS_PASSWORD": TestLRS.password,
            ])
    }

    @Test func theBanksRehearseYamlNamesTheHomeAndTheOptionWins() throws {
        let data = try Self.cohort(copies: 1)
        // The sample bank with a rehearse.yaml that declares the built-in competencies and a home.
        let bank = URL(fileURLWithPath: data.path + "/bank")
        try FileManager.default.createDirectory(at: bank, withIntermediateDirectories: true)
        for folder in ["quizzes", "scenarios"] {
            try FileManager.default.copyItem(
                at: CLI.packageRoot.appendingPathComponent(folder),
                to: bank.appendingPathComponent(folder))
        }
        let config = """
            competencies:
              - {id: empathy, title: Empathy}
              - {id: product-knowledge, title: Product knowledge}
              - {id: above-and-beyond, title: Above and beyond}
            xapi:
              home: https://lms.example.com/academy

            """
        try config.write(
            to: bank.appendingPathComponent("rehearse.yaml"), atomically: true, encoding: .utf8)
        func homes(_ extra: [String]) throws -> Set<String> {
            let result = try CLI.run(
                [
                    "progress", "--all", "--format", "xapi", "--bank", bank.path, "--data-dir",
                    data.path,
                ]
                    + extra, environment: ["REHEARSE_NOW": Self.now])
            #expect(result.status == 0, "\(result.stderr)")
            let statements = try #require(
                JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
            return Set(
                statements.compactMap {
                    (($0["actor"] as? [String: Any])?["account"] as? [String: Any])?["homePage"]
                        as? String
                })
        }
        #expect(try homes([]) == ["https://lms.example.com/academy"])
        #expect(try homes(["--xapi-home", "urn:other"]) == ["urn:other"])
    }

    @Test func anUnreachableLRSExitsTwoNamingTheURL() throws {
        let data = try Self.cohort(copies: 1)
        let result = try CLI.run(
            ["sync", "--all", "--lrs", "http://127.0.0.1:9/xapi", "--data-dir", data.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot reach the LRS at http://127.0.0.1:9/xapi"))
        #expect(!FileManager.default.fileExists(atPath: data.path + "/sync"))
    }

    @Test(.enabled(if: TestLRS.isRunning, "set REHEARSE_TEST_LRS: run scripts/start-lrs.sh"))
    func statementsRoundTripThroughRalphFieldByField() throws {
        let data = try Self.cohort(copies: 1)
        let user = try TestLRS.freshUser()
        let exported = try CLI.run(
            ["progress", "--all", "--format", "xapi", "--data-dir", data.path],
            environment: ["REHEARSE_NOW": Self.now])
        #expect(exported.status == 0, "\(exported.stderr)")
        let local = try #require(
            JSONSerialization.jsonObject(with: Data(exported.stdout.utf8)) as? [[String: Any]])
        #expect(local.count > 300)
        let dry = try Self.sync(["--all", "--dry-run"], data: data.path, user: user)
        #expect(dry.stdout.contains("would send \(local.count) statements"))
        let sent = try Self.sync(["--all", "--batch-size", "100000"], data: data.path, user: user)
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stdout.contains("sent \(local.count) statements"))
        let stored = try TestLRS.statements(of: user)
        #expect(stored.count == local.count)
        let byID = Dictionary(stored.map { ($0["id"] as? String ?? "", $0) }) { first, _ in first }
        for statement in local {
            let id = try #require(statement["id"] as? String)
            let held = try #require(byID[id], "statement \(id) is not in the LRS")
            for field in ["actor", "verb", "object", "result", "context"] {
                #expect(
                    NSDictionary(dictionary: held[field] as? [String: Any] ?? [:])
                        == NSDictionary(dictionary: statement[field] as? [String: Any] ?? [:]),
                    "\(id): \(field)")
            }
            let when = ISO8601DateFormatter().date(from: statement["timestamp"] as? String ?? "")
            let heldWhen = (held["timestamp"] as? String).flatMap {
                ISO8601DateFormatter().date(from: String($0.prefix(19)) + "Z")
            }
            #expect(when != nil && when == heldWhen, "\(id): timestamp")
        }
        // The filters of the spec: one learner's statements, one attempt's.
        let one = try #require(local.first)
        let agent = try JSONSerialization.data(withJSONObject: one["actor"] ?? [:])
        let agentQuery =
            String(decoding: agent, as: UTF8.self)
            .addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let registration = try #require(
            (one["context"] as? [String: Any])?["registration"] as? String)
        let byRegistration = try TestLRS.statements(
            of: user, query: "?registration=\(registration)")
        let byAgent = try TestLRS.statements(of: user, query: "?agent=\(agentQuery)")
        let expected = local.filter {
            ($0["context"] as? [String: Any])?["registration"] as? String == registration
        }.count
        #expect(byRegistration.count == expected)
        #expect(byAgent.count == expected)
        // Nothing new: a rerun sends nothing.
        let again = try Self.sync(["--all"], data: data.path, user: user)
        #expect(again.stdout == "nothing new to send to \(try #require(TestLRS.url))\n")
        // Ralph's models accept every statement.
        let file = data.path + "/statements.json"
        try exported.stdout.write(toFile: file, atomically: true, encoding: .utf8)
        let python = try #require(TestLRS.environment["REHEARSE_TEST_RALPH"])
        let check = Process()
        check.executableURL = URL(fileURLWithPath: python)
        check.arguments = [
            CLI.packageRoot.appendingPathComponent("scripts/xapi-validate.py").path, file,
        ]
        let output = Pipe()
        check.standardOutput = output
        check.standardError = output
        try check.run()
        let said = String(
            decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        check.waitUntilExit()
        #expect(check.terminationStatus == 0, "\(said)")
        #expect(said.contains("\(local.count) statements, 0 invalid"))
    }

    /// `rehearse sync` killed with SIGKILL at seeded random moments (while reading, while Ralph
    /// stores the batch, while the records are written), then run again: Ralph holds every
    /// statement exactly once and every attempt is recorded. One batch per run: Ralph's file
    /// backend takes one write per folder, and a rerun that only resends what it holds answers
    /// 204 without writing.
    @Test(.enabled(if: TestLRS.isRunning, "set REHEARSE_TEST_LRS: run scripts/start-lrs.sh"))
    func aKillDuringSyncThenARerunStoresEveryStatementOnce() throws {
        let seed =
            TestLRS.environment["REHEARSE_TEST_SEED"].flatMap { UInt64($0) }
            ?? UInt64.random(in: 1...UInt64(UInt32.max))
        var generator = SeededGenerator(seed: seed)
        var landed = (before: 0, between: 0, after: 0)
        for round in 0..<4 {
            let data = try Self.cohort(copies: 8)
            let user = try TestLRS.freshUser()
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = [
                "sync", "--all", "--lrs", try #require(TestLRS.url), "--data-dir", data.path,
                "--batch-size", "100000",
            ]
            var environment = ProcessInfo.processInfo.environment
            environment["REHEARSE_LRS_USER"] = user
            environment["REHEARSE_LRS_PASSWORD"] = TestLRS.password
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            process.currentDirectoryURL = CLI.packageRoot
            try process.run()
            usleep(UInt32.random(in: 100_000...1_200_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let records =
                (try? FileManager.default.contentsOfDirectory(atPath: data.path + "/sync"))?.count
                ?? 0
            let heldBefore = try TestLRS.statements(of: user).count
            if heldBefore == 0 {
                landed.before += 1
            } else if records < 8 * Self.exampleLearners {
                landed.between += 1
            } else {
                landed.after += 1
            }
            let rerun = try Self.sync(
                ["--all", "--batch-size", "100000"], data: data.path, user: user)
            #expect(rerun.status == 0, "seed \(seed), round \(round): \(rerun.stderr)")
            let stored = try TestLRS.statements(of: user)
            let ids = stored.compactMap { $0["id"] as? String }
            let local = try CLI.run(
                ["progress", "--all", "--format", "xapi", "--data-dir", data.path])
            let expected = try #require(
                JSONSerialization.jsonObject(with: Data(local.stdout.utf8)) as? [[String: Any]])
            #expect(ids.count == expected.count, "seed \(seed), round \(round)")
            let missing = Set(expected.compactMap { $0["id"] as? String }).subtracting(ids)
            #expect(missing.isEmpty, "seed \(seed): \(missing.count) statements not stored")
            let sent = try FileManager.default.contentsOfDirectory(atPath: data.path + "/sync")
            #expect(
                sent.filter { $0.hasSuffix(".json") }.count == 8 * Self.exampleLearners,
                "seed \(seed)")
            let last = try Self.sync(["--all"], data: data.path, user: user)
            #expect(last.stdout.hasPrefix("nothing new"), "seed \(seed)")
        }
        print(
            "sync kill test, seed \(seed): kills before the POST \(landed.before), "
                + "during the records \(landed.between), after them \(landed.after)")
    }
}
