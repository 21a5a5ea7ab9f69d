internal import AzspecBuildInfo

/// azspec's version: shown by `azspec --version`, sent in `User-Agent`, written in the JSON report and the HTML
/// report's footer, and named by the release archive (`scripts/release.sh` reads it from here).
public enum AzspecVersion {
    /// The one place the version is written.
    public static let current = "0.1.0"

    /// The GitHub repository that publishes releases, the GitHub Action and the Azure Pipelines template.
    public static let repository = "azspec/azspec"

    /// Where release archives are downloaded from: `RELEASES/vVERSION/azspec-VERSION-linux-ARCH.tar.gz`.
    public static var releasesURL: String { "https://github.com/\(repository)/releases/download" }

    /// The commit the binary was built from, when the build said (`AZSPEC_COMMIT`, see Package.swift).
    public static let commit: String? = {
        let value = String(cString: azspec_build_commit())
        return value.isEmpty ? nil : value
    }()

    /// `0.1.0 (commit 0123abc)`, or just the version when the commit is not known.
    public static var description: String {
        guard let commit else { return current }
        return "\(current) (commit \(commit.prefix(12)))"
    }
}
