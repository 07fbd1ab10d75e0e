import Testing

@testable import RehearseCore
@testable import RehearseGrading
@testable import RehearseScoring

@Suite struct FragmentTableTests {
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func everyPieceReadsBackAsItWasGiven() {
        let pieces: [[[UInt8]]] = [
            [bytes("a0"), bytes(""), bytes("a2-long")],
            [],
            [bytes("c0")],
            [bytes(""), bytes("d1")],
        ]
        let table = FragmentTable(pieces)
        for (block, outcomes) in pieces.enumerated() {
            for (outcome, piece) in outcomes.enumerated() {
                #expect(table[block, outcome] == piece, "block \(block), outcome \(outcome)")
            }
        }
    }

    @Test func piecesAreViewsOfOneBuffer() {
        let table = FragmentTable([[bytes("xy"), bytes("z")], [bytes("w")]])
        let joined = table.withPieces { pieces in
            var out: [UInt8] = []
            out.append(contentsOf: pieces.piece(block: 1, outcome: 0))
            out.append(contentsOf: pieces.piece(block: 0, outcome: 1))
            out.append(contentsOf: pieces.piece(block: 0, outcome: 0))
            return out
        }
        #expect(joined == bytes("wzxy"))
    }

    @Test func anEmptyTableHasNoPieces() {
        let table = FragmentTable([])
        #expect(table.withPieces { $0.firsts.isEmpty && $0.starts.count == 1 })
    }

    /// A learner's pieces copied with runs of usual outcomes, or from a table that holds only
    /// each block's first outcomes (the others rendered when met), are the pieces copied one by
    /// one: seeded random tables (empty pieces, blocks with no outcome) and plans (blocks in
    /// order, shuffled, repeated), each usual outcome chosen at random, and none.
    @Test func runsOfUsualOutcomesCopyTheSameBytes() {
        var generator = SeededGenerator(seed: 31)
        for round in 0..<200 {
            let blockCount = Int.random(in: 1...12, using: &generator)
            let pieces: [[[UInt8]]] = (0..<blockCount).map { block in
                (0..<Int.random(in: 0...3, using: &generator)).map { outcome in
                    Int.random(in: 0..<3, using: &generator) == 0
                        ? [] : bytes(", \"b\(block)o\(outcome)\"")
                }
            }
            let usual: [Int32] = pieces.map { outcomes in
                Int32(Int.random(in: -1...outcomes.count, using: &generator))
            }
            let kept = pieces.map { Int.random(in: 0...$0.count, using: &generator) }
            var plan = Array(0..<blockCount).filter { !pieces[$0].isEmpty }
            switch round % 3 {
            case 0: break
            case 1: plan.shuffle(using: &generator)
            default: plan += plan.prefix(2)
            }
            let outcomes: [Int32] = plan.map { block in
                Int32(Int.random(in: 0..<pieces[block].count, using: &generator))
            }
            var rendered = 0
            func render(_ table: FragmentTable) -> [UInt8] {
                table.withPieces { table in
                    outcomes.withUnsafeBufferPointer { outcomes in
                        plan.withUnsafeBufferPointer { plan in
                            var out = JSONWriter()
                            GradeJSON.appendOutcomes(
                                table, blocks: plan, outcomes: outcomes, separator: ", ",
                                into: &out
                            ) { block, outcome, out in
                                rendered += 1
                                out.append(pieces[block][outcome])
                            }
                            return out.bytes
                        }
                    }
                }
            }
            let plain = render(FragmentTable(pieces))
            #expect(rendered == 0)
            #expect(render(FragmentTable(pieces, usual: usual)) == plain, "round \(round)")
            let partial = FragmentTable(
                zip(pieces, kept).map { Array($0.prefix($1)) }, usual: usual)
            #expect(render(partial) == plain, "round \(round), first outcomes kept")
            #expect(plain.first != UInt8(ascii: ","), "round \(round)")
        }
    }
}
