/// Pieces of a report rendered once per block and distinct outcome (`[block][outcome]`), kept
/// in one flat buffer. A learner's part of a large report copies a piece per block; read
/// through `withPieces`, a copy is one `memcpy`, with no reference counting of nested arrays.
///
/// With a `usual` outcome per block (the one most learners reach), the pieces of those outcomes
/// are also kept one after the other in block order, so a learner's pieces for a run of
/// consecutive blocks at their usual outcomes are one copy (`run`).
struct FragmentTable: Sendable {
    private let bytes: [UInt8]
    /// Per block, the number of the piece of its outcome 0.
    private let firsts: [Int]
    /// Where each piece starts in `bytes`, and after the last, where the last one ends.
    private let starts: [Int]
    /// Per block, its usual outcome (-1: none); the usual pieces in block order, and where each
    /// block's starts among them (and after the last, where the last ends).
    private let usual: [Int32]
    private let runBytes: [UInt8]
    private let runStarts: [Int]
    /// The sum over blocks of each block's longest piece: the most one learner's pieces take.
    let widest: Int

    init(_ pieces: [[[UInt8]]], usual: [Int32]? = nil) {
        (bytes, starts) = flattened(pieces.joined())
        // Block b's pieces are numbered from the count of the blocks' before it.
        var firsts: [Int] = []
        firsts.reserveCapacity(pieces.count)
        var first = 0
        for block in pieces {
            firsts.append(first)
            first += block.count
        }
        self.firsts = firsts
        widest = pieces.reduce(0) { sum, block in sum + (block.map(\.count).max() ?? 0) }
        let usual = (usual ?? []).count == pieces.count ? usual ?? [] : []
        var runBytes: [UInt8] = []
        var runStarts: [Int] = []
        for (block, outcome) in usual.enumerated() {
            runStarts.append(runBytes.count)
            if outcome >= 0, Int(outcome) < pieces[block].count {
                runBytes.append(contentsOf: pieces[block][Int(outcome)])
            }
        }
        runStarts.append(runBytes.count)
        self.usual = usual.enumerated().map { block, outcome in
            outcome >= 0 && Int(outcome) < pieces[block].count ? outcome : -1
        }
        self.runBytes = runBytes
        self.runStarts = runStarts
    }

    /// The piece of `outcome` of `block`, copied out (for tests and small uses).
    subscript(block: Int, outcome: Int) -> [UInt8] {
        withPieces { Array($0.piece(block: block, outcome: outcome)) }
    }

    /// Runs `body` with a view of the pieces valid for its duration.
    func withPieces<R>(_ body: (Pieces) -> R) -> R {
        bytes.withUnsafeBufferPointer { bytes in
            firsts.withUnsafeBufferPointer { firsts in
                starts.withUnsafeBufferPointer { starts in
                    usual.withUnsafeBufferPointer { usual in
                        runBytes.withUnsafeBufferPointer { runBytes in
                            runStarts.withUnsafeBufferPointer { runStarts in
                                body(
                                    Pieces(
                                        bytes: bytes, firsts: firsts, starts: starts,
                                        usual: usual, runBytes: runBytes, runStarts: runStarts))
                            }
                        }
                    }
                }
            }
        }
    }

    /// A view of the table, valid inside `withPieces`.
    struct Pieces {
        let bytes: UnsafeBufferPointer<UInt8>
        let firsts: UnsafeBufferPointer<Int>
        let starts: UnsafeBufferPointer<Int>
        let usual: UnsafeBufferPointer<Int32>
        let runBytes: UnsafeBufferPointer<UInt8>
        let runStarts: UnsafeBufferPointer<Int>

        /// Whether the table holds the piece of `outcome` of `block`.
        @inline(__always)
        func holds(block: Int, outcome: Int) -> Bool {
            let end = block + 1 < firsts.count ? firsts[block + 1] : starts.count - 1
            return outcome >= 0 && firsts[block] + outcome < end
        }

        /// Whether `outcome` is `block`'s usual one (never without usual outcomes).
        @inline(__always)
        func isUsual(block: Int, outcome: Int32) -> Bool {
            block < usual.count && usual[block] == outcome
        }

        /// The pieces of the usual outcomes of blocks `blocks`, one after the other.
        @inline(__always)
        func run(_ blocks: Range<Int>) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(
                rebasing: runBytes[runStarts[blocks.lowerBound]..<runStarts[blocks.upperBound]])
        }

        /// The piece of `outcome` of `block`.
        @inline(__always)
        func piece(block: Int, outcome: Int) -> UnsafeBufferPointer<UInt8> {
            let number = firsts[block] + outcome
            precondition(
                number + 1 < starts.count
                    && (block + 1 == firsts.count || number < firsts[block + 1]),
                "no such outcome of the block")
            return UnsafeBufferPointer(rebasing: bytes[starts[number]..<starts[number + 1]])
        }
    }
}
