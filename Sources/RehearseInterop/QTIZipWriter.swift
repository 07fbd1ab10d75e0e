import Foundation
import RehearseCore
import ZIPFoundation

/// Writes a package's zip in one pass: every file deflated (by ZIPFoundation's deflate, on all
/// cores), its local header and data appended, then the central directory once at the end, so
/// the cost is linear in the files. (ZIPFoundation's `Archive.addEntry` re-reads and re-writes
/// the central directory for every entry added: quadratic in the entries.) The records are
/// the ones `addEntry` writes (UTF-8 names, deflate, a fixed date, `-rw-r--r--` files), and a
/// ZIP64 end record when the files are more than a plain zip counts.
enum QTIZipWriter {
    /// Why a zip could not be written.
    enum Failure: Error, CustomStringConvertible {
        /// A file's path is over the 65,535 bytes a zip holds.
        case pathTooLong(String)
        /// The zip would pass the 4 GiB a plain zip addresses.
        case tooLarge
        /// Deflate failed.
        case compression(String, any Error)

        var description: String {
            switch self {
            case .pathTooLong(let path): "the path \(path) is too long for a zip"
            case .tooLarge: "the package would be over 4 GiB"
            case .compression(let path, let error): "cannot compress \(path): \(error)"
            }
        }
    }

    /// A file deflated: its CRC-32, sizes and compressed bytes.
    struct Deflated: Sendable {
        var crc: UInt32
        var size: Int
        var data: Data
    }

    /// The zip of `files` (path, text written as UTF-8), in that order, every file dated
    /// `date` (UTC).
    static func zip(_ files: [(path: String, text: String)], date: Date) throws -> Data {
        let deflated = parallelMap(files.map(\.text)) { text in
            Result { try deflate(Data(text.utf8)) }
        }
        let (day, time) = dosDateTime(date)
        var out: [UInt8] = []
        let compressed = deflated.reduce(0) { total, result in
            total + ((try? result.get())?.data.count ?? 0)
        }
        out.reserveCapacity(compressed + files.count * 128)
        var central: [UInt8] = []
        central.reserveCapacity(files.count * 96)
        for (file, result) in Swift.zip(files, deflated) {
            let entry: Deflated
            do { entry = try result.get() } catch { throw Failure.compression(file.path, error) }
            let name = Array(file.path.utf8)
            guard name.count <= Int(UInt16.max) else { throw Failure.pathTooLong(file.path) }
            let offset = out.count
            guard offset < Int(UInt32.max), entry.data.count < Int(UInt32.max),
                entry.size < Int(UInt32.max)
            else { throw Failure.tooLarge }
            // The fields a local header and a central directory record share, from `version
            // needed` to the name's length.
            var shared: [UInt8] = []
            put16(20, &shared)  // version needed: 2.0 (deflate)
            put16(0x0800, &shared)  // flags: the name is UTF-8
            put16(8, &shared)  // deflate
            put16(time, &shared)
            put16(day, &shared)
            put32(entry.crc, &shared)
            put32(UInt32(entry.data.count), &shared)
            put32(UInt32(entry.size), &shared)
            put16(UInt16(name.count), &shared)
            put16(0, &shared)  // no extra field

            put32(0x0403_4B50, &out)
            out += shared
            out += name
            out += entry.data

            put32(0x0201_4B50, &central)
            put16(789, &central)  // made by: UNIX, 2.1
            central += shared
            put16(0, &central)  // no comment
            put16(0, &central)  // disk 0
            put16(0, &central)  // internal attributes
            put32(UInt32(S_IFREG | 0o644) << 16, &central)
            put32(UInt32(offset), &central)
            central += name
        }
        let start = out.count
        guard start + central.count < Int(UInt32.max) else { throw Failure.tooLarge }
        out += central
        let count = files.count
        if count >= Int(UInt16.max) {
            // ZIP64 end of central directory record and its locator.
            let record = out.count
            put32(0x0606_4B50, &out)
            put64(44, &out)  // the record's size after this field
            put16(789, &out)
            put16(45, &out)  // version needed: 4.5 (ZIP64)
            put32(0, &out)
            put32(0, &out)
            put64(UInt64(count), &out)
            put64(UInt64(count), &out)
            put64(UInt64(central.count), &out)
            put64(UInt64(start), &out)
            put32(0x0706_4B50, &out)
            put32(0, &out)
            put64(UInt64(record), &out)
            put32(1, &out)
        }
        let entries = UInt16(min(count, Int(UInt16.max)))
        put32(0x0605_4B50, &out)
        put16(0, &out)
        put16(0, &out)
        put16(entries, &out)
        put16(entries, &out)
        put32(UInt32(central.count), &out)
        put32(UInt32(start), &out)
        put16(0, &out)  // no comment
        return Data(out)
    }

    /// `bytes` deflated as `Archive.addEntry` deflates them (raw deflate, fed in chunks of
    /// ZIPFoundation's write size), with their CRC-32.
    static func deflate(_ bytes: Data) throws -> Deflated {
        var data = Data()
        let crc = try Data.compress(
            size: Int64(bytes.count), bufferSize: defaultWriteChunkSize,
            provider: { position, size in
                let start = Int(position)
                return bytes.subdata(in: start..<min(bytes.count, start + size))
            },
            consumer: { data.append($0) })
        return Deflated(crc: crc, size: bytes.count, data: data)
    }

    /// Whether `data` is a zip whose first entry is `path` and which ends with an end of
    /// central directory record with no comment (the zips `zip` writes).
    static func opensWith(_ path: String, _ data: Data) -> Bool {
        let name = Array(path.utf8)
        guard data.count >= 30 + name.count + 22 else { return false }
        let bytes = [UInt8](data.prefix(30 + name.count))
        let length = Int(bytes[26]) | Int(bytes[27]) << 8
        let end = [UInt8](data.suffix(22))
        return bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) && length == name.count
            && bytes[30...].elementsEqual(name) && end.starts(with: [0x50, 0x4B, 0x05, 0x06])
            && end[20] == 0 && end[21] == 0
    }

    /// An MS-DOS date and time (the zip's), in UTC, clamped to the years 1980-2099.
    static func dosDateTime(_ date: Date) -> (day: UInt16, time: UInt16) {
        var clock = time_t(date.timeIntervalSince1970)
        var parts = tm()
        guard gmtime_r(&clock, &parts) != nil else { return (0, 0) }
        let year = Int(min(max(parts.tm_year + 1900, 1980), 2099))
        let day = Int(parts.tm_mday) + Int(parts.tm_mon + 1) * 32 + (year - 1980) * 512
        let time = Int(parts.tm_sec / 2) + Int(parts.tm_min) * 32 + Int(parts.tm_hour) * 2048
        return (UInt16(day), UInt16(time))
    }

    private static func put16(_ value: UInt16, _ out: inout [UInt8]) {
        out.append(UInt8(truncatingIfNeeded: value))
        out.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    private static func put32(_ value: UInt32, _ out: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) {
            out.append(UInt8(truncatingIfNeeded: value >> UInt32(shift)))
        }
    }

    private static func put64(_ value: UInt64, _ out: inout [UInt8]) {
        for shift in stride(from: 0, to: 64, by: 8) {
            out.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }
}
