import RehearseBank
import RehearseCore
import RehearseScoring

/// Text about rules: `rehearse check --explain RULE`, `--list-rules` and the docs' rule table.
public enum RuleDocumentation {
    /// A rule's id, severity, summary, rationale and examples.
    public static func explain(_ rule: RuleDescription) -> String {
        var out = "\(rule.id) (\(rule.severity.rawValue))\n\n\(rule.summary)\n\n\(rule.rationale)\n"
        func section(_ title: String, _ examples: [RuleExample]) {
            guard !examples.isEmpty else { return }
            out += "\n\(title):\n"
            for example in examples {
                for file in example.files {
                    out += "\n  # \(file.path)\n"
                    for line in file.text.split(separator: "\n", omittingEmptySubsequences: false)
                    where !line.isEmpty {
                        out += "  \(line)\n"
                    }
                }
            }
        }
        section("Triggers it (↓ marks where the finding lands)", rule.triggering)
        section("Does not trigger it", rule.nonTriggering)
        return out
    }

    /// One line per rule: its id, its severity and its summary, in columns.
    public static func list(_ rules: [RuleDescription]) -> String {
        TextTable(minimumWidths: [1: 7], indent: "")
            .render(rules.map { [$0.id, $0.severity.rawValue, $0.summary] })
    }

    /// A Markdown table of every rule, for docs/format.md.
    public static func markdownTable(_ rules: [RuleDescription]) -> String {
        var out = "| rule | severity | what it checks |\n|---|---|---|\n"
        for rule in rules {
            let summary = rule.summary.replacingAll("|", with: "\\|")
            out += "| `\(rule.id)` | \(rule.severity.rawValue) | \(summary) |\n"
        }
        return out
    }
}
