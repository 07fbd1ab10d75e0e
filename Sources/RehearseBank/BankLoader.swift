import Dispatch
import RehearseCore

/// What loading produced: the bank and every finding made while reading its files.
public struct LoadResult: Sendable {
    public var bank: Bank
    public var diagnostics: [Diagnostic]
}

/// Turns source files into a `Bank`. Files are read in parallel; one broken file never stops the
/// others. Every finding carries the file, line and column of the value it is about.
public enum BankLoader {
    /// With `sourceHashes` false, no scenario's or quiz's `sourceHash` is computed (left empty):
    /// for a command that records no attempt (`export`), which would hash every byte it reads
    /// for nothing.
    public static func load(
        _ sources: [SourceFile], limits: YAMLLimits = .standard, sourceHashes: Bool = true
    ) -> LoadResult {
        assemble(parallelMap(sources) { decode($0, limits: limits, sourceHashes: sourceHashes) })
    }

    /// Reads the files at `paths` (shown relative to `root`) and loads those `keep` takes (all
    /// by default): what `load` gives for their sources, with each file read and parsed in one
    /// task on all cores, so that no file waits for every other to be read before it is
    /// parsed. The first file that cannot be read, in order, fails. `sourceHashes` as for
    /// `load(_:limits:sourceHashes:)`.
    public static func load(
        reading paths: [String], root: String, limits: YAMLLimits = .standard,
        sourceHashes: Bool = true, keep: @Sendable (String, SourceFile) -> Bool = { _, _ in true }
    ) throws(ReadFailure) -> LoadResult {
        let done = parallelMap(paths) { path -> Result<FileResult?, ReadFailure> in
            BankDirectory.readFile(path, shownAs: BankDirectory.displayPath(path, base: root))
                .map { source in
                    keep(path, source)
                        ? decode(source, limits: limits, sourceHashes: sourceHashes) : nil
                }
        }
        var decoded: [FileResult] = []
        decoded.reserveCapacity(done.count)
        // Taken out of the array one by one (in order), not copied: a copy of a file's result
        // retains every field of its scenario.
        var results = done
        results.reverse()
        while let result = results.popLast() {
            switch result {
            case .failure(let failure): throw failure
            case .success(let file?): decoded.append(file)
            case .success(nil): continue
            }
        }
        return assemble(decoded)
    }

    /// The bank of decoded files, in their order.
    static func assemble(_ files: consuming [FileResult]) -> LoadResult {
        var bank = Bank()
        var diagnostics: [Diagnostic] = []
        var declared: [Competency] = []
        // Each file's result is taken out of the array in order, not copied (see `load`).
        var rest = files
        rest.reverse()
        bank.scenarios.reserveCapacity(rest.count)
        while let file = rest.popLast() {
            diagnostics.append(contentsOf: file.diagnostics)
            switch file.content {
            case .scenario(let scenario): bank.scenarios.append(scenario)
            case .quiz(let quiz): bank.quizzes.append(quiz)
            case .config(let competencies, let xapiHome):
                declared.append(contentsOf: competencies)
                if let xapiHome { bank.xapiHome = xapiHome }
            case nil: break
            }
            bank.unreadableScenarios.formUnion(file.unreadableScenarios)
            if file.unreadableConfig { bank.competenciesUnreadable = true }
        }
        if !declared.isEmpty { bank.competencies = declared }
        return LoadResult(bank: bank, diagnostics: diagnostics)
    }

    enum Content {
        case scenario(Scenario)
        case quiz(Quiz)
        case config([Competency], xapiHome: String?)
    }

    struct FileResult {
        var content: Content?
        var diagnostics: [Diagnostic]
        /// For a scenario file that could not be read: the ids it may have been meant to give.
        var unreadableScenarios: [String] = []
        /// True for a `rehearse.yaml` that could not be read.
        var unreadableConfig = false
    }

    /// The result for a file that gives nothing: the ids that references to it may use (its
    /// file name, and its `id` when that much could be read), so that they are not reported
    /// as unknown on top of the file's own findings.
    static func unreadable(
        _ source: SourceFile, role: SourceFile.Role, root: YAMLNode?, _ diagnostics: [Diagnostic]
    ) -> FileResult {
        var result = FileResult(content: nil, diagnostics: diagnostics)
        switch role {
        case .scenario, .automatic:
            var name = String(source.path.split(separator: "/").last ?? "")
            for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) {
                name = String(name.dropLast(suffix.count))
            }
            result.unreadableScenarios = [name]
            if case .mapping(let mapping)? = root, case .scalar(let id)? = mapping["id"] {
                result.unreadableScenarios.append(id.value)
            }
        case .config: result.unreadableConfig = true
        case .quiz: break
        }
        return result
    }

    static func decode(_ source: SourceFile, limits: YAMLLimits, sourceHashes: Bool = true)
        -> FileResult
    {
        let decoder = NodeDecoder(file: source.path)
        let document: YAMLDocument
        switch YAMLReader.read(source.bytes, limits: limits) {
        case .success(let read): document = read
        case .failure(let problem):
            let location = decoder.location(problem.position)
            let diagnostic: Diagnostic
            switch problem.kind {
            case .syntax where problem.message.contains("control characters are not allowed"):
                // libyaml refuses a raw control character before any text exists.
                diagnostic = LoadRule.controlCharacter.finding(
                    at: location, "the text holds a control character",
                    hint:
                        "remove it: control characters would act on the learner's terminal "
                        + "instead of being shown")
            case .syntax:
                diagnostic = LoadRule.yamlSyntax.finding(
                    at: location, problem.message, hint: problem.hint)
            case .encoding:
                diagnostic = LoadRule.invalidEncoding.finding(
                    at: location, problem.message, hint: problem.hint)
            case .limit:
                diagnostic = LoadRule.inputLimit.finding(
                    at: location, problem.message, hint: problem.hint)
            case .anchor:
                diagnostic = LoadRule.yamlAnchor.finding(
                    at: location, problem.message, hint: problem.hint)
            }
            return unreadable(source, role: source.roleFromPath, root: nil, [diagnostic])
        }
        for duplicate in document.duplicateKeys {
            decoder.report(
                .duplicateKey, at: duplicate.position,
                "duplicate key `\(duplicate.key)` (first given at line \(duplicate.firstPosition.line))",
                hint: "keep one `\(duplicate.key)`: YAML mappings hold each key once")
        }
        ControlCharacterScan.report(document, bytes: source.bytes, decoder)
        guard let root = document.root else {
            decoder.report(
                .missingKey, at: TextPosition(line: 1, column: 1), "the file is empty",
                hint: "write a quiz or a scenario; see docs/format.md")
            return unreadable(source, role: source.roleFromPath, root: nil, decoder.diagnostics)
        }
        var content: Content?
        var role = source.roleFromPath
        if role == .automatic, case .mapping(let mapping) = root {
            if mapping["steps"] != nil {
                role = .scenario
            } else if mapping["items"] != nil {
                role = .quiz
            } else if mapping["competencies"] != nil && mapping["id"] == nil {
                role = .config
            }
        }
        switch role {
        case .scenario:
            content = decodeScenario(root, decoder).map { scenario in
                var scenario = scenario
                if sourceHashes { scenario.sourceHash = ContentHash.of(source.bytes) }
                return Content.scenario(scenario)
            }
        case .quiz:
            content = QuizDecoder.decode(root, decoder).map { quiz in
                var quiz = quiz
                if sourceHashes { quiz.sourceHash = ContentHash.of(source.bytes) }
                return Content.quiz(quiz)
            }
        case .config:
            content = decodeConfig(root, decoder).map { Content.config($0.0, xapiHome: $0.1) }
        case .automatic:
            decoder.report(
                .missingKey, at: root.position,
                "cannot tell whether this file is a quiz or a scenario: it has neither `items` nor `steps`",
                hint:
                    "put scenarios under scenarios/ with `steps:`, quizzes under quizzes/ with `items:`"
            )
        }
        guard let content else {
            return unreadable(source, role: role, root: root, decoder.diagnostics)
        }
        return FileResult(content: content, diagnostics: decoder.diagnostics)
    }

    // MARK: Scenario

    static func decodeScenario(_ root: YAMLNode, _ d: NodeDecoder) -> Scenario? {
        guard let map = d.mapping(root, what: "a scenario") else { return nil }
        d.checkKeys(map, allowed: FormatKeys.scenario, what: "a scenario") { key in
            if key == "competency" { return "a scenario lists `competencies: [...]`" }
            let stepKeys = FormatKeys.question + QuestionKind.allCases.flatMap(FormatKeys.kindKeys)
            guard stepKeys.contains(key) || key == "next" else { return nil }
            return "it belongs to a step (indent it under its step in `steps`)"
        }
        let what = "the scenario"
        let id = d.id(map, what: what)
        let title = d.string(map, "title", required: true, what: what)
        let channel = d.choice(map, "channel", as: Channel.self, what: what)
        let competencies = d.ids(map, "competencies", what: what)
        let customer = d.string(map, "customer", what: what)
        let context = d.string(map, "context", what: what)
        let start = d.string(map, "start", what: what)
        let tags = d.strings(map, "tags", what: what, allowScalar: true).map(\.value)
        let stepNodes = d.list(map, "steps", required: true, what: what) ?? []
        var unreadableSteps = Set<String>()
        let steps = stepNodes.compactMap { node -> Question? in
            if let step = QuestionDecoder.decode(node, d, inScenario: true) { return step }
            if case .mapping(let step) = node, case .scalar(let stepID)? = step["id"] {
                unreadableSteps.insert(stepID.value)
            }
            return nil
        }
        let endingNodes = d.list(map, "endings", required: false, what: what) ?? []
        let endings = endingNodes.compactMap { node -> ScenarioEnding? in
            let noun = "an ending"
            guard let ending = d.mapping(node, what: noun) else { return nil }
            d.checkKeys(ending, allowed: FormatKeys.ending, what: noun)
            let endingID = d.id(ending, what: noun)
            let text = d.string(ending, "text", required: true, what: noun)
            guard let endingID, let text else { return nil }
            return ScenarioEnding(id: endingID, text: text.value)
        }
        guard let id else { return nil }
        var scenario = Scenario(
            id: id, title: title?.value ?? id.value, channel: channel, competencies: competencies,
            customer: customer?.value, context: context?.value, start: start, steps: steps,
            tags: tags, location: d.location(map.position))
        scenario.unreadableSteps = unreadableSteps
        scenario.endings = endings
        return scenario
    }

    // MARK: rehearse.yaml

    /// The declared competencies and the xAPI home of `rehearse.yaml`.
    static func decodeConfig(_ root: YAMLNode, _ d: NodeDecoder) -> ([Competency], String?)? {
        guard let map = d.mapping(root, what: "rehearse.yaml") else { return nil }
        d.checkKeys(map, allowed: FormatKeys.config, what: "rehearse.yaml")
        var xapiHome: String?
        if let node = map["xapi"], let xapi = d.mapping(node, what: "`xapi`") {
            d.checkKeys(xapi, allowed: FormatKeys.xapiConfig, what: "`xapi`")
            if let home = d.string(xapi, "home", what: "`xapi`") {
                if AbsoluteIRI.isValid(home.value) {
                    xapiHome = home.value
                } else {
                    d.report(
                        LoadRule.invalidValue.finding(
                            at: home.location,
                            "`xapi.home` \"\(home.value)\" is not an absolute IRI",
                            hint: "write the organisation's address, such as "
                                + "https://lms.example.com or urn:example"))
                }
            }
        }
        let nodes = d.list(map, "competencies", required: true, what: "rehearse.yaml") ?? []
        let competencies: [Competency] = nodes.compactMap { node in
            let noun = "a competency"
            guard let item = d.mapping(node, what: noun) else { return nil }
            d.checkKeys(item, allowed: FormatKeys.competency, what: noun)
            guard let id = d.id(item, what: noun) else { return nil }
            let title = d.string(item, "title", required: true, what: "competency `\(id.value)`")
            let description = d.string(item, "description", what: "competency `\(id.value)`")
            return Competency(
                id: id.value, title: title?.value ?? id.value, description: description?.value ?? ""
            )
        }
        return (competencies, xapiHome)
    }
}
