import Testing

@testable import RehearseSession

/// Numbers as the session writes them: never a trap, whatever the size.
@Suite struct SessionTextTests {
    @Test func numbersOfAnySizeAreWrittenWithoutATrap() {
        #expect(SessionText.number(2) == "2")
        #expect(SessionText.number(2.5) == "2.5")
        #expect(SessionText.number(1.0 / 3) == "0.33")
        #expect(SessionText.number(1e308) == "1e+308")
        #expect(SessionText.number(.infinity) == "inf")
        #expect(SessionText.number(-.infinity) == "-inf")
        #expect(SessionText.number(9.3e18) == "9.3e+18")
    }
}
