import RehearseCore

/// The findings the loader makes while it reads a file (syntax, encoding, keys, types, values).
///
/// The loader owns their ids and severity; `RehearseCheck` documents each one as a rule of the
/// same id, with the examples that `check --explain` shows and the tests run.
public enum LoadRule: String, CaseIterable, Sendable {
    case yamlSyntax = "yaml-syntax"
    case invalidEncoding = "invalid-encoding"
    case inputLimit = "input-limit"
    case yamlAnchor = "yaml-anchor"
    case duplicateKey = "duplicate-key"
    case missingKey = "missing-key"
    case invalidValue = "invalid-value"
    case missingAnswer = "missing-answer"
    case wrongType = "wrong-type"
    case unknownKey = "unknown-key"
    case invalidBoolean = "invalid-boolean"
    case invalidID = "invalid-id"
    case emptyList = "empty-list"
    case controlCharacter = "control-character"

    /// Every finding of the loader is an error: the file cannot be used as written.
    public var severity: Severity { .error }

    /// A finding of this kind at `location`.
    public func finding(at location: SourceLocation, _ message: String, hint: String) -> Diagnostic
    {
        Diagnostic(
            rule: rawValue, severity: severity, location: location, message: message, hint: hint)
    }
}
