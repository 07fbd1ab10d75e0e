import Foundation
import RehearseCore

extension JSONWriter {
    /// A UUID in its lowercase 8-4-4-4-12 form, unquoted, written without a string in between.
    mutating func uuid(_ id: UUID) {
        let hex: StaticString = "0123456789abcdef"
        var text: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
        withUnsafeBytes(of: id.uuid) { source in
            withUnsafeMutableBytes(of: &text) { target in
                hex.withUTF8Buffer { digits in
                    var position = 0
                    for index in 0..<16 {
                        if index == 4 || index == 6 || index == 8 || index == 10 {
                            target[position] = UInt8(ascii: "-")
                            position += 1
                        }
                        target[position] = digits[Int(source[index] >> 4)]
                        target[position + 1] = digits[Int(source[index] & 0x0F)]
                        position += 2
                    }
                }
            }
        }
        withUnsafeBytes(of: &text) { bytes.append(contentsOf: $0.prefix(36)) }
    }
}
