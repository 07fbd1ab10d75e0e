import Testing

@testable import RehearseBank
@testable import RehearseCheck
@testable import RehearseCore
@testable import RehearseScoring

/// Runs every rule's own examples: each triggering example yields findings of the rule exactly
/// at its `↓` markers; each non-triggering example is clean (no finding of any rule).
@Suite struct RuleExampleTests {
    static let rules = RuleRegistry.descriptions

    @Test(arguments: rules)
    func triggeringExamplesFindAtTheMarkers(_ rule: RuleDescription) {
        for example in rule.triggering {
            let (files, markers) = example.resolved()
            #expect(!markers.isEmpty, "a triggering example of \(rule.id) needs a ↓ marker")
            let sources = files.map { SourceFile(path: $0.path, text: $0.text) }
            let found = Checker.check(sources).filter { $0.rule == rule.id }
            #expect(
                Set(found.map(\.location)) == Set(markers),
                "\(rule.id): expected findings at \(markers), got \(found)\nexample:\n\(example)")
            for diagnostic in found {
                #expect(diagnostic.severity == rule.severity)
                #expect(!diagnostic.message.isEmpty && !diagnostic.hint.isEmpty)
            }
        }
    }

    @Test(arguments: rules)
    func nonTriggeringExamplesAreClean(_ rule: RuleDescription) {
        #expect(!rule.nonTriggering.isEmpty, "\(rule.id) needs a non-triggering example")
        for example in rule.nonTriggering {
            let (files, markers) = example.resolved()
            #expect(markers.isEmpty)
            let sources = files.map { SourceFile(path: $0.path, text: $0.text) }
            let found = Checker.check(sources)
            #expect(found.isEmpty, "\(rule.id): expected no findings, got \(found)")
        }
    }

    @Test func ruleIDsAreUniqueAndWellFormed() {
        let ids = Self.rules.map(\.id)
        #expect(Set(ids).count == ids.count)
        for id in ids { #expect(Identifier.isValid(id)) }
    }

    @Test func everyRuleHasATriggeringExampleOrAHostileInputTest() {
        // invalid-encoding cannot be written as a Swift string literal; HostileInputTests covers it.
        for rule in Self.rules where rule.id != InvalidEncodingRule.id {
            #expect(!rule.triggering.isEmpty, "\(rule.id) has no triggering example")
        }
    }
}

extension RuleDescription: CustomTestStringConvertible {
    public var testDescription: String { id }
}
