import Foundation
import Testing
import ZIPFoundation

@testable import RehearseInterop

/// The one-pass zip writer: the same bytes as ZIPFoundation's `addEntry`, linear in the
/// files, a ZIP64 end record past 65,534 files, and the quick check of our own packages.
@Suite struct QTIZipWriterTests {
    static let date = Date(timeIntervalSince1970: 946_684_800)

    /// What `Archive.addEntry` writes for `files`, one entry at a time (the writer it replaces).
    static func archiveBytes(_ files: [(path: String, text: String)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
        for file in files {
            let data = Data(file.text.utf8)
            try archive.addEntry(
                with: file.path, type: .file, uncompressedSize: Int64(data.count),
                modificationDate: date, compressionMethod: .deflate
            ) { position, size in
                let start = Int(position)
                return data.subdata(in: start..<min(data.count, start + size))
            }
        }
        return try #require(archive.data)
    }

    @Test func writesTheBytesZIPFoundationWrites() throws {
        // Large enough for several 16 KiB chunks, a name with non-ASCII characters, an empty
        // file.
        let long = (1...4000).map { "<p>line \($0) of the item</p>\n" }.joined()
        let files: [(path: String, text: String)] = [
            ("imsmanifest.xml", "<manifest/>\n"), ("items/long.xml", long),
            ("items/café-ü.xml", "<x>é</x>\n"), ("items/empty.xml", ""),
        ]
        let written = try QTIZipWriter.zip(files, date: Self.date)
        #expect(written == (try Self.archiveBytes(files)))
        let archive = try Archive(data: written, accessMode: .read, pathEncoding: nil)
        var read = Data()
        _ = try archive.extract(try #require(archive["items/long.xml"])) { read.append($0) }
        #expect(String(decoding: read, as: UTF8.self) == long)
    }

    @Test func aPackageOfAnyDateIsDatedInUTC() {
        // 2031-07-20 13:45:58 UTC.
        let (day, time) = QTIZipWriter.dosDateTime(Date(timeIntervalSince1970: 1_942_321_558))
        let wantedDay: Int = 20 + 7 * 32 + (2031 - 1980) * 512
        let wantedTime: Int = 58 / 2 + 45 * 32 + 13 * 2048
        #expect(Int(day) == wantedDay)
        #expect(Int(time) == wantedTime)
        // Before 1980 the zip's calendar starts.
        #expect(QTIZipWriter.dosDateTime(Date(timeIntervalSince1970: 0)).day == 1 + 32)
    }

    @Test func moreFilesThanAPlainZipCountsGetAZIP64EndRecord() throws {
        let count = 65_536
        let files = (0..<count).map { (path: "f\($0)", text: "") }
        let data = try QTIZipWriter.zip(files, date: Self.date)
        let bytes = [UInt8](data)
        func value(_ at: Int, _ size: Int) -> UInt64 {
            (0..<size).reduce(UInt64(0)) { $0 | UInt64(bytes[at + $1]) << (8 * UInt64($1)) }
        }
        let end = bytes.count - 22
        #expect(value(end, 4) == 0x0605_4B50)
        #expect(value(end + 8, 2) == 0xFFFF)  // the count is in the ZIP64 record
        let locator = end - 20
        #expect(value(locator, 4) == 0x0706_4B50)
        let record = Int(value(locator + 8, 8))
        #expect(value(record, 4) == 0x0606_4B50)
        #expect(value(record + 32, 8) == UInt64(count))
        let start = Int(value(record + 48, 8))
        #expect(value(start, 4) == 0x0201_4B50)  // the central directory's first record
        #expect(Int(value(record + 40, 8)) == record - start)
    }

    @Test func ourPackagesAreKnownWithoutReadingTheirDirectory() throws {
        let ours = try QTIZipWriter.zip(
            [("imsmanifest.xml", "<manifest/>\n"), ("a.xml", "<a/>\n")], date: Self.date)
        #expect(QTIZipWriter.opensWith("imsmanifest.xml", ours))
        #expect(QTIPackage.isPackage(ours))
        // A zip holding a manifest elsewhere is still a package, read the slow way.
        let other = try Self.archiveBytes([
            ("a.xml", "<a/>\n"), ("imsmanifest.xml", "<manifest/>\n"),
        ])
        #expect(!QTIZipWriter.opensWith("imsmanifest.xml", other))
        #expect(QTIPackage.isPackage(other))
        let none = try QTIZipWriter.zip([("a.xml", "<a/>\n")], date: Self.date)
        #expect(!QTIPackage.isPackage(none))
        #expect(!QTIPackage.isPackage(Data("PK\u{3}\u{4} not a zip".utf8)))
    }

    @Test(arguments: [
        "  Plain   words\tand\nlines\r\n  ",
        String(repeating: "word ", count: 30),
        String(repeating: "x", count: 80), String(repeating: "x", count: 81),
        String(repeating: "ab ", count: 26) + "c", "", " \n\t ", "\u{0B}\u{0C}a\u{1C}b",
        "Café  au   lait " + String(repeating: "é", count: 90),
    ])
    func titlesAreThePromptOnOneLineCut(prompt: String) {
        let line = prompt.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        let expected = line.count > 80 ? String(line.prefix(79)) + "…" : line
        #expect(QTIItemWriter.title(prompt) == expected)
    }
}
