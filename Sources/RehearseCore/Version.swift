/// The version of Rehearse and the words `rehearse --version` and `rehearse version` print.
///
/// The commit and the build date are not known here: the executable passes what its build was
/// stamped with (`scripts/package-deb.sh` stamps them), or `nil` for an unstamped build.
public enum Version {
    /// The release this source tree is, as semantic versioning spells it.
    public static let current = "0.1.0"

    /// The Swift compiler that built this code, from compile-time checks.
    public static var swiftCompiler: String {
        #if compiler(>=6.4)
            return "6.4 or later"
        #elseif compiler(>=6.3)
            return "6.3"
        #elseif compiler(>=6.2)
            return "6.2"
        #elseif compiler(>=6.1)
            return "6.1"
        #else
            return "6.0"
        #endif
    }

    /// One line: the version and the commit it was built from, e.g. `0.1.0 (commit 4b233d4)`,
    /// or `0.1.0 (unknown commit)` when the build was not stamped.
    public static func line(commit: String?) -> String {
        guard let commit, !commit.isEmpty else { return "\(current) (unknown commit)" }
        return "\(current) (commit \(commit))"
    }

    /// The operating system and processor this build targets, from compile-time checks.
    public static var platform: String {
        #if os(Linux)
            let system = "Linux"
        #elseif os(macOS)
            let system = "macOS"
        #else
            let system = "another system"
        #endif
        #if arch(x86_64)
            return "\(system) x86_64"
        #elseif arch(arm64)
            return "\(system) arm64"
        #else
            return system
        #endif
    }

    /// The lines a bug report wants: the version line, then the Swift compiler, the platform and
    /// the build date (`unknown` when the build was not stamped).
    public static func details(commit: String?, buildDate: String?) -> [String] {
        let date = buildDate.flatMap { $0.isEmpty ? nil : $0 } ?? "unknown"
        return [
            line(commit: commit),
            "Swift: \(swiftCompiler)",
            "Platform: \(platform)",
            "Built: \(date)",
        ]
    }
}
