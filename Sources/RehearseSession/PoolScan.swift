import Foundation
import RehearseBank
import RehearseCore

/// Decides from a scenario file's bytes, before parsing it whole, whether it can be in the
/// pools of a quiz's draws: plain words first (a channel, tag or competency missing from the
/// file rules a pool out), then the file's opening (every top-level key but `steps`). Cheap
/// tests that never rule out a match: a file they cannot decide is parsed whole.
enum PoolScan {
    enum Decision {
        /// Parse the whole file: the opening alone cannot tell.
        case whole
        /// In some pool, and the opening tells every pool exactly: keep it without its steps.
        case stub(Scenario)
        /// In no pool.
        case skip
    }

    /// Decides a scenario file's pools from its opening (every top-level key but `steps`).
    /// Channel and tags are scenario keys, so the opening decides them; competencies may also
    /// come from steps, so an opening that lacks one leaves the file to be parsed whole.
    static func decide(_ source: SourceFile, filters: [DrawFilter]) -> Decision {
        guard let opening = opening(of: source.bytes) else { return .whole }
        // Words first: a channel or tag missing from the opening, or a competency missing from
        // the whole file, rules a pool out without parsing anything.
        let possible = filters.filter { filter in
            var words = filter.tags
            if let channel = filter.channel { words.append(channel.rawValue) }
            return literalsOnly(words).allSatisfy { contains(opening, $0) }
                && literalsOnly(filter.competencies.map(\.value)).allSatisfy {
                    contains(source.bytes, $0)
                }
        }
        guard !possible.isEmpty else { return .skip }
        let loaded = BankLoader.load([
            SourceFile(path: source.path, bytes: opening, role: .scenario)
        ])
        guard var scenario = loaded.bank.scenarios.first else { return .whole }
        scenario.sourceHash = ContentHash.of(source.bytes)
        var inSome = false
        for filter in possible {
            var loose = filter
            loose.competencies = []
            guard loose.matches(scenario) else { continue }
            if !filter.matches(scenario) {
                // The opening lacks a competency the steps may still give: only when its word
                // occurs in the steps can the file be in the pool.
                let steps = source.bytes.count > opening.count
                let missing = filter.competencies.map(\.value).filter { id in
                    !scenario.competencies.contains { $0.value == id }
                }
                let inSteps = missing.allSatisfy { id in
                    !isLiteral(id) || containsOutside(source.bytes, opening: opening, id)
                }
                if steps && inSteps { return .whole }
                continue
            }
            inSome = true
        }
        return inSome ? .stub(scenario) : .skip
    }

    /// Whether `word` occurs in `bytes` more often than in `opening` (so in the steps block).
    static func containsOutside(_ bytes: [UInt8], opening: [UInt8], _ word: String) -> Bool {
        count(bytes, word) > count(opening, word)
    }

    static func count(_ bytes: [UInt8], _ word: String) -> Int {
        let needle = Array(word.utf8)
        guard !needle.isEmpty, needle.count <= bytes.count else { return 0 }
        var found = 0
        var index = 0
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0],
                bytes[index..<(index + needle.count)].elementsEqual(needle)
            {
                found += 1
                index += needle.count
            } else {
                index += 1
            }
        }
        return found
    }

    static func isLiteral(_ word: String) -> Bool {
        !word.isEmpty && word.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != 0x5C }
    }

    static func literalsOnly(_ words: [String]) -> [String] { words.filter(isLiteral) }

    /// The file without its top-level `steps` block, or nil when it cannot be cut safely (no
    /// block `steps:` key at the start of a line, several documents).
    static func opening(of bytes: [UInt8]) -> [UInt8]? {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 10 {
            lines.append(bytes[start...index])
            start = index + 1
        }
        if start < bytes.count { lines.append(bytes[start...]) }
        let key = Array("steps:".utf8)
        var kept: [UInt8] = []
        var inSteps = false
        var found = false
        for line in lines {
            let first = line.first ?? 10
            if line.starts(with: Array("---".utf8)) || line.starts(with: Array("...".utf8)) {
                return nil
            }
            let topLevel = first != 32 && first != 9 && first != 10 && first != 13 && first != 35
            if topLevel, line.starts(with: key) {
                let rest = line.dropFirst(key.count).filter { $0 != 32 && $0 != 13 && $0 != 10 }
                guard rest.isEmpty || rest.first == 35 else { return nil }  // flow or inline
                inSteps = true
                found = true
                continue
            }
            if inSteps, topLevel, first != 45 { inSteps = false }  // 45: `-` of a list item
            if !inSteps { kept += line }
        }
        return found ? kept : nil
    }

    /// Words that must occur literally in a scenario file for it to match a draw filter (ids,
    /// channel and tags written as plain words). A cheap test that never rules out a match:
    /// only plain words are used, and the file is parsed before the filter is really applied.
    static func literals(of filter: DrawFilter) -> [String] {
        var words = filter.competencies.map(\.value)
        if let channel = filter.channel { words.append(channel.rawValue) }
        words += filter.tags
        return literalsOnly(words)
    }

    /// Does `bytes` contain `word`?
    static func contains(_ bytes: [UInt8], _ word: String) -> Bool {
        let needle = Array(word.utf8)
        guard let head = needle.first, needle.count <= bytes.count else { return needle.isEmpty }
        return bytes.withUnsafeBufferPointer { haystack in
            guard let base = haystack.baseAddress else { return false }
            var start = 0
            let last = haystack.count - needle.count
            while start <= last {
                guard let found = memchr(base + start, Int32(head), last - start + 1) else {
                    return false
                }
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + index, needle, needle.count) == 0 { return true }
                start = index + 1
            }
            return false
        }
    }
}
