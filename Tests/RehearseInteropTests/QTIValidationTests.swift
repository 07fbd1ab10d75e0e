import Foundation
import RehearseBank
import RehearseInterop
import RehearseTestSupport
import Testing

/// Every quiz of the sample bank exported as a QTI package, unzipped, and every XML file of it
/// validated by `xmllint` against the QTI 3.0 schemas: items and the test against the
/// assessment schema, the manifest against the content-packaging schema.
@Suite struct QTIValidationTests {
    /// In CI the validator must run: a missing xmllint or schema folder fails there, and is
    /// a visible skip elsewhere (the tests below are disabled with the reason).
    @Test func validatorIsThereInCI() {
        guard ProcessInfo.processInfo.environment["CI"] != nil, let missing = QTISchemas.missing
        else { return }
        Issue.record("CI must validate QTI packages, but \(missing)")
    }

    @Test(.enabled(if: QTISchemas.available, "xmllint or the QTI schemas are missing"))
    func everySampleQuizExportsAValidPackage() throws {
        let bank = try #require(RoundTripTests.sampleBank)
        let folder = try FixtureFolder([:])
        var assessments: [String] = []
        var manifests: [String] = []
        for quiz in bank.quizzes {
            let package = QTIPackage(ExportPlan(quiz: quiz, bank: bank))
            let files = try QTISchemas.unzip(package.zipData())
            #expect(files.map(\.path) == package.files.map(\.path), "\(quiz.id.value)")
            #expect(files.first?.path == "imsmanifest.xml")
            #expect(files.count == 2 + ExportPlan(quiz: quiz, bank: bank).entries.count)
            for file in files {
                let path = folder.file("\(quiz.id.value)/\(file.path)")
                try folder.write("\(quiz.id.value)/\(file.path)", file.text)
                if file.path == "imsmanifest.xml" {
                    manifests.append(path)
                } else {
                    assessments.append(path)
                }
            }
        }
        #expect(manifests.count == bank.quizzes.count)
        for (files, schema) in [
            (assessments, QTISchemas.assessment), (manifests, QTISchemas.manifest),
        ] {
            let result = try QTISchemas.validate(files, schema: schema)
            #expect(result.status == 0, "\(result.output)")
            for file in files {
                #expect(result.output.contains("\(file) validates"), "\(file): \(result.output)")
            }
        }
    }

    /// The validator is no rubber stamp: an item with an unknown element and a manifest
    /// resource of an unknown type are refused.
    @Test(.enabled(if: QTISchemas.available, "xmllint or the QTI schemas are missing"))
    func brokenFilesAreRefused() throws {
        let bank = try #require(RoundTripTests.sampleBank)
        let quiz = try #require(bank.quiz("week-one"))
        let package = QTIPackage(ExportPlan(quiz: quiz, bank: bank))
        let item = try #require(package.files.first { $0.path.hasPrefix("items/") })
        let manifest = try #require(package.files.first)
        let folder = try FixtureFolder([
            "item.xml": item.text.replacingOccurrences(
                of: "<qti-item-body>", with: "<qti-item-body><qti-unknown/>"),
            "imsmanifest.xml": manifest.text.replacingOccurrences(
                of: "imsqti_item_xmlv3p0", with: "imsqti_item_xmlv9"),
        ])
        let item1 = try QTISchemas.validate(
            [folder.file("item.xml")], schema: QTISchemas.assessment)
        #expect(item1.status != 0)
        let manifest1 = try QTISchemas.validate(
            [folder.file("imsmanifest.xml")], schema: QTISchemas.manifest)
        #expect(manifest1.status != 0)
    }
}
