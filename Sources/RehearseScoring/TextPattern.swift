import Foundation
import RehearseBank
import RehearseCore

/// Regular expressions of `text` questions: ICU syntax, case-insensitive, found anywhere.
public enum TextPattern {
    public static func isValid(_ pattern: String) -> Bool { compile(pattern) != nil }

    public static func compile(_ pattern: String) -> NSRegularExpression? {
        try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    }
}
