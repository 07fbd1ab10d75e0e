import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `grade -o FILE` replaces the file whole, leaves nothing half-written, and refuses paths that
/// are not plain files.
@Suite struct GradeOutputFileTests {
    static let sheet = CLI.packageRoot.appendingPathComponent("examples/week-one-cohort.csv").path

    @Test func anExistingReportIsReplacedWholeWithNoTempFileLeft() throws {
        let folder = try TemporaryBank([:])
        let report = folder.url.appendingPathComponent("report.html")
        try Data("old report".utf8).write(to: report)
        let result = try CLI.run([
            "grade", Self.sheet, "--format", "html", "-o", report.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let written = try String(contentsOf: report, encoding: .utf8)
        #expect(written.hasPrefix("<!DOCTYPE html>"))
        #expect(written.hasSuffix("</html>\n"))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
        #expect(names == ["report.html"], "no temp file is left: \(names)")
    }

    @Test func aFIFOAFolderAndALinkAreRefusedAndLeftAlone() throws {
        let folder = try TemporaryBank([:])
        let fifo = folder.url.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let target = folder.url.appendingPathComponent("target.csv")
        try Data("kept".utf8).write(to: target)
        let link = folder.url.appendingPathComponent("link.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target.path)
        for (path, word) in [(fifo, "FIFO"), (folder.url.path, "folder"), (link, "link")] {
            let result = try CLI.run(["grade", Self.sheet, "--format", "csv", "-o", path])
            #expect(result.status == 2)
            #expect(result.stderr.contains(word), "\(result.stderr)")
        }
        #expect(try String(contentsOf: target, encoding: .utf8) == "kept")
    }
}
