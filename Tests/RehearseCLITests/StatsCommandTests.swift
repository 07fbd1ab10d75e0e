import Foundation
import Testing

/// End to end: `rehearse stats` on Moodle's fixture.
@Suite struct StatsCommandTests {
    static let fixture = SharedFixtures.moodleResults

    @Test(
        .enabled(
            if: SharedFixtures.moodleAvailable, "Moodle's fixture is not beside the repository"))
    func moodleFixtureAsJSON() throws {
        let result = try CLI.run(["stats", Self.fixture, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let items = try #require(object["items"] as? [[String: Any]])
        #expect(items.count == 7)
        let expected: [(facility: Double, discrimination: Double, efficiency: Double)] = [
            (0.704, -0.070650767526, -0.094550536967), (0.48, -0.288982125772, -0.367834118938),
            (0.973333332, -0.091230674268, -0.216545012165),
            (0.68, -0.226306444113, -0.314411395613),
            (0.52, -0.176997047674, -0.211794802584), (0.64, -0.453785178421, -0.569365974439),
            (0.62, -0.056543166602, -0.065043742058),
        ]
        for (item, want) in zip(items, expected) {
            #expect(abs((item["facility"] as? Double ?? 0) - want.facility) < 1e-6)
            #expect(abs((item["discrimination"] as? Double ?? 0) - want.discrimination) < 1e-6)
            #expect(abs((item["efficiency"] as? Double ?? 0) - want.efficiency) < 1e-6)
        }
        let notes = try #require(object["notes"] as? [String])
        #expect(notes == ["column `summarks` is the row total; left out of the items"])
    }

    @Test(
        .enabled(
            if: SharedFixtures.moodleAvailable, "Moodle's fixture is not beside the repository"))
    func tableIsTheDefault() throws {
        let result = try CLI.run(["stats", Self.fixture])
        #expect(result.status == 0)
        #expect(result.stdout.contains("slots.1.mark"))
        #expect(result.stdout.contains("Test: 25 learners"))
        #expect(result.stdout.contains("summarks"))
    }

    @Test func badCellsExitOne() throws {
        let folder = try TemporaryBank(["m.csv": "who,a,b\nx,1,oops\ny,0,1\n"])
        let result = try CLI.run(["stats", folder.url.appendingPathComponent("m.csv").path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("m.csv:2:3"))
    }
}
