import Testing

@testable import RehearseCore

/// `parallelMap` keeps the order, and once its results are gone nothing of them is kept.
struct ParallelMapTests {
    private final class Tracked: Sendable {
        let value: Int
        init(_ value: Int) { self.value = value }
    }

    @Test func resultsKeepTheOrderOfTheItems() {
        let squares = parallelMap(Array(0..<100)) { $0 * $0 }
        #expect(squares == (0..<100).map { $0 * $0 })
    }

    @Test func resultsAreReleasedWithTheArray() {
        var watched: [() -> Tracked?] = []
        do {
            let results = parallelMap(Array(0..<16)) { Tracked($0) }
            #expect(results.map(\.value) == Array(0..<16))
            for result in results {
                weak let reference = result
                watched.append { reference }
            }
        }
        #expect(watched.allSatisfy { $0() == nil })
    }
}
