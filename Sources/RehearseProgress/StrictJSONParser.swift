import RehearseCore

/// The recursive-descent reader behind ``StrictJSON/parse(_:)``.
struct StrictJSONParser {
    let bytes: [UInt8]
    var index = 0
    var depth = 0
    /// The member path of the value being read, for duplicate-key messages (list positions are
    /// kept as numbers and written out only for a message).
    var path: [PathPart] = []
    /// When set, the answers of attempts and the memory states are read straight into their
    /// types (`StrictJSONParser+Hot.swift`) and stand in the tree as empty placeholders.
    var hot: HotValues?

    enum PathPart {
        case key(String)
        case index(Int)

        var written: String {
            switch self {
            case .key(let key): key
            case .index(let index): "[\(index)]"
            }
        }
    }

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func document() throws(StrictJSON.Failure) -> StrictJSON {
        // A UTF-8 byte order mark is tolerated, as JSON readers commonly do.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        skipSpace()
        let value = try self.value()
        skipSpace()
        guard index == bytes.count else { throw failure("unexpected text after the JSON value") }
        return value
    }

    private mutating func value() throws(StrictJSON.Failure) -> StrictJSON {
        guard index < bytes.count else { throw failure("the JSON ends too early") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw failure("unexpected character")
        }
    }

    private mutating func enter() throws(StrictJSON.Failure) {
        depth += 1
        guard depth <= StrictJSON.maximumDepth else {
            throw failure("the JSON nests deeper than \(StrictJSON.maximumDepth) levels")
        }
    }

    private mutating func object() throws(StrictJSON.Failure) -> StrictJSON {
        try enter()
        index += 1
        var members: [StrictJSON.Member] = []
        // Keys seen, for a large object; a small one is searched in place (cheaper than hashing).
        var seen = Set<String>()
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(members)
        }
        members.reserveCapacity(8)
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw failure("expected a key in quotes")
            }
            let keyStart = index
            let key = try string()
            let repeated: Bool
            if members.count < 16 {
                repeated = members.contains { $0.key == key }
            } else {
                if seen.isEmpty { seen = Set(members.map(\.key)) }
                repeated = !seen.insert(key).inserted
            }
            if repeated {
                index = keyStart
                let joined = path.map(\.written).reduce("") { place, part in
                    place.isEmpty || part.hasPrefix("[") ? place + part : place + "." + part
                }
                let place = path.isEmpty ? "" : " in " + TerminalText.sanitizeLine(joined)
                throw failure(
                    "the key `\(TerminalText.sanitizeLine(key))` is given twice\(place)")
            }
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw failure("expected `:` after a key")
            }
            index += 1
            skipSpace()
            if hot != nil, let placeholder = try takeHot(key) {
                members.append(StrictJSON.Member(key: key, value: placeholder))
            } else {
                path.append(.key(key))
                let value = try self.value()
                path.removeLast()
                members.append(StrictJSON.Member(key: key, value: value))
            }
            skipSpace()
            guard index < bytes.count else { throw failure("the JSON ends inside an object") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "}") else { throw failure("expected `,` or `}`") }
            index += 1
            depth -= 1
            return .object(members)
        }
    }

    private mutating func array() throws(StrictJSON.Failure) -> StrictJSON {
        try enter()
        index += 1
        var elements: [StrictJSON] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipSpace()
            path.append(.index(elements.count))
            elements.append(try value())
            path.removeLast()
            skipSpace()
            guard index < bytes.count else { throw failure("the JSON ends inside an array") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "]") else { throw failure("expected `,` or `]`") }
            index += 1
            depth -= 1
            return .array(elements)
        }
    }

    private mutating func literal(_ word: StaticString, _ value: StrictJSON)
        throws(StrictJSON.Failure) -> StrictJSON
    {
        let expected = word.withUTF8Buffer { Array($0) }
        guard index + expected.count <= bytes.count,
            Array(bytes[index..<index + expected.count]) == expected
        else { throw failure("unexpected character") }
        index += expected.count
        return value
    }

    private mutating func number() throws(StrictJSON.Failure) -> StrictJSON {
        let start = index
        try scanNumber()
        return .number(
            bytes.withUnsafeBufferPointer { [index] all in
                String(decoding: UnsafeBufferPointer(rebasing: all[start..<index]), as: UTF8.self)
            })
    }

    /// Moves past a number, checking it is one as RFC 8259 writes it (at most 400 characters).
    mutating func scanNumber() throws(StrictJSON.Failure) {
        let start = index
        let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw failure("bad number") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw failure("bad number") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count,
            bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")
        {
            index += 1
            if index < bytes.count,
                bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
            {
                index += 1
            }
            guard index < bytes.count, isDigit(bytes[index]) else { throw failure("bad number") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        guard index - start <= 400 else {
            index = start
            throw failure("a number longer than 400 characters")
        }
    }

    mutating func string() throws(StrictJSON.Failure) -> String {
        index += 1
        // Most strings hold no escape: validated and made at once, with no scalar view.
        var end = index
        var high: UInt8 = 0
        while end < bytes.count, bytes[end] >= 0x20, bytes[end] != UInt8(ascii: "\""),
            bytes[end] != UInt8(ascii: "\\")
        {
            high |= bytes[end]
            end += 1
        }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            let text: String?
            if high < 0x80 {
                // ASCII, so valid UTF-8: made from the bytes in place.
                text = bytes.withUnsafeBufferPointer { [index] all in
                    String(decoding: UnsafeBufferPointer(rebasing: all[index..<end]), as: UTF8.self)
                }
            } else {
                text = String(validating: bytes[index..<end], as: UTF8.self)
            }
            if let text {
                index = end + 1
                return text
            }
        }
        var scalars = String.UnicodeScalarView()
        var runStart = index
        while true {
            guard index < bytes.count else { throw failure("the JSON ends inside a string") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                try appendRun(runStart, to: &scalars)
                index += 1
                return String(scalars)
            }
            if byte < 0x20 { throw failure("a control character inside a string") }
            if byte != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            try appendRun(runStart, to: &scalars)
            index += 1
            guard index < bytes.count else { throw failure("the JSON ends inside a string") }
            let escaped = bytes[index]
            index += 1
            switch escaped {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{8}")
            case UInt8(ascii: "f"): scalars.append("\u{C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"): scalars.append(try unicodeEscape())
            default: throw failure("a bad escape in a string")
            }
            runStart = index
        }
    }

    /// The bytes from `start` to the current index, which must be valid UTF-8.
    private mutating func appendRun(_ start: Int, to scalars: inout String.UnicodeScalarView)
        throws(StrictJSON.Failure)
    {
        guard start < index else { return }
        guard let text = String(validating: bytes[start..<index], as: UTF8.self) else {
            index = start
            throw failure("text that is not UTF-8")
        }
        scalars.append(contentsOf: text.unicodeScalars)
    }

    private mutating func hexQuad() throws(StrictJSON.Failure) -> UInt32 {
        guard index + 4 <= bytes.count else { throw failure("a bad \\u escape") }
        var value: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"):
                digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"):
                digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw failure("a bad \\u escape")
            }
            value = value << 4 | digit
        }
        index += 4
        return value
    }

    private mutating func unicodeEscape() throws(StrictJSON.Failure) -> Unicode.Scalar {
        let first = try hexQuad()
        if (0xD800..<0xDC00).contains(first) {
            guard index + 2 <= bytes.count, bytes[index] == UInt8(ascii: "\\"),
                bytes[index + 1] == UInt8(ascii: "u")
            else { throw failure("a lone surrogate in a \\u escape") }
            index += 2
            let second = try hexQuad()
            guard (0xDC00..<0xE000).contains(second),
                let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
            else { throw failure("a lone surrogate in a \\u escape") }
            return scalar
        }
        guard let scalar = Unicode.Scalar(first) else {
            throw failure("a lone surrogate in a \\u escape")
        }
        return scalar
    }

    mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private func failure(_ reason: String) -> StrictJSON.Failure {
        var line = 1
        var lineStart = 0
        let end = Swift.min(index, bytes.count)
        for position in 0..<end where bytes[position] == 0x0A {
            line += 1
            lineStart = position + 1
        }
        return StrictJSON.Failure(reason: reason, line: line, column: end - lineStart + 1)
    }
}
