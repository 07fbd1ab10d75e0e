/// The scan behind `TextPattern.riskReason(_:)`: one pass over the pattern, tracking for each
/// open group whether it holds an unbounded repeat and how each of its alternatives starts.
struct PatternRisk {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    /// An open group (index 0 stands for the whole pattern).
    private struct Group {
        /// Something inside repeats without bound.
        var repeats = false
        /// How each alternative starts: its first atom, "" while it has none.
        var firsts: [String] = [""]
    }

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    /// Atoms that match many different characters: an alternative starting with one overlaps
    /// any other alternative.
    private static func isBroad(_ atom: String) -> Bool {
        atom == "." || atom == "(" || atom.hasPrefix("[")
            || ["\\w", "\\W", "\\s", "\\S", "\\d", "\\D", "\\X", "\\N", "\\p", "\\P"].contains(atom)
    }

    mutating func reason() -> String? {
        var groups = [Group()]
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            var atom: String
            var closed: Group?
            switch scalar {
            case "\\":
                guard index < scalars.count else { return nil }
                let next = scalars[index]
                index += 1
                if ("1"..."9").contains(next) || (next == "k" && peek("<")) {
                    return
                        "it uses a back-reference (`\\\(next)`), whose matching can take exponential time"
                }
                atom = "\\" + String(next)
            case "[":
                atom = "[" + characterClass()
            case "(":
                skipGroupPrefix()
                groups.append(Group())
                continue
            case ")":
                guard groups.count > 1, let group = groups.popLast() else { continue }
                closed = group
                atom = "("
            case "|":
                groups[groups.count - 1].firsts.append("")
                continue
            default:
                atom = String(scalar).lowercased()
            }
            let unbounded = quantifier()
            let last = groups.count - 1
            if groups[last].firsts[groups[last].firsts.count - 1].isEmpty {
                groups[last].firsts[groups[last].firsts.count - 1] = atom
            }
            if let closed {
                if unbounded == true, closed.repeats {
                    return
                        "a repeated group repeats something that itself repeats (as `(a+)+`), so matching can take exponential time"
                }
                if unbounded == true, Self.overlaps(closed.firsts) {
                    return
                        "a repeated group has alternatives that can match the same text (as `(a|a)*`), so matching can take exponential time"
                }
                if closed.repeats { groups[last].repeats = true }
            }
            if unbounded == true { groups[last].repeats = true }
        }
        return nil
    }

    private static func overlaps(_ firsts: [String]) -> Bool {
        guard firsts.count > 1 else { return false }
        if firsts.contains(where: { $0.isEmpty || isBroad($0) }) { return true }
        return Set(firsts).count < firsts.count
    }

    private func peek(_ scalar: Unicode.Scalar) -> Bool {
        index < scalars.count && scalars[index] == scalar
    }

    /// The rest of a `[...]` class, up to and including its `]`.
    private mutating func characterClass() -> String {
        var text = ""
        var first = true
        var depth = 1
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            text.unicodeScalars.append(scalar)
            if scalar == "\\", index < scalars.count {
                text.unicodeScalars.append(scalars[index])
                index += 1
            } else if scalar == "[" {
                depth += 1
            } else if scalar == "]" && !(first && text == "]") {
                depth -= 1
                if depth == 0 { return text }
            } else if scalar == "^" && first {
                continue
            }
            first = false
        }
        return text
    }

    /// Skips `?:`, `?=`, `?!`, `?<=`, `?<!`, `?<name>`, `?>` and inline flags (`?i:`) after
    /// `(`.
    private mutating func skipGroupPrefix() {
        guard peek("?") else { return }
        index += 1
        if peek("<"), index + 1 < scalars.count, !["=", "!"].contains(scalars[index + 1]) {
            while index < scalars.count, scalars[index] != ">" { index += 1 }
            index += 1
            return
        }
        while index < scalars.count, scalars[index].properties.isAlphabetic || scalars[index] == "-"
        {
            index += 1
        }
        if peek("<") { index += 1 }
        if index < scalars.count, [":", "=", "!", ">"].contains(scalars[index]) { index += 1 }
    }

    /// Reads a quantifier after an atom: nil when there is none, true when it is unbounded
    /// (`*`, `+`, `{n,}`) and not possessive, false for a bounded one.
    private mutating func quantifier() -> Bool? {
        guard index < scalars.count else { return nil }
        var unbounded: Bool
        switch scalars[index] {
        case "*", "+":
            unbounded = true
            index += 1
        case "?":
            unbounded = false
            index += 1
        case "{":
            var probe = index + 1
            var text = ""
            while probe < scalars.count, scalars[probe] != "}" {
                text.unicodeScalars.append(scalars[probe])
                probe += 1
            }
            let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            guard probe < scalars.count, (1...2).contains(parts.count),
                parts.allSatisfy({ $0.allSatisfy(\.isNumber) }), !(parts.first?.isEmpty ?? true)
            else { return nil }
            unbounded = parts.count == 2 && parts[1].isEmpty
            index = probe + 1
        default:
            return nil
        }
        if peek("+") {
            // Possessive: never gives back what it took, so never backtracks into it.
            index += 1
            unbounded = false
        } else if peek("?") {
            index += 1
        }
        return unbounded
    }
}
