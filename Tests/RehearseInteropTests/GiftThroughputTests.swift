import RehearseInterop
import Testing

/// A 10,000-question GIFT text parses completely; the time is printed for the performance notes
/// (not asserted: shared machines vary). For the figure, run it in a release build:
/// `swift test -c release --filter GiftThroughputTests`.
@Suite struct GiftThroughputTests {
    /// A GIFT text of `count` questions cycling through every kind.
    static func generatedText(questions count: Int) -> String {
        var text = "// Generated bank\n$CATEGORY: $course$/top/Benchmark\n\n"
        for index in 0..<count {
            text += "// [id:q\(index)] [tag:bench]\n::Question \(index)::"
            switch index % 8 {
            case 0:
                text +=
                    "Which reply calms an angry caller (case \(index))?{\n"
                    + "  =Acknowledge the problem#Right: name the feeling first.\n"
                    + "  ~Quote the policy#Not yet.\n  ~%-50%Transfer the call#No.\n"
                    + "  ####Empathy before procedure.\n}\n\n"
            case 1: text += "A refund needs a receipt (\(index)).{TRUE#Check the policy.#Yes.}\n\n"
            case 2: text += "The customer's {=account ~order ~%50%case} number comes first.\n\n"
            case 3: text += "Greet in one word.{=hello =%50%hi#Friendlier in full.}\n\n"
            case 4: text += "Minutes allowed on hold?{#=3:1 =%50%5:1 ~#Too long}\n\n"
            case 5: text += "[html]<p>Describe the <b>escalation</b> &amp; handover.</p>{}\n\n"
            case 6: text += "Match the channel.{=Phone -> voice =Chat -> text =Mail -> letter}\n\n"
            default: text += "Escapes \\{ \\} \\= \\~ \\# \\: stay text.{~a ~b =c}\n\n"
            }
        }
        return text
    }

    @Test func tenThousandQuestions() {
        let bytes = Array(Self.generatedText(questions: 10_000).utf8)
        let clock = ContinuousClock()
        var result = GiftParseResult()
        let elapsed = clock.measure { result = GiftParser.parse(bytes: bytes) }
        #expect(result.errors.isEmpty)
        #expect(result.questions.count == 10_001)  // and the category
        #expect(result.questions.last?.id == "q9999")
        print("GIFT parse: 10,000 questions, \(bytes.count) bytes in \(elapsed)")
    }
}
