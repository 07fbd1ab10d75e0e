import RehearseBank
import RehearseCore
import RehearseInterop
import Testing

@Suite struct MoodleXMLTests {
    static let sample = """
        <?xml version="1.0" encoding="UTF-8"?>
        <quiz>
          <question type="category">
            <category><text>$course$/top/Customer service/Returns</text></category>
          </question>
          <question type="multichoice">
            <name><text>Return window</text></name>
            <questiontext format="html"><text><![CDATA[<p>How long may a customer <b>return</b> an item&nbsp;&amp; get a refund?</p>]]></text></questiontext>
            <generalfeedback format="html"><text>&lt;p&gt;30 days from delivery.&lt;/p&gt;</text></generalfeedback>
            <defaultgrade>2.0000000</defaultgrade>
            <single>true</single>
            <answer fraction="100" format="html"><text>30 days</text><feedback format="html"><text>Right.</text></feedback></answer>
            <answer fraction="50" format="html"><text>A month</text></answer>
            <answer fraction="0" format="html"><text>14 days</text></answer>
            <tags><tag><text>policy</text></tag></tags>
          </question>
          <question type="multichoice">
            <name><text>helps</text></name>
            <questiontext format="plain_text"><text>Which help? Pick all.</text></questiontext>
            <single>false</single>
            <answer fraction="50"><text>Apologise</text></answer>
            <answer fraction="50"><text>Act</text></answer>
            <answer fraction="-100"><text>Blame</text></answer>
          </question>
          <question type="truefalse">
            <name><text>tf</text></name>
            <questiontext format="moodle_auto_format"><text>Express ships furniture.</text></questiontext>
            <answer fraction="0"><text>true</text></answer>
            <answer fraction="100"><text>false</text></answer>
          </question>
          <question type="shortanswer">
            <name><text>loyalty</text></name>
            <questiontext><text>Name the loyalty programme.</text></questiontext>
            <answer fraction="100"><text>Northwind Circle</text></answer>
            <answer fraction="50"><text>the club</text></answer>
          </question>
          <question type="numerical">
            <name><text>fee</text></name>
            <questiontext><text>What is the label fee?</text></questiontext>
            <answer fraction="100"><text>7.95</text><tolerance>0.01</tolerance></answer>
            <answer fraction="0"><text>*</text></answer>
            <units>
              <unit><multiplier>1</multiplier><unit_name>dollars</unit_name></unit>
              <unit><multiplier>100</multiplier><unit_name>cents</unit_name></unit>
            </units>
          </question>
          <question type="ordering">
            <name><text>steps</text></name>
            <questiontext><text>Order the steps.</text></questiontext>
            <gradingtype>ALL_OR_NOTHING</gradingtype>
            <answer fraction="2"><text>Acknowledge</text></answer>
            <answer fraction="1"><text>Listen</text></answer>
            <answer fraction="3"><text>Solve</text></answer>
          </question>
          <question type="essay">
            <name><text>essay</text></name>
            <questiontext><text>Write.</text></questiontext>
          </question>
          <question type="matching"><name><text>m</text></name><questiontext><text>M</text></questiontext></question>
          <question type="cloze"><name><text>c</text></name><questiontext><text>{1:SHORTANSWER:=a}</text></questiontext></question>
          <question type="description"><name><text>d</text></name><questiontext><text>D</text></questiontext></question>
        </quiz>
        """

    @Test func readsEveryKindAndReportsTheRest() throws {
        let result = try ImportSupport.importText(Self.sample, name: "sample.xml")
        #expect(result.format == .moodleXML)
        #expect(ImportSupport.findings(result).isEmpty, "\(result.yaml)")
        let questions = try #require(ImportSupport.load(result)).inlineQuestions
        #expect(questions.map(\.kind) == [.choice, .multi, .truefalse, .text, .number, .order])
        let choice = questions[0]
        #expect(choice.id.value == "return-window")
        #expect(choice.prompt == "How long may a customer return an item & get a refund?")
        #expect(choice.explanation == "30 days from delivery.")
        #expect(choice.tags == ["policy", "Returns"])
        #expect(choice.options.map { choice.points(for: $0) } == [2, 1, 0])
        if case .multi(let options, let scoring) = questions[1].body {
            #expect(options.map { $0.correct?.value } == [true, true, false])
            #expect(scoring == .partial)
        }
        if case .truefalse(let answer) = questions[2].body { #expect(answer == false) }
        if case .text(let key) = questions[3].body { #expect(key.accept == ["Northwind Circle"]) }
        if case .number(let key) = questions[4].body {
            #expect(key.answer == 7.95 && key.tolerance == 0.01 && key.unit == "dollars")
        }
        if case .order(let items, let scoring) = questions[5].body {
            #expect(items.map(\.text) == ["Listen", "Acknowledge", "Solve"])
            #expect(scoring == .exact)
        }
        #expect(result.skipped.map(\.line) == [55, 59, 60, 61])
        #expect(result.skipped.map(\.message).allSatisfy { !$0.isEmpty })
        #expect(result.notes.contains { $0.message.contains("'cents'") })
        #expect(result.notes.contains { $0.message.contains("the club") })
    }

    @Test func entityBombIsRefusedAtItsLine() {
        let bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
             <!ENTITY lol "lol">
             <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
             <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
            ]>
            <quiz><question type="shortanswer"><questiontext><text>&lol3;</text></questiontext></question></quiz>
            """
        #expect(throws: ImportFileError.self) { try ImportSupport.importText(bomb) }
        do {
            _ = try ImportSupport.importText(bomb)
        } catch {
            #expect(error.line == 2)
            #expect(error.message.contains("document type"))
        }
    }

    @Test func externalEntityIsRefused() {
        let external = """
            <?xml version="1.0"?>
            <!DOCTYPE quiz [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <quiz><question type="shortanswer"><questiontext><text>&xxe;</text></questiontext></question></quiz>
            """
        #expect(throws: ImportFileError.self) { try ImportSupport.importText(external) }
    }

    @Test func doctypeInsideCDATAIsOnlyText() throws {
        let text = """
            <quiz><question type="truefalse"><questiontext format="html"><text><![CDATA[<!DOCTYPE html> Fine?]]></text></questiontext>
            <answer fraction="100"><text>true</text></answer></question></quiz>
            """
        let result = try ImportSupport.importText(text)
        #expect(result.importedCount == 1)
    }

    /// Foundation's parser dereferences a null pointer on a processing instruction without data
    /// (found by the FuzzGIFT target): every one but the leading XML declaration is refused
    /// before the parser sees the file.
    @Test(arguments: [
        ("<?xm.m.lv?><?xml v?><quiz/>", 1),
        ("<?xml version=\"1.0\"?>\n<?x?>\n<quiz/>", 2),
        ("<quiz>\n<question type=\"truefalse\"><?php echo 1 ?></question></quiz>", 2),
        ("\u{FEFF}<?xml version=\"1.0\"?><quiz/>\n<?x?>", 2),
    ])
    func processingInstructionsAreRefusedAtTheirLine(_ text: String, _ line: Int) {
        do {
            _ = try ImportSupport.importText(text)
            Issue.record("a processing instruction was accepted")
        } catch {
            #expect(error.line == line)
            #expect(error.message.contains("processing instruction"), "\(error.message)")
        }
    }

    @Test func theDeclarationAndProcessingTextInCDATAAreFine() throws {
        let text = """
            \u{FEFF}<?xml version="1.0" encoding="UTF-8"?>
            <quiz><question type="truefalse"><questiontext format="html"><text><![CDATA[<?x?> Fine?]]></text></questiontext>
            <answer fraction="100"><text>true</text></answer></question><!-- <?y?> --></quiz>
            """
        let result = try ImportSupport.importText(text)
        #expect(result.importedCount == 1)
    }

    @Test func brokenXMLIsAnErrorAtItsLine() {
        let broken =
            "<quiz>\n<question type=\"truefalse\">\n<questiontext><text>Fine?</questiontext>\n</quiz>\n"
        do {
            _ = try ImportSupport.importText(broken)
            Issue.record("broken XML was accepted")
        } catch {
            #expect(error.line >= 3)
            #expect(error.message.hasPrefix("broken XML"))
        }
    }

    @Test func otherXMLIsNotMoodle() {
        do {
            _ = try ImportSupport.importText("<html><body>Hi</body></html>")
            Issue.record("accepted")
        } catch {
            #expect(error.message.contains("not a Moodle XML file"))
        }
    }

    @Test func undefinedEntityIsBrokenXML() {
        #expect(throws: ImportFileError.self) {
            try ImportSupport.importText(
                "<quiz><question type=\"essay\"><name><text>&nope;</text></name></question></quiz>")
        }
    }

    @Test func everyTruncationEndsInAnErrorOrAnImport() {
        let bytes = Array(Self.sample.utf8)
        var outcomes = (imported: 0, refused: 0)
        for length in stride(from: 0, to: bytes.count, by: 7) {
            do {
                let result = try QuizImporter.importFile(
                    bytes: Array(bytes[..<length]), name: "cut.xml", competency: "empathy")
                if result.importedCount > 0 { #expect(ImportSupport.findings(result).isEmpty) }
                outcomes.imported += 1
            } catch {
                #expect(error.line >= 0 && !error.message.isEmpty)
                outcomes.refused += 1
            }
        }
        // A cut file is broken XML, except a cut that leaves no XML at all (read as GIFT).
        #expect(outcomes.refused > 0)
    }
}
