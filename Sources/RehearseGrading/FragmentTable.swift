/// Pieces of a report rendered once per block and distinct outcome (`[block][outcome]`), kept
/// in one flat buffer. A learner's part of a large report copies a piece per block; read
/// through `withPieces`, a copy is one `memcpy`, with no reference counting of nested arrays.
struct FragmentTable: Sendable {
    private let bytes: [UInt8]
    /// Per block, the number of the piece of its outcome 0.
    private let firsts: [Int]
    /// Where each piece starts in `bytes`, and after the last, where the last one ends.
    private let starts: [Int]

    init(_ pieces: [[[UInt8]]]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(pieces.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } })
        var firsts: [Int] = []
        firsts.reserveCapacity(pieces.count)
        var starts: [Int] = []
        for block in pieces {
            firsts.append(starts.count)
            for piece in block {
                starts.append(bytes.count)
                bytes.append(contentsOf: piece)
            }
        }
        starts.append(bytes.count)
        self.bytes = bytes
        self.firsts = firsts
        self.starts = starts
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
                    body(Pieces(bytes: bytes, firsts: firsts, starts: starts))
                }
            }
        }
    }

    /// A view of the table, valid inside `withPieces`.
    struct Pieces {
        let bytes: UnsafeBufferPointer<UInt8>
        let firsts: UnsafeBufferPointer<Int>
        let starts: UnsafeBufferPointer<Int>

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
