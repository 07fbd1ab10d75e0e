import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// A CSV syntax error: where it is and why.
public struct CSVError: Error, Sendable, Hashable {
    public var line: Int
    public var column: Int
    public var reason: String
}

/// One record of a CSV file, valid only inside the callback that receives it: its fields point
/// into the parser's buffer.
public struct CSVRecord {
    let base: UnsafeMutablePointer<UInt8>?
    let bounds: UnsafeBufferPointer<Int>
    let lines: UnsafeBufferPointer<Int>
    /// The line the record starts on (1-based).
    public let line: Int

    /// The number of fields.
    public var count: Int { lines.count }

    /// The bytes of field `index` (0-based), unquoted.
    @inline(__always)
    public func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let start = bounds[2 * index]
        return UnsafeBufferPointer(
            start: base.map { $0 + start }, count: bounds[2 * index + 1] - start)
    }

    /// The text of field `index`, or "" past the last field.
    public func string(_ index: Int) -> String {
        index < count ? String(decoding: bytes(index), as: UTF8.self) : ""
    }

    /// The line field `index` starts on (a quoted field may span lines).
    public func line(of index: Int) -> Int { index < count ? lines[index] : line }

    /// Every field as text.
    public var strings: [String] { (0..<count).map(string) }
}

/// A byte-level RFC 4180 reader: quoted fields may hold the delimiter, doubled quotes and line
/// breaks; records end in LF, CRLF or CR; blank lines are skipped. It works on bytes, not
/// `Character`s (in Swift "\r\n" is one `Character`), and unquotes in place, so reading a field
/// allocates nothing.
///
/// Lenient where spreadsheets are sloppy: a quote inside an unquoted field is kept as text, and
/// text after a closing quote is appended to the field. The one error is a quote left open at the
/// end of the file.
public enum CSVParser {
    static let quote = UInt8(ascii: "\"")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")

    static let ones: UInt64 = 0x0101_0101_0101_0101

    /// Does any byte of `word` equal the byte repeated in `mask`? (The classic zero-byte test on
    /// `word ^ mask`.)
    @inline(__always)
    static func hasByte(_ word: UInt64, _ mask: UInt64) -> Bool {
        let value = word ^ mask
        return (value &- ones) & ~value & 0x8080_8080_8080_8080 != 0
    }

    /// The delimiter the header line uses most, among `,`, `;` and tab (`,` when none occurs).
    public static func detectDelimiter(_ bytes: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, 9: 0]
        var quoted = false
        for byte in bytes {
            if byte == quote {
                quoted.toggle()
            } else if !quoted, byte == lineFeed || byte == carriageReturn {
                break
            } else if !quoted, counts[byte] != nil {
                counts[byte, default: 0] += 1
            }
        }
        var best = UInt8(ascii: ",")
        for candidate in [UInt8(ascii: ";"), 9]
        where counts[candidate, default: 0] > counts[best, default: 0] {
            best = candidate
        }
        return best
    }

    /// Calls `body` with every record of `bytes` (UTF-8), in order. `bytes` is unquoted in place:
    /// each field is compacted inside its own span, so fields never overlap.
    public static func forEachRecord(
        in bytes: inout [UInt8], delimiter: UInt8, _ body: (CSVRecord) throws -> Void
    ) throws {
        try bytes.withUnsafeMutableBufferPointer { buffer in
            var scanner = CSVScanner(buffer, delimiter: delimiter)
            defer { scanner.deallocate() }
            while try scanner.next() {
                try scanner.withRecord(body)
            }
        }
    }

    /// Every record as text (for small files: headers, wide sheets, marks matrices).
    public static func records(_ bytes: [UInt8], delimiter: UInt8) throws -> [(
        line: Int, fields: [String], fieldLines: [Int]
    )] {
        var copy = bytes
        var result: [(line: Int, fields: [String], fieldLines: [Int])] = []
        try forEachRecord(in: &copy, delimiter: delimiter) { record in
            result.append((record.line, record.strings, (0..<record.count).map(record.line(of:))))
        }
        return result
    }
}

/// The parser's state machine as a cursor over a mutable buffer: `next()` reads one record and
/// keeps its field bounds; hot loops call it directly, with no closure per record.
public struct CSVScanner {
    let pointer: UnsafeMutablePointer<UInt8>?
    let count: Int
    let delimiter: UInt8
    let delimiterMask: UInt64
    var read = 0
    var line = 1
    /// Start and end of each field of the current record, in pairs, then the line each field
    /// starts on: `capacity` fields' worth, grown as needed, freed by `deallocate()`.
    private var bounds: UnsafeMutablePointer<Int>
    private var lines: UnsafeMutablePointer<Int>
    private var capacity = 64
    /// The number of fields of the current record.
    public private(set) var fieldCount = 0
    /// The line the current record starts on.
    public private(set) var recordLine = 1

    /// Line breaks read so far.
    public var lineCount: Int { line - 1 }

    public init(_ buffer: UnsafeMutableBufferPointer<UInt8>, delimiter: UInt8) {
        pointer = buffer.baseAddress
        count = buffer.count
        self.delimiter = delimiter
        delimiterMask = UInt64(delimiter) &* CSVParser.ones
        bounds = .allocate(capacity: 2 * capacity)
        lines = .allocate(capacity: capacity)
    }

    /// Frees the field bounds; the scanner must not be used after.
    public func deallocate() {
        bounds.deallocate()
        lines.deallocate()
    }

    /// The line field `index` of the current record starts on.
    @inline(__always)
    public func line(of index: Int) -> Int { lines[index] }

    @inline(__always)
    private mutating func addField(_ start: Int, _ end: Int, _ line: Int) {
        if fieldCount == capacity {
            let newCapacity = capacity * 2
            let newBounds = UnsafeMutablePointer<Int>.allocate(capacity: 2 * newCapacity)
            newBounds.update(from: bounds, count: 2 * capacity)
            bounds.deallocate()
            bounds = newBounds
            let newLines = UnsafeMutablePointer<Int>.allocate(capacity: newCapacity)
            newLines.update(from: lines, count: capacity)
            lines.deallocate()
            lines = newLines
            capacity = newCapacity
        }
        bounds[2 * fieldCount] = start
        bounds[2 * fieldCount + 1] = end
        lines[fieldCount] = line
        fieldCount += 1
    }

    /// The bytes of field `index` of the current record.
    @inline(__always)
    public func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let start = bounds[2 * index]
        return UnsafeBufferPointer(
            start: pointer.map { $0 + start }, count: bounds[2 * index + 1] - start)
    }

    public func withRecord<T>(_ body: (CSVRecord) throws -> T) rethrows -> T {
        try body(
            CSVRecord(
                base: pointer, bounds: UnsafeBufferPointer(start: bounds, count: 2 * fieldCount),
                lines: UnsafeBufferPointer(start: lines, count: fieldCount), line: recordLine))
    }

    /// Reads the next non-blank record; false at the end.
    public mutating func next() throws -> Bool {
        guard let pointer else { return false }
        let quote = CSVParser.quote
        let lineFeed = CSVParser.lineFeed
        let carriageReturn = CSVParser.carriageReturn
        let lineFeedMask = UInt64(lineFeed) &* CSVParser.ones
        let carriageReturnMask = UInt64(carriageReturn) &* CSVParser.ones
        while read < count {
            fieldCount = 0
            recordLine = line
            var endOfRecord = false
            while !endOfRecord {
                let fieldLine = line
                var fieldStart = read
                var write = read
                if read < count, pointer[read] == quote {
                    read += 1
                    fieldStart = read
                    write = read
                    var closed = false
                    while read < count {
                        let byte = pointer[read]
                        if byte == quote {
                            if read + 1 < count, pointer[read + 1] == quote {
                                pointer[write] = quote
                                write += 1
                                read += 2
                                continue
                            }
                            read += 1
                            closed = true
                            break
                        }
                        if byte == carriageReturn {
                            // A line break inside a field: CRLF and CR become LF.
                            line += 1
                            pointer[write] = lineFeed
                            write += 1
                            read += 1
                            if read < count, pointer[read] == lineFeed { read += 1 }
                            continue
                        }
                        if byte == lineFeed { line += 1 }
                        pointer[write] = byte
                        write += 1
                        read += 1
                    }
                    if !closed {
                        throw CSVError(
                            line: fieldLine, column: fieldCount + 1,
                            reason: "a quoted field is never closed (a `\"` is missing)")
                    }
                }
                // The unquoted field, or what follows a closing quote.
                if write == read {
                    // Eight bytes at a time while none is a delimiter or a line break.
                    while read + 8 <= count {
                        let word = UnsafeRawPointer(pointer + read).loadUnaligned(as: UInt64.self)
                        if CSVParser.hasByte(word, delimiterMask)
                            || CSVParser.hasByte(word, lineFeedMask)
                            || CSVParser.hasByte(word, carriageReturnMask)
                        {
                            break
                        }
                        read += 8
                    }
                    while read < count {
                        let byte = pointer[read]
                        if byte == delimiter || byte == lineFeed || byte == carriageReturn {
                            break
                        }
                        read += 1
                    }
                    write = read
                } else {
                    while read < count {
                        let byte = pointer[read]
                        if byte == delimiter || byte == lineFeed || byte == carriageReturn {
                            break
                        }
                        pointer[write] = byte
                        write += 1
                        read += 1
                    }
                }
                addField(fieldStart, write, fieldLine)
                if read >= count {
                    endOfRecord = true
                } else if pointer[read] == delimiter {
                    read += 1
                    if read >= count {
                        // A delimiter at the very end still opens an empty last field.
                        addField(read, read, line)
                        endOfRecord = true
                    }
                } else {
                    if pointer[read] == carriageReturn, read + 1 < count,
                        pointer[read + 1] == lineFeed
                    {
                        read += 1
                    }
                    read += 1
                    line += 1
                    endOfRecord = true
                }
            }
            let blank = fieldCount == 1 && bounds[0] == bounds[1]
            if !blank { return true }
        }
        return false
    }
}
