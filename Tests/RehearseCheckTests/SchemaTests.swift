import Foundation
import Testing

@testable import RehearseBank
@testable import RehearseCheck
@testable import RehearseCore
@testable import RehearseScoring

@Suite struct SchemaTests {
    typealias Object = [String: Any]

    static func parse(_ target: FormatSchema.Target) throws -> Object {
        let text = FormatSchema.json(for: target)
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(parsed as? Object)
    }

    static func definitions(_ target: FormatSchema.Target) throws -> [String: Object] {
        let root = try parse(target)
        let defs = try #require(root["$defs"] as? [String: Any])
        return defs.compactMapValues { $0 as? Object }
    }

    /// The key table each closed object of the schema must match, by definition name.
    static var expectedKeys: [String: [String]] {
        var tables: [String: [String]] = [
            "quiz": FormatKeys.quiz,
            "quiz-item": FormatKeys.quizItem,
            "draw-filter": FormatKeys.drawFilter,
            "scenario": FormatKeys.scenario,
            "ending": FormatKeys.ending,
            "config": FormatKeys.config,
            "competency": FormatKeys.competency,
            "xapi-config": FormatKeys.xapiConfig,
            "choice-option": FormatKeys.choiceOption.filter { $0 != "next" },
            "step-choice-option": FormatKeys.choiceOption,
            "multi-option": FormatKeys.multiOption,
            "order-item": FormatKeys.orderItem,
            "rubric-group": FormatKeys.rubricGroup,
            "rate-response": FormatKeys.rateResponse,
        ]
        for kind in QuestionKind.allCases {
            tables["question-\(kind.rawValue)"] = FormatKeys.question + FormatKeys.kindKeys(kind)
            tables["step-\(kind.rawValue)"] =
                FormatKeys.question + FormatKeys.stepOnly + FormatKeys.kindKeys(kind)
        }
        return tables
    }

    /// Every subschema (objects only) of a parsed schema, depth first.
    static func subschemas(of value: Any) -> [Object] {
        if let object = value as? Object {
            return [object] + object.values.flatMap(subschemas(of:))
        }
        if let array = value as? [Any] {
            return array.flatMap(subschemas(of:))
        }
        return []
    }

    static func strings(_ value: Any?) -> [String]? { value as? [String] }

    static func property(_ name: String, of definition: Object?) -> Object? {
        (definition?["properties"] as? Object)?[name] as? Object
    }

    @Test(arguments: FormatSchema.Target.allCases)
    func parsesAsJSONWithDialectAndID(target: FormatSchema.Target) throws {
        let root = try Self.parse(target)
        #expect(root["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        let id = try #require(root["$id"] as? String)
        #expect(id.hasPrefix("urn:rehearse:bank-format:v1"))
        #expect(root["title"] is String)
    }

    /// Does a condition of the schema (`required`, `not`, `anyOf`) hold for a file with `keys`?
    static func holds(_ condition: Object, for keys: Set<String>) -> Bool {
        if let required = strings(condition["required"]), !Set(required).isSubset(of: keys) {
            return false
        }
        if let negated = condition["not"] as? Object, holds(negated, for: keys) { return false }
        if let any = condition["anyOf"] as? [Object], !any.contains(where: { holds($0, for: keys) })
        {
            return false
        }
        return true
    }

    /// The definition an `if`/`then`/`else` chain picks for a file with `keys`.
    static func branch(of schema: Object, for keys: Set<String>) -> String? {
        if let target = schema["$ref"] as? String { return target }
        guard let condition = schema["if"] as? Object,
            let next = (holds(condition, for: keys) ? schema["then"] : schema["else"]) as? Object
        else { return nil }
        return branch(of: next, for: keys)
    }

    @Test(arguments: [
        (["id", "title", "steps"], "scenario"), (["id", "title", "items"], "quiz"),
        (["id", "steps", "items"], "scenario"), (["competencies"], "config"),
        (["id", "competencies"], "scenario"), (["id", "title", "pass", "stesp"], "quiz"),
        (["id", "title", "itmes"], "scenario"), (["id", "mode"], "quiz"),
    ])
    func theWholeSchemaPicksTheBranchByTheFilesKeys(_ keys: [String], _ expected: String) throws {
        let root = try Self.parse(.all)
        #expect(root["$id"] as? String == "urn:rehearse:bank-format:v1")
        #expect(root["oneOf"] == nil && root["anyOf"] == nil)
        #expect(Self.branch(of: root, for: Set(keys)) == "#/$defs/\(expected)")
    }

    @Test func theBranchesRequireTheKeysTheyAreToldBy() throws {
        let defs = try Self.definitions(.all)
        #expect(Self.strings(defs["scenario"]?["required"])?.contains("steps") == true)
        #expect(Self.strings(defs["quiz"]?["required"])?.contains("items") == true)
        #expect(Self.strings(defs["config"]?["required"]) == ["competencies"])
        #expect(Self.property("id", of: defs["config"]) == nil)
    }

    @Test func oneTargetHoldsOnlyWhatItUses() throws {
        for (target, name) in [
            (FormatSchema.Target.quiz, "quiz"), (.scenario, "scenario"), (.config, "config"),
        ] {
            let root = try Self.parse(target)
            #expect(root["$ref"] as? String == "#/$defs/\(name)")
        }
        let quiz = try Self.definitions(.quiz)
        #expect(
            quiz["scenario"] == nil && quiz["step-choice"] == nil && quiz["question-choice"] != nil)
        let scenario = try Self.definitions(.scenario)
        #expect(scenario["quiz"] == nil && scenario["question"] == nil && scenario["step"] != nil)
        #expect(Set(try Self.definitions(.config).keys) == ["config", "competency", "xapi-config"])
    }

    @Test(arguments: FormatSchema.Target.allCases)
    func everyReferenceResolves(target: FormatSchema.Target) throws {
        let root = try Self.parse(target)
        let defs = try Self.definitions(target)
        for schema in Self.subschemas(of: root) {
            guard let ref = schema["$ref"] as? String else { continue }
            #expect(ref.hasPrefix("#/$defs/"))
            #expect(defs[String(ref.dropFirst("#/$defs/".count))] != nil, "\(ref) resolves")
        }
    }

    @Test func propertiesEqualTheFormatKeyTables() throws {
        let defs = try Self.definitions(.all)
        for (name, keys) in Self.expectedKeys {
            let definition = try #require(defs[name], "definition \(name)")
            let properties = try #require(definition["properties"] as? Object, "\(name)")
            #expect(Set(properties.keys) == Set(keys), "keys of \(name)")
            #expect(properties.count == keys.count, "keys of \(name)")
            #expect(definition["additionalProperties"] as? Bool == false, "\(name) is closed")
            #expect(definition["type"] as? String == "object")
            #expect(definition["title"] is String && definition["description"] is String)
            for required in Self.strings(definition["required"]) ?? [] {
                #expect(keys.contains(required), "\(name) requires its own key \(required)")
            }
        }
    }

    @Test func everyClosedObjectIsAFormatKeyTable() throws {
        let tables = Set(Self.expectedKeys.values.map(Set.init))
        let root = try Self.parse(.all)
        var closed = 0
        for schema in Self.subschemas(of: root) where schema["additionalProperties"] != nil {
            closed += 1
            #expect(schema["additionalProperties"] as? Bool == false)
            let properties = try #require(schema["properties"] as? Object)
            #expect(tables.contains(Set(properties.keys)), "\(properties.keys.sorted())")
        }
        #expect(closed == Self.expectedKeys.count)
    }

    @Test func everyPropertyIsDescribed() throws {
        let defs = try Self.definitions(.all)
        for name in Self.expectedKeys.keys {
            let properties = try #require(defs[name]?["properties"] as? Object)
            for (key, value) in properties {
                let schema = try #require(value as? Object, "\(name).\(key)")
                let description = schema["description"] as? String ?? ""
                #expect(!description.isEmpty, "\(name).\(key) has a description")
            }
        }
    }

    @Test func enumerationsMatchTheSwiftEnums() throws {
        let defs = try Self.definitions(.all)
        let kinds = QuestionKind.allCases.map(\.rawValue)
        for dispatch in ["question", "step"] {
            #expect(Self.strings(Self.property("kind", of: defs[dispatch])?["enum"]) == kinds)
            let branches = try #require(defs[dispatch]?["allOf"] as? [Object])
            #expect(branches.count == kinds.count)
        }
        for kind in kinds {
            #expect(
                Self.property("kind", of: defs["question-\(kind)"])?["const"] as? String == kind)
            #expect(Self.property("kind", of: defs["step-\(kind)"])?["const"] as? String == kind)
        }
        let channels = Channel.allCases.map(\.rawValue)
        #expect(Self.strings(Self.property("channel", of: defs["scenario"])?["enum"]) == channels)
        #expect(
            Self.strings(Self.property("channel", of: defs["draw-filter"])?["enum"]) == channels)
        #expect(
            Self.strings(Self.property("mode", of: defs["quiz"])?["enum"])
                == QuizMode.allCases.map(\.rawValue))
        #expect(
            Self.strings(Self.property("shuffle", of: defs["quiz"])?["enum"])
                == ShuffleMode.allCases.map(\.rawValue))
        for prefix in ["question", "step"] {
            #expect(
                Self.strings(Self.property("scoring", of: defs["\(prefix)-multi"])?["enum"])
                    == MultiScoring.allCases.map(\.rawValue))
            #expect(
                Self.strings(Self.property("scoring", of: defs["\(prefix)-order"])?["enum"])
                    == OrderScoring.allCases.map(\.rawValue))
        }
    }

    @Test func idsUseTheFormatPattern() throws {
        let defs = try Self.definitions(.all)
        let pattern = "^[a-z0-9][a-z0-9-]{0,63}$"
        #expect(FormatSchema.idPattern == pattern)
        for name in [
            "quiz", "scenario", "competency", "question-choice", "step-rate", "order-item",
        ] {
            #expect(
                Self.property("id", of: defs[name])?["pattern"] as? String == pattern, "\(name)")
        }
        #expect(Self.property("next", of: defs["step-text"])?["pattern"] as? String == pattern)
        #expect(
            Self.property("next", of: defs["step-choice-option"])?["pattern"] as? String == pattern)
    }

    @Test func boundsFollowTheLoader() throws {
        let defs = try Self.definitions(.all)
        let points = Self.property("points", of: defs["question-truefalse"])
        #expect(points?["exclusiveMinimum"] as? Int == 0)
        #expect(Self.property("score", of: defs["choice-option"])?["minimum"] as? Int == 0)
        #expect(Self.property("tolerance", of: defs["step-number"])?["minimum"] as? Int == 0)
        let scale = Self.property("scale", of: defs["step-rate"])
        #expect(scale?["minimum"] as? Int == 2 && scale?["maximum"] as? Int == 100)
        #expect(Self.property("draw", of: defs["quiz-item"])?["minimum"] as? Int == 1)
        #expect(Self.property("items", of: defs["step-order"])?["minItems"] as? Int == 2)
        #expect(Self.property("steps", of: defs["scenario"])?["minItems"] as? Int == 1)
    }

    @Test func durationAndPassPatternsAcceptWhatTheLoaderReads() throws {
        let defs = try Self.definitions(.all)
        let timeLimit = try #require(
            Self.property("time-limit", of: defs["quiz"])?["pattern"] as? String)
        let time = try NSRegularExpression(pattern: timeLimit)
        func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
            regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
        for good in ["20m", "90s", "1h30m", "1h 30m", "20", "0m30s"] {
            #expect(matches(time, good), "\(good)")
        }
        for bad in ["20 minutes", "0m", "", "m", "1.5h", "0"] {
            #expect(!matches(time, bad), "\(bad)")
        }
        let passPattern = try #require(
            Self.property("pass", of: defs["quiz"])?["pattern"] as? String)
        let pass = try NSRegularExpression(pattern: passPattern)
        for good in ["75%", "75 %", "100%", "0%", "62.5%", "75"] {
            #expect(matches(pass, good), "\(good)")
        }
        for bad in ["120%", "abc", "75%%", "-5%"] {
            #expect(!matches(pass, bad), "\(bad)")
        }
    }

    @Test func outputIsDeterministic() {
        for target in FormatSchema.Target.allCases {
            #expect(FormatSchema.json(for: target) == FormatSchema.json(for: target))
            #expect(!FormatSchema.json(for: target).hasSuffix("\n"))
        }
    }
}
