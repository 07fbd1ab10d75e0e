import Foundation
import RehearseBank
import RehearseTestSupport
import Testing

@testable import RehearseInterop

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Hostile text and ids in a QTI package: escaped, stripped of what XML 1.0 forbids (and
/// reported), identifiers mapped to NCNames deterministically and without collisions.
@Suite struct QTITextTests {
    @Test func escapesMarkupAndRemovesForbiddenCharacters() {
        var text = QTIText()
        let hostile = "a<b> & \"c\" ]]> x\u{1}y\u{8}\u{B}\u{C}\u{FFFE}\u{FFFF} 😀\tend\r\n"
        #expect(
            text.escape(hostile)
                == "a&lt;b&gt; &amp; &quot;c&quot; ]]&gt; xy 😀\tend\r\n")
        #expect(text.removed == 6)
        #expect(text.escape("plain ünïcode 😀") == "plain ünïcode 😀")
        #expect(text.removed == 6)
        // U+F000-U+FFFD share the lead byte of U+FFFE and are kept.
        #expect(text.escape("\u{F8FF}\u{FFFD}") == "\u{F8FF}\u{FFFD}")
    }

    @Test func paragraphsAndLines() {
        var text = QTIText()
        #expect(
            text.paragraphs("one\ntwo\n\n\nthree <b>") == "<p>one<br/>two</p><p>three &lt;b&gt;</p>"
        )
        #expect(text.paragraphs("  \n") == "")
        #expect(text.line("  a\n\tb  c ") == "a b c")
    }

    @Test(arguments: [
        ("q1", "q1"), ("Late-Sofa", "Late-Sofa"), ("1st", "id_1st"), ("a/b.c", "id_a_2Fb_2Ec"),
        ("_", "id__5F"), ("é", "id__C3_A9"), ("", "id_"), ("a b", "id_a_20b"),
        ("id_1st", "id_id_5F1st"),
    ])
    func identifiersAreNCNames(id: String, expected: String) {
        #expect(QTIIdentifier.make(id) == expected)
        #expect(QTIIdentifier.isNCName(QTIIdentifier.make(id)))
    }

    @Test func differentIDsNeverShareAnIdentifier() {
        let ids = [
            "1", "id_1", "_1", "1.", "1/", "1-", "a.b", "a/b", "a_2Eb", "id_a_2Eb", "A", "a",
            "x", "id_x", "-x", "x-",
        ]
        let made = ids.map(QTIIdentifier.make)
        #expect(Set(made).count == ids.count, "\(made)")
        var scope = QTIIdentifiers()
        #expect(
            ["a", "a", "a-2", "1", "1"].map { scope.claim($0) } == [
                "a", "a-2", "a-2-2", "id_1", "id_1-2",
            ])
    }

    /// A question full of markup and a control character: every file parses as XML, the
    /// prompt reads back as written less the control character, and the removal is reported.
    @Test func hostileQuestionGivesWellFormedXML() throws {
        let yaml = """
            id: hostile
            title: "<Quiz> & \\"friends\\" ]]>"
            items:
              - question:
                  id: 9-lives
                  kind: choice
                  prompt: "Is <b>this</b> & that ]]> safe? 😀 \\u0007bell"
                  tags: ["a<b", "c&d"]
                  options:
                    - {id: "1.5", text: "<script>alert(1)</script>", correct: true}
                    - {id: b, text: "x ]]> y"}
            """
        let loaded = BankLoader.load([
            SourceFile(path: "quizzes/hostile.yaml", text: yaml, role: .quiz)
        ])
        let quiz = try #require(loaded.bank.quizzes.first)
        let package = QTIPackage(ExportPlan(quiz: quiz, bank: loaded.bank))
        for file in package.files {
            let document = try XMLDocument(xmlString: file.text, options: [])
            #expect(document.rootElement() != nil, "\(file.path)")
        }
        let item = try #require(package.files.first { $0.path == "items/id_9-lives.xml" })
        let document = try XMLDocument(xmlString: item.text, options: [])
        let body = document.rootElement()?.stringValue ?? ""
        #expect(body.contains("Is <b>this</b> & that ]]> safe? 😀 bell"))
        #expect(body.contains("<script>alert(1)</script>"))
        #expect(item.text.contains("identifier=\"id_1_2E5\""))
        #expect(
            package.notes.contains(
                "hostile/9-lives: 1 character(s) that XML 1.0 cannot hold removed"))
        if QTISchemas.available {
            let folder = try FixtureFolder(
                Dictionary(uniqueKeysWithValues: package.files.map { ($0.path, $0.text) }))
            let items = try QTISchemas.validate(
                [folder.file(item.path), folder.file(QTIPackage.testPath)],
                schema: QTISchemas.assessment)
            #expect(items.status == 0, "\(items.output)")
            let manifest = try QTISchemas.validate(
                [folder.file("imsmanifest.xml")], schema: QTISchemas.manifest)
            #expect(manifest.status == 0, "\(manifest.output)")
        }
    }
}
