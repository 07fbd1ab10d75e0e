import Foundation
import RehearseCore
import ZIPFoundation

/// A quiz as a QTI 3.0 package (docs/interop.md): `imsmanifest.xml`, the assessment test
/// `assessment-test.xml`, and one `items/ID.xml` per exported question, in quiz order. What QTI
/// cannot hold is listed in `notes` (one line each, as `REF: what`), for standard error.
public struct QTIPackage: Sendable {
    /// A file of the package: its path inside the zip and its XML.
    public struct File: Sendable, Equatable {
        public var path: String
        public var text: String
    }

    /// The files in the order the zip holds them: the manifest, the test, then the items.
    public var files: [File]
    public var notes: [String]

    /// The path of the assessment test inside the package.
    public static let testPath = "assessment-test.xml"

    /// The package of `plan`.
    public init(_ plan: ExportPlan) {
        var notes = plan.notes
        var identifiers = QTIIdentifiers()
        let manifestID = identifiers.claim("MANIFEST-" + plan.quizID)
        let testID = identifiers.claim(plan.quizID)
        // Identifiers are claimed in plan order, then the items are written on all cores.
        let entries = plan.entries
        let identifiersOfItems = entries.map { identifiers.claim($0.name) }
        let written = parallelMap(Array(entries.indices)) { index in
            QTIItemWriter.write(entries[index], identifier: identifiersOfItems[index])
        }
        var items: [QTIItem] = []
        items.reserveCapacity(written.count)
        for (index, (item, itemNotes)) in written.enumerated() {
            items.append(item)
            let ref = entries[index].ref
            notes += itemNotes.map { "\(ref): \($0)" }
        }
        var text = QTIText()
        let test = QTITestWriter.write(plan, items: items, identifier: testID, text: &text)
        let manifest = QTIManifestWriter.write(
            identifier: manifestID, test: (testID, Self.testPath), items: items, text: &text)
        if text.removed > 0 {
            notes.append(
                "\(plan.quizID): \(text.removed) character(s) that XML 1.0 cannot hold removed "
                    + "from titles and tags")
        }
        files =
            [File(path: "imsmanifest.xml", text: manifest), File(path: Self.testPath, text: test)]
            + items.map { File(path: $0.href, text: $0.xml) }
        self.notes = notes
    }

    /// The package as zip bytes: the files deflated, in `files` order, each dated 1 January
    /// 2000 (UTC) so that the same quiz always gives the same bytes.
    public func zipData() throws -> Data {
        try QTIZipWriter.zip(
            files.map { ($0.path, $0.text) }, date: Date(timeIntervalSince1970: 946_684_800))
    }

    /// Whether `data` looks like a package this exporter wrote (a zip holding an
    /// `imsmanifest.xml`), so `-o` may replace it. A zip that opens with the manifest and ends
    /// with an end record, as this exporter writes them, is known without reading its
    /// directory (which takes ZIPFoundation a second on a package of 20,000 items).
    public static func isPackage(_ data: Data) -> Bool {
        guard data.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { return false }
        if QTIZipWriter.opensWith("imsmanifest.xml", data) { return true }
        guard let archive = try? Archive(data: data, accessMode: .read, pathEncoding: nil)
        else { return false }
        return archive["imsmanifest.xml"] != nil
    }
}
