/// A text report handed on in pieces of about 256 KB as it is made (HTML, Markdown, the terminal
/// table, the CSV tables of learners and marks), so a report of a hundred thousand learners never
/// sits in memory whole. The pieces, joined, are the text
/// `whole` makes in one string.
struct TextPieces {
    static let pieceBytes = 256 << 10
    private var text = ""
    private let write: ([UInt8]) -> Void

    init(write: @escaping ([UInt8]) -> Void) {
        self.write = write
    }

    static func += (pieces: inout TextPieces, text: String) {
        pieces.text += text
        if pieces.text.utf8.count >= pieceBytes { pieces.flush() }
    }

    /// Hands on what is left.
    mutating func flush() {
        guard !text.isEmpty else { return }
        write(Array(text.utf8))
        text = ""
    }

    /// What `make` writes, handed to `write` in pieces.
    static func write(_ write: ([UInt8]) -> Void, _ make: (inout TextPieces) -> Void) {
        withoutActuallyEscaping(write) { write in
            var pieces = TextPieces(write: write)
            make(&pieces)
            pieces.flush()
        }
    }

    /// What `make` writes, as one string.
    static func whole(_ make: (inout TextPieces) -> Void) -> String {
        var bytes: [UInt8] = []
        write({ bytes += $0 }, make)
        return String(decoding: bytes, as: UTF8.self)
    }
}
