import RehearseBank
import RehearseCore
import RehearseScoring

/// Reads a forms tool's cell into the shared answer encoding: an option, item or response named
/// by its text as the form showed it (`A gift card`), by its label (`a) A gift card`, `a.`), or
/// by its id. A `multi` cell lists several options joined by `, ` (Google Forms) or `;` with a
/// trailing `;` (Microsoft Forms), and an `order` cell its items the same way; the cell is split
/// against the known texts, so an option whose text holds a comma is still one option.
public enum FormCell {
    /// The answer in the shared encoding (`b`, `a,c`, `photo,log,replace`), or nil when `raw`
    /// names no option of `question` (or the question has no options).
    public static func canonical(_ raw: String, for question: Question) -> String? {
        switch question.body {
        case .choice(let options):
            let names = options.map { (id: $0.id.value, text: $0.text) }
            let cell = trimmedList(FormText.fold(raw))
            return names.firstIndex { forms(id: $0.id, text: $0.text).contains(cell) }
                .map { names[$0].id }
        case .multi(let options, _):
            return split(raw, names: options.map { ($0.id.value, $0.text) })?
                .joined(separator: ",")
        case .order(let items, _):
            return split(raw, names: items.map { ($0.id.value, $0.text) })?
                .joined(separator: ",")
        case .truefalse, .text, .number, .rate:
            return nil
        }
    }

    /// The ids of the options `raw` lists, in its order, or nil when it cannot be read as a list
    /// of known options (each at most once).
    static func split(_ raw: String, names: [(id: String, text: String)]) -> [String]? {
        let cell = Array(trimmedList(FormText.fold(raw)))
        guard !cell.isEmpty else { return nil }
        // Every way each option may be written, longest first so a text wins over its label.
        var written: [(form: [Character], option: Int)] = []
        for (option, name) in names.enumerated() {
            for form in forms(id: name.id, text: name.text) where !form.isEmpty {
                written.append((Array(form), option))
            }
        }
        written.sort { $0.form.count > $1.form.count }
        var failed = Set<Int>()
        var chosen: [Int] = []
        // Depth-first over where the next option starts; a start that led nowhere is not tried
        // again, so the search is linear in the cell's length times the forms.
        func parse(_ start: Int) -> Bool {
            if start == cell.count { return true }
            if failed.contains(start) { return false }
            for (form, option) in written where !chosen.contains(option) {
                let end = start + form.count
                guard end <= cell.count, cell[start..<end].elementsEqual(form) else { continue }
                var next = end
                if next < cell.count {
                    guard cell[next] == "," || cell[next] == ";" else { continue }
                    next += 1
                    while next < cell.count, cell[next] == " " { next += 1 }
                }
                chosen.append(option)
                if parse(next) { return true }
                chosen.removeLast()
            }
            failed.insert(start)
            return false
        }
        guard parse(0) else { return nil }
        return chosen.map { names[$0].id }
    }

    /// The folded ways an option may be written: its text (with or without a final full stop),
    /// its id, and its label with the text.
    static func forms(id: String, text: String) -> [String] {
        let id = FormText.fold(id)
        let text = FormText.fold(text)
        var result = [text, id]
        // With or without a full stop at the end: forms authors add or drop it.
        if text.hasSuffix(".") {
            result.append(String(text.dropLast()))
        } else if let last = text.last, last.isLetter || last.isNumber {
            result.append(text + ".")
        }
        for mark in [") ", ". ", ": ", " - "] { result.append(id + mark + text) }
        result.append("(" + id + ") " + text)
        result += [id + ")", id + "."]
        return result
    }

    /// The folded cell without the list separators Microsoft Forms leaves at the end (`a;b;`).
    static func trimmedList(_ folded: String) -> String {
        var text = Substring(folded)
        while let last = text.last, last == ";" || last == " " { text.removeLast() }
        return String(text)
    }

    /// The option text nearest `raw`, for a "did you mean" (nil when none is near).
    static func nearest(_ raw: String, for question: Question) -> String? {
        let texts: [String]
        switch question.body {
        case .choice(let options), .multi(let options, _): texts = options.map(\.text)
        case .order(let items, _): texts = items.map(\.text)
        default: return nil
        }
        let cell = FormText.fold(raw)
        var best: (text: String, distance: Int)?
        for text in texts {
            let distance = Suggestion.editDistance(cell, FormText.fold(text))
            if distance <= Swift.max(2, text.count / 4), distance < best?.distance ?? .max {
                best = (text, distance)
            }
        }
        return best?.text
    }
}
