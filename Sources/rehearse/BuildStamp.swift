/// What a build was stamped with: the commit it was built from and when.
///
/// Without a stamp both are `nil`. `scripts/package-deb.sh` writes the ignored file
/// `BuildStamp+Generated.swift` next to this one, whose `extension BuildStamp` declares `commit`
/// and `buildDate` on the type itself; those take precedence over the defaults below, which only
/// the protocol extension declares. The script removes the file again after its build, so a
/// later plain build never reports a stale commit.
enum BuildStamp: BuildStampDefaults {}

/// The values of an unstamped build.
protocol BuildStampDefaults {}

extension BuildStampDefaults {
    /// The abbreviated commit hash, or `nil` when the build was not stamped.
    static var commit: String? { nil }

    /// The build date (UTC, ISO 8601), or `nil` when the build was not stamped.
    static var buildDate: String? { nil }
}
