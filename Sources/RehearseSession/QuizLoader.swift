import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// Why a quiz could not be loaded.
public enum QuizLoadError: Error, Sendable, CustomStringConvertible {
    /// No quiz has this id; `known` lists the quiz ids found (for a suggestion).
    case notFound(id: String, known: [String])
    /// A file or folder could not be read.
    case unreadable(ReadFailure)

    public var description: String {
        switch self {
        case .notFound(let id, let known):
            let guess = Suggestion.closest(to: id, in: known).map { " (did you mean `\($0)`?)" }
            return "there is no quiz `\(id)` in the bank\(guess ?? "")"
        case .unreadable(let failure):
            return failure.description
        }
    }
}

/// A quiz with just the part of the bank it needs.
public struct LoadedQuiz: Sendable {
    public var quiz: Quiz
    /// The quiz, the scenarios it lists or may draw, and the bank's competencies.
    public var bank: Bank
    /// Findings in the files that were read.
    public var diagnostics: [Diagnostic]
    /// How many bank files were parsed whole.
    public var filesParsed: Int
    /// Scenarios of draw pools known only by their opening (no steps yet): id -> file.
    /// `plan(seed:)` parses those a draw picks.
    public var stubs: [String: String] = [:]
    var root = ""

    /// The attempt's plan, with the bank it was made from: the scenarios the draws picked are
    /// parsed whole first (the draws depend only on the pools, so they pick the same).
    public func plan(seed: UInt64) throws(QuizLoadError) -> (
        plan: QuizPlan, bank: Bank, diagnostics: [Diagnostic]
    ) {
        let first = QuizPlan(quiz: quiz, bank: bank, seed: seed)
        let drawn = first.items.compactMap { item -> String? in
            guard case .scenario(let scenario) = item else { return nil }
            return stubs[scenario.id.value]
        }
        guard !drawn.isEmpty else { return (first, bank, []) }
        let loaded = try QuizLoader.parse(drawn, root: root)
        var whole: [String: Scenario] = [:]
        for scenario in loaded.bank.scenarios { whole[scenario.id.value] = scenario }
        var bank = self.bank
        bank.scenarios = bank.scenarios.map { whole[$0.id.value] ?? $0 }
        return (QuizPlan(quiz: quiz, bank: bank, seed: seed), bank, loaded.diagnostics)
    }
}

/// Loads one quiz lazily, so `take` starts fast on a large bank: only the quiz's file, the
/// scenarios it lists and the pools of its draws are parsed. Files are found by name (a quiz or
/// scenario file is named after its id, `scenarios/**/ID.yaml`); when a name does not lead to the
/// file, every file of that kind is read instead, so a misnamed file still works, only slower.
public enum QuizLoader {
    /// Loads quiz `id` of the bank at `root`. With `index` (a file path, in the data folder), a
    /// draw by competency, channel or tags reads its pool from a `PoolIndex` kept there.
    public static func load(quiz id: String, root: String, index: String? = nil)
        throws(QuizLoadError) -> LoadedQuiz
    {
        guard BankDirectory.isBankRoot(root) else {
            throw .unreadable(
                ReadFailure(
                    path: root,
                    reason: "not a bank: it has no quizzes/ or scenarios/ folder (use --bank DIR)"))
        }
        var parsed = 0
        var diagnostics: [Diagnostic] = []

        // The quiz, found by its file name, else by reading every quiz file.
        let quizFiles = try files(under: root, folder: "quizzes")
        var quiz: Quiz?
        var competencies = Competency.builtIn
        var first = quizFiles[id] ?? []
        for name in ["rehearse.yaml", "rehearse.yml"] {
            let path = BankDirectory.join(root, name)
            if FileManager.default.fileExists(atPath: path) { first.append(path) }
        }
        let loaded = try parse(first, root: root)
        parsed += first.count
        diagnostics += loaded.diagnostics
        if loaded.bank.competencies.map(\.id) != Competency.builtIn.map(\.id) {
            competencies = loaded.bank.competencies
        }
        quiz = loaded.bank.quiz(id)
        if quiz == nil {
            let rest = quizFiles.values.flatMap { $0 }.filter { !first.contains($0) }.sorted()
            let all = try parse(rest, root: root)
            parsed += rest.count
            quiz = all.bank.quiz(id)
            if let found = quiz {
                diagnostics += all.diagnostics.filter { $0.location.file == found.location.file }
            }
        }
        guard let quiz else {
            throw .notFound(id: id, known: quizFiles.keys.sorted())
        }

        // The scenarios: listed ones by name; draw pools by name, or every candidate file.
        let scenarioFiles = try files(under: root, folder: "scenarios")
        var wanted = Set<String>()
        var scanAll = false
        var needles: [[String]] = []
        var filters: [DrawFilter] = []
        for item in quiz.items {
            switch item {
            case .scenario(let ref): wanted.insert(ref.value)
            case .question: break
            case .draw(let draw):
                if !draw.filter.scenarios.isEmpty {
                    wanted.formUnion(draw.filter.scenarios.map(\.value))
                } else {
                    scanAll = true
                    needles.append(literals(of: draw.filter))
                    filters.append(draw.filter)
                }
            }
        }
        var paths: [String] = []
        var unnamed = false
        for name in wanted.sorted() {
            if let found = scenarioFiles[name] { paths += found } else { unnamed = true }
        }
        var sources: [SourceFile] = []
        let display: @Sendable (String) -> String = { BankDirectory.displayPath($0, base: root) }
        var stubs: [String: String] = [:]
        var stubScenarios: [Scenario] = []
        if scanAll, !unnamed, let index {
            let listed = Set(paths)
            let pooled = try pool(
                scenarioFiles.values.flatMap { $0 }.filter { !listed.contains($0) }.sorted(),
                filters: filters, index: index, root: root)
            sources += try read(paths, root: root)
            sources += pooled.sources
            stubs = pooled.stubs
            stubScenarios = pooled.stubScenarios
        } else if scanAll || unnamed {
            // Read every scenario file. Those asked for by name are parsed whole; those that can
            // match a draw are first parsed without their steps, which is enough to decide most
            // pools (see `decide`); the rest are skipped unparsed.
            let all = scenarioFiles.values.flatMap { $0 }.sorted()
            let listed = Set(paths)
            var candidates: [SourceFile] = []
            var candidatePaths: [String] = []
            for (path, result) in zip(all, BankDirectory.read(all, display: display)) {
                switch result {
                case .failure(let failure): throw .unreadable(failure)
                case .success(let source):
                    if unnamed || listed.contains(path) {
                        sources.append(source)
                    } else if needles.contains(where: { words in
                        words.allSatisfy { contains(source.bytes, $0) }
                    }) {
                        candidates.append(source)
                        candidatePaths.append(path)
                    }
                }
            }
            let pools = filters
            let decisions = parallelMap(candidates) { decide($0, filters: pools) }
            for (index, decision) in decisions.enumerated() {
                switch decision {
                case .whole: sources.append(candidates[index])
                case .stub(let scenario):
                    stubs[scenario.id.value] = candidatePaths[index]
                    stubScenarios.append(scenario)
                case .skip: break
                }
            }
        } else {
            for result in BankDirectory.read(paths, display: display) {
                switch result {
                case .success(let source): sources.append(source)
                case .failure(let failure): throw .unreadable(failure)
                }
            }
        }
        let scenarios = BankLoader.load(sources)
        parsed += sources.count
        diagnostics += scenarios.diagnostics
        let bank = Bank(
            competencies: competencies, scenarios: scenarios.bank.scenarios + stubScenarios,
            quizzes: [quiz])
        return LoadedQuiz(
            quiz: quiz, bank: bank, diagnostics: diagnostics, filesParsed: parsed,
            stubs: stubs, root: root)
    }

    /// A draw's pools from the index: files unchanged since they were indexed are not read;
    /// the others are parsed whole, indexed, and the index is saved.
    static func pool(_ paths: [String], filters: [DrawFilter], index path: String, root: String)
        throws(QuizLoadError) -> (
            sources: [SourceFile], stubs: [String: String], stubScenarios: [Scenario]
        )
    {
        let old = PoolIndex.read(path)
        var index = PoolIndex()
        var stale: [String] = []
        var stamps: [String: (size: Int64, modified: Int64)] = [:]
        var stubs: [String: String] = [:]
        var stubScenarios: [Scenario] = []
        for file in paths {
            guard let stamp = PoolIndex.stamp(file) else { continue }
            stamps[file] = stamp
            if let entry = old.entries[file], entry.size == stamp.size,
                entry.modified == stamp.modified, let stub = entry.stub(path: file)
            {
                index.entries[file] = entry
                if filters.contains(where: { $0.matches(stub) }) {
                    stubs[stub.id.value] = file
                    stubScenarios.append(stub)
                }
            } else {
                stale.append(file)
            }
        }
        var sources: [SourceFile] = []
        if !stale.isEmpty {
            let read = try read(stale, root: root)
            let parsed = parallelMap(read) { BankLoader.load([$0]) }
            for (file, (source, loaded)) in zip(stale, zip(read, parsed)) {
                guard let scenario = loaded.bank.scenarios.first else { continue }
                if let stamp = stamps[file],
                    let entry = PoolIndex.entry(
                        for: scenario, size: stamp.size, modified: stamp.modified)
                {
                    index.entries[file] = entry
                }
                if filters.contains(where: { $0.matches(scenario) }) { sources.append(source) }
            }
        }
        if !stale.isEmpty || index.entries.count != old.entries.count { index.write(path) }
        return (sources, stubs, stubScenarios)
    }

    /// Reads files, shown relative to the bank.
    static func read(_ paths: [String], root: String) throws(QuizLoadError) -> [SourceFile] {
        var sources: [SourceFile] = []
        for result in BankDirectory.read(
            paths, display: { BankDirectory.displayPath($0, base: root) })
        {
            switch result {
            case .success(let source): sources.append(source)
            case .failure(let failure): throw .unreadable(failure)
            }
        }
        return sources
    }

    /// The quiz ids of a bank, from its file names (cheap: nothing is parsed).
    public static func quizIDs(root: String) -> [String] {
        ((try? files(under: root, folder: "quizzes")) ?? [:]).keys.sorted()
    }

    /// The YAML files under `root/folder`, by name without extension. A plain directory walk
    /// (the file type comes with each name), so listing 2,000 files takes a millisecond or two.
    static func files(under root: String, folder: String) throws(QuizLoadError) -> [String:
        [String]]
    {
        let base = BankDirectory.join(root, folder)
        guard BankDirectory.isDirectory(base) else { return [:] }
        var byName: [String: [String]] = [:]
        var folders = [base]
        while let current = folders.popLast() {
            guard let directory = opendir(current) else {
                throw .unreadable(ReadFailure(path: current, reason: "cannot list the folder"))
            }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let path = BankDirectory.join(current, name)
                var type = entry.pointee.d_type
                if type == UInt8(DT_LNK) {
                    // A linked file counts; a linked folder is not followed (no cycles).
                    if BankDirectory.isDirectory(path) { continue }
                    type = UInt8(DT_REG)
                } else if type == UInt8(DT_UNKNOWN) {
                    type = BankDirectory.isDirectory(path) ? UInt8(DT_DIR) : UInt8(DT_REG)
                }
                if type == UInt8(DT_DIR) {
                    folders.append(path)
                } else if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                    let stem = String(name[..<(name.lastIndex(of: ".") ?? name.endIndex)])
                    byName[stem, default: []].append(path)
                }
            }
        }
        for key in byName.keys { byName[key]?.sort() }
        return byName
    }

    static func parse(_ paths: [String], root: String) throws(QuizLoadError) -> LoadResult {
        var sources: [SourceFile] = []
        for result in BankDirectory.read(
            paths, display: { BankDirectory.displayPath($0, base: root) })
        {
            switch result {
            case .success(let source): sources.append(source)
            case .failure(let failure): throw .unreadable(failure)
            }
        }
        return BankLoader.load(sources)
    }

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
