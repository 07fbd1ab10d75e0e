import Foundation
import RehearseInterop
import RehearseTestSupport
import Testing
import ZIPFoundation

/// The QTI 3.0 schemas of `../shared/fixtures/qti3` (or `$REHEARSE_SHARED_FIXTURES/qti3`) and
/// `xmllint` (Debian's libxml2-utils), run as a subprocess to validate exported packages.
enum QTISchemas {
    static let folder = SharedFixtures.folder("qti3")

    /// The schema for items and tests.
    static let assessment = folder.appendingPathComponent(
        "qtiv3p0/imsqti_asiv3p0_sbacv1p0_v1p0.xsd")
    /// The schema for `imsmanifest.xml`.
    static let manifest = folder.appendingPathComponent("qtiv3p0/imsqtiv3p0_imscpv1p2_v1p0.xsd")

    static var schemasPresent: Bool {
        FileManager.default.fileExists(atPath: assessment.path)
            && FileManager.default.fileExists(atPath: manifest.path)
    }

    /// The `xmllint` on PATH, if any.
    static let xmllint: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/xmllint" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Whether validation can run here.
    static var available: Bool { xmllint != nil && schemasPresent }

    /// Why validation cannot run here, or nil.
    static var missing: String? {
        if xmllint == nil { return "xmllint is not installed (apt-get install libxml2-utils)" }
        if !schemasPresent { return "the QTI schemas are not at \(folder.path)" }
        return nil
    }

    /// `xmllint --nonet --noout --schema SCHEMA FILES...`: its exit status and what it printed.
    static func validate(_ files: [String], schema: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint ?? "/usr/bin/xmllint")
        process.arguments = ["--nonet", "--noout", "--schema", schema.path] + files
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The files of a zip, by path, in the zip's order.
    static func unzip(_ data: Data) throws -> [(path: String, text: String)] {
        let archive = try Archive(data: data, accessMode: .read, pathEncoding: nil)
        var files: [(String, String)] = []
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            files.append((entry.path, String(decoding: bytes, as: UTF8.self)))
        }
        return files
    }
}
