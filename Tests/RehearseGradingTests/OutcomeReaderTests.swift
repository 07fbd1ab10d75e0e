import Foundation
import Testing

@testable import RehearseCore
@testable import RehearseGrading

@Suite("Outcomes read by one thread's reader")
struct OutcomeReaderTests {
    /// A reader gives each learner's plan and outcome numbers as the cohort holds them, in any
    /// order, and adds its reads' weight to the cohort's count: never more than
    /// `reportBytes` behind while it reads, all of it once it is done.
    @Test func aReaderReadsWhatTheCohortHoldsAndCountsItsReads() throws {
        let bank = RandomCohort.bank(RandomCohort.Shape(steps: [3, 6, 2, 5, 4]), seed: 11)
        let learners = GraderEquivalenceTests.learners(
            400, bank: bank, broken: false, seededEvery: 9, seed: 12)
        let graded = try GraderEquivalenceTests.check(bank: bank, learners: learners)
        let cohort = graded.learners
        let expected = cohort.indices.map { (cohort[$0].blocks, cohort[$0].outcomes) }
        #expect(Set(expected.map(\.0)).count > 1, "learners on more than one plan")
        let order = cohort.indices.map { ($0 * 157) % cohort.count }
        #expect(Set(order).count == cohort.count)
        let rowBytes = cohort.rowBytes
        let before = cohort.reads.total
        var weight = 0
        cohort.withOutcomeReader(plans: cohort.planTable) { reader in
            var previous = Int.max
            for position in order {
                let (blocks, outcomes) = reader.withOutcomes(position, after: previous) {
                    (Array($0), Array($1))
                }
                #expect(blocks == expected[position].0, "learner \(position)")
                #expect(outcomes == expected[position].1, "learner \(position)")
                weight += GradedLearners.weight(position, after: previous, rowBytes: rowBytes)
                previous = position
                let counted = cohort.reads.total - before
                #expect(
                    counted <= weight && weight - counted < GradedLearners.OutcomeReader.reportBytes
                )
            }
        }
        #expect(cohort.reads.total - before == weight)
        #expect(weight > 4 * GradedLearners.OutcomeReader.reportBytes)
    }
}
