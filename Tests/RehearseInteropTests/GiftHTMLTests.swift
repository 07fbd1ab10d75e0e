import Testing

@testable import RehearseInterop

@Suite struct GiftHTMLTests {
    @Test func tagsAreStrippedAndEntitiesDecoded() {
        #expect(
            GiftHTML.plainText("<p>Grant&#39;s <b>tomb</b>&nbsp;&amp; caf&eacute;&#x2019;s</p>")
                == "Grant's tomb & café’s")
        #expect(GiftHTML.plainText("one<br>two<br/>three</p><p>four") == "one two three four")
        #expect(GiftHTML.plainText("a <!-- note --> b") == "a b")
        #expect(GiftHTML.plainText("x<script>if (a < b) {}</script>y<style>p{}</style>z") == "xyz")
    }

    /// A link's address follows its words, unless they already say it or it leads nowhere
    /// outside the question (Moodle's own test file links to its documentation).
    @Test func linksKeepTheirAddress() {
        #expect(
            GiftHTML.plainText(
                "<p>See the <a href=\"http://docs.moodle.org/en/About_Moodle\">documentation "
                    + "about Moodle</a>.</p>")
                == "See the documentation about Moodle (http://docs.moodle.org/en/About_Moodle).")
        #expect(
            GiftHTML.plainText("<a href='https://example.com/refunds?a=1&amp;b=2'>refunds</a>")
                == "refunds (https://example.com/refunds?a=1&b=2)")
        #expect(
            GiftHTML.plainText("<a href=\"https://example.com\">https://example.com</a> now")
                == "https://example.com now")
        #expect(GiftHTML.plainText("<a href=\"#top\">top</a> <a name=\"x\">x</a>") == "top x")
        #expect(
            GiftHTML.plainText("<a href=\"@@PLUGINFILE@@/policy.pdf\">the policy</a>")
                == "the policy")
        #expect(GiftHTML.plainText("<a href=\"javascript:go()\">go</a>") == "go")
        #expect(GiftHTML.plainText("<a href=\"x.html\">open") == "open")
    }

    @Test func textThatOnlyLooksLikeMarkupStays() {
        #expect(GiftHTML.plainText("a < b and c > d") == "a < b and c > d")
        #expect(
            GiftHTML.plainText("AT&T &unknown; &#0; &#xZZ; &") == "AT&T &unknown; &#0; &#xZZ; &")
        #expect(GiftHTML.plainText("unclosed <b") == "unclosed <b")
        #expect(GiftHTML.plainText("&#1114112; &#99999999999;") == "&#1114112; &#99999999999;")
    }

    @Test func unclosedMarkupStaysLinear() {
        // Each unclosed `<a` or `<!--` would rescan the rest of the text if failed searches
        // were repeated; 40,000 of them would then take minutes.
        let tags = String(repeating: "<a", count: 40_000)
        #expect(GiftHTML.plainText(tags) == tags)
        let comments = String(repeating: "<!--", count: 20_000)
        #expect(GiftHTML.plainText(comments) == comments)
        #expect(GiftHTML.mediaSources(in: tags).isEmpty)
    }

    @Test func mediaIsListed() {
        let html =
            #"<p><img src="@@PLUGINFILE@@/3.png" alt=""><audio SRC='a.mp3'></audio>"#
            + #"<img data-src="no.png"></p>"#
        #expect(GiftHTML.mediaSources(in: html) == ["@@PLUGINFILE@@/3.png", "a.mp3"])
    }

    @Test func plainTextOfEachFormat() {
        #expect(GiftText(format: .html, text: "<i>a</i> &lt;b&gt;").plainText == "a <b>")
        #expect(GiftText(format: .moodle, text: "<i>a</i>").plainText == "a")
        #expect(GiftText(format: .markdown, text: "<i>a</i>").plainText == "<i>a</i>")
        #expect(GiftText(format: .plain, text: "a &amp; b").plainText == "a &amp; b")
    }
}
