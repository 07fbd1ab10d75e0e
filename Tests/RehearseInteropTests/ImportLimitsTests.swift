import Foundation
import RehearseBank
import Testing

@testable import RehearseInterop

/// Weights and marks at the edges of what a number can hold: the import never traps, and what
/// it writes passes `check --strict` (a question is worth at most `Question.maximumPoints`).
@Suite struct ImportLimitsTests {
    @Test(arguments: [
        (1e20, "1e+20%"), (-1e20, "-1e+20%"), (50, "50%"), (33.333333, "33.33333%"),
        (-100, "-100%"), (1e300, "1e+300%"), (123_456_789.5, "123456789.5%"),
    ])
    func percentWritesAnyFiniteWeight(value: Double, text: String) {
        #expect(ImportText.percent(value) == text)
    }

    @Test func hugeWeightOnANumberAnswerIsANoteNotATrap() throws {
        let result = try ImportSupport.importText(
            "::a:: How many? {#=1 =%99999999999999999999%3}\n")
        #expect(result.importedCount == 1)
        #expect(
            result.notes.map(\.message) == [
                "a: the 1e+20% answer 3 not carried (no partial credit for numbers)"
            ])
        #expect(ImportSupport.findings(result).isEmpty)
    }

    @Test func aWeightWorthMoreThanAQuestionMayBeIsSkippedWithWhy() throws {
        let result = try ImportSupport.importText(
            "::b:: Pick {=%99999999999999999999%yes ~%50%no}\n\n::c:: Pick {=yes ~%50%no}\n")
        #expect(result.importedCount == 1)
        #expect(result.skipped.count == 1)
        #expect(result.skipped.first?.line == 1)
        #expect(result.skipped.first?.message.contains("more than the 1000 points") == true)
        #expect(ImportSupport.findings(result).isEmpty)
    }

    @Test func aGiftMarkOverTheMaximumBecomesTheMaximum() throws {
        let result = try ImportSupport.importText("// [points:5000]\n::a:: Pick {=yes ~%50%no}\n")
        #expect(result.importedCount == 1)
        #expect(
            result.notes.map(\.message) == [
                "a: a default mark of 5000 became 1000, the most a question may be worth"
            ])
        #expect(result.yaml.contains("score: 1000\n"))
        #expect(ImportSupport.findings(result).isEmpty)
    }

    @Test func aMoodleDefaultMarkOverTheMaximumBecomesTheMaximum() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <quiz>
            <question type="truefalse"><name><text>t1</text></name>
            <questiontext format="html"><text>Sky blue?</text></questiontext>
            <defaultgrade>1e9</defaultgrade>
            <answer fraction="100"><text>true</text></answer>
            <answer fraction="0"><text>false</text></answer></question>
            <question type="multichoice"><name><text>m1</text></name>
            <questiontext format="html"><text>Pick</text></questiontext><single>true</single>
            <answer fraction="1e30"><text>a</text></answer>
            <answer fraction="50"><text>b</text></answer></question>
            </quiz>
            """
        let result = try ImportSupport.importText(xml, name: "big.xml")
        #expect(result.importedCount == 1)
        #expect(result.yaml.contains("points: 1000\n"))
        #expect(result.skipped.map(\.line) == [8])
        #expect(ImportSupport.findings(result).isEmpty)
    }

    /// Whatever GIFT-shaped text comes in, what is imported passes the checker.
    @Test func randomWeightsAndMarksAlwaysPassTheChecker() throws {
        var generator = GiftRobustnessTests.SeededGenerator(state: 29)
        let weights = [
            "", "%50%", "%100%", "%-100%", "%150%", "%99999999999999999999%", "%-1e3%",
            "%0.000001%", "%33.33333%", "%1000%", "%100000%",
        ]
        let marks = ["", "// [points:5000]\n", "// [points:0.001]\n", "// [points:999.5]\n"]
        for round in 0..<400 {
            let mark = marks.randomElement(using: &generator) ?? ""
            let count = Int.random(in: 1...4, using: &generator)
            let answers = (0..<count).map { index in
                let sign = Bool.random(using: &generator) ? "=" : "~"
                return sign + (weights.randomElement(using: &generator) ?? "") + "a\(index)"
            }
            let numeric = (0..<count).map { index in
                "=" + (weights.randomElement(using: &generator) ?? "") + "\(index + 1)"
            }
            let text =
                "\(mark)::q1:: Pick {\(answers.joined(separator: " "))}\n\n"
                + "\(mark)::q2:: How many? {#\(numeric.joined(separator: " "))}\n"
            guard let result = try? ImportSupport.importText(text), result.importedCount > 0 else {
                continue
            }
            let errors = ImportSupport.findings(result).filter { $0.severity == .error }
            #expect(errors.isEmpty, "round \(round): \(text)\n\(errors)")
        }
    }
}

/// Characters a bank file cannot hold are removed wherever they come from, tags included (XML
/// itself refuses U+FFFE and U+FFFF; its C1 controls reach the importer).
@Suite struct ImportUnholdableTextTests {
    @Test func giftTagsAndCategoriesLoseControlCharactersAndNoncharacters() throws {
        let text =
            "$CATEGORY: $course$/Service/Deliver\u{FFFF}y\n\n"
            + "// [tag:a\u{1}b] [tag:c\u{FFFE}d] [tag:\u{7}]\n::t1:: Question one {T}\n"
        let result = try ImportSupport.importText(text)
        #expect(result.importedCount == 1)
        #expect(result.quiz.questions.first?.question.tags == ["ab", "cd", "Delivery"])
        #expect(ImportSupport.findings(result).isEmpty)
    }

    @Test func moodleTagsLoseC1Controls() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <quiz><question type="truefalse"><name><text>n1</text></name>
            <questiontext format="html"><text>Sky blue?\u{9F}</text></questiontext>
            <tags><tag><text>x\u{85}y</text></tag></tags>
            <answer fraction="100"><text>true</text></answer>
            <answer fraction="0"><text>false</text></answer></question></quiz>
            """
        let result = try ImportSupport.importText(xml, name: "tags.xml")
        #expect(result.importedCount == 1)
        #expect(result.quiz.questions.first?.question.tags == ["xy"])
        #expect(result.quiz.questions.first?.question.prompt == "Sky blue?")
        #expect(ImportSupport.findings(result).isEmpty)
    }
}
