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
    let base: UnsafePointer<UInt8>?
    /// The scanner's copies of the fields that had to be unescaped (see `CSVScanner`).
    let copies: UnsafePointer<UInt8>
    let bounds: UnsafeBufferPointer<Int>
    let lines: UnsafeBufferPointer<Int>
    /// The line the record starts on (1-based).
    public let line: Int

    /// The number of fields.
    public var count: Int { lines.count }

    /// The bytes of field `index` (0-based), unquoted.
    @inline(__always)
    public func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        CSVScanner.bytes(bounds[2 * index], bounds[2 * index + 1], in: base, copies: copies)
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
/// `Character`s (in Swift "\r\n" is one `Character`), and never writes to the bytes it reads: a
/// field is a span of them, quotes left out, or, when it must be unescaped (a doubled quote, a
/// line break in CR form, text after its closing quote), a copy in a buffer of the reader's own.
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

    /// Calls `body` with every record of `bytes` (UTF-8), in order.
    public static func forEachRecord(
        in bytes: [UInt8], delimiter: UInt8, _ body: (CSVRecord) throws -> Void
    ) throws {
        try bytes.withUnsafeBufferPointer { buffer in
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
        var result: [(line: Int, fields: [String], fieldLines: [Int])] = []
        try forEachRecord(in: bytes, delimiter: delimiter) { record in
            result.append((record.line, record.strings, (0..<record.count).map(record.line(of:))))
        }
        return result
    }
}

/// The parser's state machine as a cursor over a buffer it only reads: `next()` reads one record
/// and keeps its field bounds; hot loops call it directly, with no closure per record.
///
/// A field is a span of the buffer, or, when it had to be unescaped, a span of `copies` (its
/// bounds are then stored bit-flipped, so negative): the copies of one record are kept until the
/// next record is read. `isCopy(_:)` tells which, for a caller that keeps a field's bytes longer.
public struct CSVScanner {
    let pointer: UnsafePointer<UInt8>?
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
    /// The unescaped fields of the current record, one after the other.
    private var copies: UnsafeMutablePointer<UInt8>
    private var copiesCapacity = 256
    private var copiesCount = 0
    /// The number of fields of the current record.
    public private(set) var fieldCount = 0
    /// The line the current record starts on.
    public private(set) var recordLine = 1
    /// The last `next()` threw because a quoted field was still open at the end of the buffer.
    public private(set) var endedInQuote = false

    /// Line breaks read so far.
    public var lineCount: Int { line - 1 }

    public init(_ buffer: UnsafeBufferPointer<UInt8>, delimiter: UInt8) {
        pointer = buffer.baseAddress
        count = buffer.count
        self.delimiter = delimiter
        delimiterMask = UInt64(delimiter) &* CSVParser.ones
        bounds = .allocate(capacity: 2 * capacity)
        lines = .allocate(capacity: capacity)
        copies = .allocate(capacity: copiesCapacity)
    }

    /// Frees the field bounds and copies; the scanner must not be used after.
    public func deallocate() {
        bounds.deallocate()
        lines.deallocate()
        copies.deallocate()
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

    /// Appends `bytes` to the current record's copies.
    private mutating func copy(_ bytes: UnsafeBufferPointer<UInt8>) {
        if copiesCount + bytes.count > copiesCapacity {
            var newCapacity = copiesCapacity * 2
            while newCapacity < copiesCount + bytes.count { newCapacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            grown.update(from: copies, count: copiesCount)
            copies.deallocate()
            copies = grown
            copiesCapacity = newCapacity
        }
        if let base = bytes.baseAddress {
            (copies + copiesCount).update(from: base, count: bytes.count)
        }
        copiesCount += bytes.count
    }

    /// Appends one byte to the current record's copies.
    @inline(__always)
    private mutating func copy(_ byte: UInt8) {
        withUnsafePointer(to: byte) { copy(UnsafeBufferPointer(start: $0, count: 1)) }
    }

    /// The bytes between stored bounds: in `base`, or bit-flipped, in `copies`.
    @inline(__always)
    static func bytes(
        _ start: Int, _ end: Int, in base: UnsafePointer<UInt8>?, copies: UnsafePointer<UInt8>
    ) -> UnsafeBufferPointer<UInt8> {
        if start >= 0 {
            return UnsafeBufferPointer(start: base.map { $0 + start }, count: end - start)
        }
        return UnsafeBufferPointer(start: copies + ~start, count: ~end - ~start)
    }

    /// The bytes of field `index` of the current record (valid until the next record is read).
    @inline(__always)
    public func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        Self.bytes(bounds[2 * index], bounds[2 * index + 1], in: pointer, copies: copies)
    }

    /// Is field `index` of the current record a copy (its bytes go when the next record is read)
    /// rather than a span of the buffer?
    @inline(__always)
    public func isCopy(_ index: Int) -> Bool { bounds[2 * index] < 0 }

    public func withRecord<T>(_ body: (CSVRecord) throws -> T) rethrows -> T {
        try body(
            CSVRecord(
                base: pointer, copies: copies,
                bounds: UnsafeBufferPointer(start: bounds, count: 2 * fieldCount),
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
            copiesCount = 0
            recordLine = line
            var endOfRecord = false
            while !endOfRecord {
                let fieldLine = line
                var fieldStart = read
                var fieldEnd = read
                // Where the field's copy starts, once it needs one.
                var copyStart = -1
                if read < count, pointer[read] == quote {
                    read += 1
                    fieldStart = read
                    var closed = false
                    while read < count {
                        let byte = pointer[read]
                        if byte == quote {
                            fieldEnd = read
                            if read + 1 < count, pointer[read + 1] == quote {
                                // A doubled quote: the field is copied from here, one quote kept.
                                if copyStart < 0 {
                                    copyStart = copiesCount
                                    copy(span(pointer, fieldStart, read))
                                }
                                copy(quote)
                                read += 2
                                continue
                            }
                            read += 1
                            closed = true
                            break
                        }
                        if byte == carriageReturn {
                            // A line break inside a field: CRLF and CR become LF (so it is copied).
                            if copyStart < 0 {
                                copyStart = copiesCount
                                copy(span(pointer, fieldStart, read))
                            }
                            line += 1
                            copy(lineFeed)
                            read += 1
                            if read < count, pointer[read] == lineFeed { read += 1 }
                            continue
                        }
                        if byte == lineFeed { line += 1 }
                        if copyStart >= 0 { copy(byte) }
                        read += 1
                    }
                    if !closed {
                        endedInQuote = true
                        throw CSVError(
                            line: fieldLine, column: fieldCount + 1,
                            reason: "a quoted field is never closed (a `\"` is missing)")
                    }
                    if read < count, pointer[read] != delimiter, pointer[read] != lineFeed,
                        pointer[read] != carriageReturn
                    {
                        // Text after the closing quote is appended to the field.
                        if copyStart < 0 {
                            copyStart = copiesCount
                            copy(span(pointer, fieldStart, fieldEnd))
                        }
                        let tail = read
                        while read < count {
                            let byte = pointer[read]
                            if byte == delimiter || byte == lineFeed || byte == carriageReturn {
                                break
                            }
                            read += 1
                        }
                        copy(span(pointer, tail, read))
                    }
                } else {
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
                    fieldEnd = read
                }
                if copyStart >= 0 {
                    addField(~copyStart, ~copiesCount, fieldLine)
                } else {
                    addField(fieldStart, fieldEnd, fieldLine)
                }
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

    @inline(__always)
    private func span(_ pointer: UnsafePointer<UInt8>, _ start: Int, _ end: Int)
        -> UnsafeBufferPointer<UInt8>
    {
        UnsafeBufferPointer(start: pointer + start, count: end - start)
    }
}
