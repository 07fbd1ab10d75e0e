import RehearseBank
import RehearseCore
import RehearseScoring

/// Text about rules: `rehearse check --explain RULE`, `--list-rules` and the docs' rule table.
public enum RuleDocumentation {
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

    public static func list(_ rules: [RuleDescription]) -> String {
        let width = rules.map(\.id.count).max() ?? 0
        return rules.map { rule in
            rule.id.padding(width) + "  " + rule.severity.rawValue.padding(7) + "  " + rule.summary
        }.joined(separator: "\n") + "\n"
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
