import RehearseBank
import RehearseCore
import RehearseScoring

/// Loads one quiz lazily, so `take` starts fast on a large bank (and `export` reads only what
/// it writes): only the quiz's file, the scenarios it lists and the pools of its draws are
/// parsed. Files are listed by the bank's one
/// walker (`BankDirectory`, so hidden folders are skipped as `check` skips them) and found by
/// name (a quiz or scenario file is named after its id, `scenarios/**/ID.yaml`); when a name
/// does not lead to the file, every file of that kind is read instead, so a misnamed file still
/// works, only slower.
public enum QuizLoader {
    /// Loads quiz `id` of the bank at `root`. With `index` (a file path, in the data folder), a
    /// draw by competency, channel or tags reads its pool through a `PoolIndex` kept there.
    public static func load(quiz id: String, root: String, index: String? = nil)
        throws(QuizLoadError) -> LoadedQuiz
    {
        try load(quiz: id, root: root, pools: index.map(Pools.indexed) ?? .byOpening)
    }

    /// Loads quiz `id` of the bank at `root` with every scenario of its draws' pools parsed
    /// whole, for a command that writes whole pools (`export`): no stubs, no pool index. Such a
    /// command records no attempt, so the scenarios' `sourceHash` is not computed (empty).
    public static func loadWithWholePools(quiz id: String, root: String)
        throws(QuizLoadError) -> LoadedQuiz
    {
        try load(quiz: id, root: root, pools: .whole)
    }

    /// How the scenarios of a draw's pools are read.
    enum Pools {
        /// Through the pool index kept at this path.
        case indexed(String)
        /// From their files' opening where it decides the pools (stubs), else whole.
        case byOpening
        /// Whole, every candidate file.
        case whole
    }

    static func load(quiz id: String, root: String, pools: Pools) throws(QuizLoadError)
        -> LoadedQuiz
    {
        do { try BankDirectory.requireBankRoot(root) } catch { throw .unreadable(error) }
        var diagnostics: [Diagnostic] = []

        // The quiz, found by its file name, else by reading every quiz file.
        let quizFiles = try files(under: root, folder: "quizzes")
        var competencies = Competency.builtIn
        let first = (quizFiles[id] ?? []) + BankDirectory.configFiles(root: root)
        let loaded = try parse(first, root: root)
        diagnostics += loaded.diagnostics
        if loaded.bank.competencies.map(\.id) != Competency.builtIn.map(\.id) {
            competencies = loaded.bank.competencies
        }
        var quiz = loaded.bank.quiz(id)
        if quiz == nil {
            let rest = quizFiles.values.flatMap { $0 }.filter { !first.contains($0) }.sorted()
            let all = try parse(rest, root: root)
            quiz = all.bank.quiz(id)
            if let found = quiz {
                diagnostics += all.diagnostics.filter { $0.location.file == found.location.file }
            }
        }
        guard let quiz else {
            throw .notFound(id: id, known: quizFiles.keys.sorted())
        }

        let scenarios = try scenarios(of: quiz, root: root, pools: pools)
        diagnostics += scenarios.diagnostics
        let bank = Bank(
            competencies: competencies, scenarios: scenarios.scenarios, quizzes: [quiz])
        return LoadedQuiz(
            quiz: quiz, bank: bank, diagnostics: diagnostics, stubs: scenarios.stubs, root: root)
    }

    /// The scenarios a quiz lists or may draw: listed ones by name; draw pools by name, from
    /// the pool index, or from every candidate file.
    static func scenarios(of quiz: Quiz, root: String, pools: Pools) throws(QuizLoadError) -> (
        scenarios: [Scenario], stubs: [String: String], diagnostics: [Diagnostic]
    ) {
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
                    needles.append(PoolScan.literals(of: draw.filter))
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
        var stubs: [String: String] = [:]
        var stubScenarios: [Scenario] = []
        if scanAll, !unnamed, case .indexed(let index) = pools {
            let listed = Set(paths)
            let pooled = try PoolIndex.pool(
                scenarioFiles.values.flatMap { $0 }.filter { !listed.contains($0) }.sorted(),
                filters: filters, index: index, root: root)
            sources += try read(paths, root: root)
            sources += pooled.sources
            stubs = pooled.stubs
            stubScenarios = pooled.stubScenarios
        } else if scanAll || unnamed {
            // Read every scenario file. Those asked for by name are parsed whole; those that can
            // match a draw are parsed whole too with `.whole`, else first parsed without their
            // steps, which is enough to decide most pools (see `PoolScan.decide`); the rest are
            // skipped unparsed.
            let all = scenarioFiles.values.flatMap { $0 }.sorted()
            let listed = Set(paths)
            if case .whole = pools {
                // Each file read, tested and parsed in one task (none waits for every file to be
                // read), in the order of the bank's walk, as a whole load gives them (a draw's
                // pool keeps the bank's order).
                let words = needles
                let everyFile = unnamed
                let loaded: LoadResult
                do {
                    loaded = try BankLoader.load(reading: all, root: root, sourceHashes: false) {
                        path, source in
                        everyFile || listed.contains(path)
                            || words.contains {
                                $0.allSatisfy { PoolScan.contains(source.bytes, $0) }
                            }
                    }
                } catch { throw .unreadable(error) }
                return (loaded.bank.scenarios, [:], loaded.diagnostics)
            }
            var candidates: [SourceFile] = []
            var candidatePaths: [String] = []
            for (path, source) in zip(all, try read(all, root: root)) {
                if unnamed || listed.contains(path) {
                    sources.append(source)
                } else if needles.contains(where: { words in
                    words.allSatisfy { PoolScan.contains(source.bytes, $0) }
                }) {
                    // Decided from the opening below.
                    candidates.append(source)
                    candidatePaths.append(path)
                }
            }
            let filtersOfPools = filters
            let decisions = parallelMap(candidates) {
                PoolScan.decide($0, filters: filtersOfPools)
            }
            for (index, decision) in decisions.enumerated() {
                switch decision {
                case .whole: sources.append(candidates[index])
                case .stub(let scenario):
                    stubs[scenario.id.value] = candidatePaths[index]
                    stubScenarios.append(scenario)
                case .skip: break
                }
            }
        } else if case .whole = pools {
            // In the order of the bank's walk, as a whole load gives them (a draw's pool keeps
            // the bank's order).
            sources = try read(paths.sorted(), root: root)
        } else {
            sources = try read(paths, root: root)
        }
        let whole = if case .whole = pools { true } else { false }
        let loaded = BankLoader.load(sources, sourceHashes: !whole)
        return (loaded.bank.scenarios + stubScenarios, stubs, loaded.diagnostics)
    }

    /// The quiz ids of a bank, from its file names (cheap: nothing is parsed).
    public static func quizIDs(root: String) -> [String] {
        ((try? files(under: root, folder: "quizzes")) ?? [:]).keys.sorted()
    }

    /// The bank's YAML files under `root/folder`, by name without extension.
    static func files(under root: String, folder: String) throws(QuizLoadError) -> [String:
        [String]]
    {
        let paths: [String]
        do {
            paths = try BankDirectory.yamlFiles(in: root, folder: folder)
        } catch {
            throw .unreadable(error)
        }
        var byName: [String: [String]] = [:]
        for path in paths {
            let name = path[(path.lastIndex(of: "/").map(path.index(after:)) ?? path.startIndex)...]
            let stem = name[..<(name.lastIndex(of: ".") ?? name.endIndex)]
            byName[String(stem), default: []].append(path)
        }
        return byName
    }

    /// Reads files, shown relative to the bank.
    static func read(_ paths: [String], root: String) throws(QuizLoadError) -> [SourceFile] {
        do { return try BankDirectory.readAll(paths, root: root) } catch {
            throw .unreadable(error)
        }
    }

    /// Reads and loads files with the one loader.
    static func parse(_ paths: [String], root: String) throws(QuizLoadError) -> LoadResult {
        BankLoader.load(try read(paths, root: root))
    }
}
