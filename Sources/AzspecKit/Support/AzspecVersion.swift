/// azspec's version, shown by `azspec --version` and sent in `User-Agent`.
public enum AzspecVersion {
    public static let current = "0.1.0"
}
