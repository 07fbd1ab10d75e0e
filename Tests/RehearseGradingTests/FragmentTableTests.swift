import Testing

@testable import RehearseGrading

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
}
