import Foundation

/// GUID strings as Azure prints them: lower case (`72f988bf-86f1-41af-91ab-2d7cd011db47`), by Foundation's `UUID`.
public enum GUID {
    /// A random version-4 GUID.
    public static func random() -> String {
        UUID().uuidString.lowercased()
    }

    /// True for the 8-4-4-4-12 hex form (either case).
    public static func isValid(_ text: some StringProtocol) -> Bool {
        text.utf8.count == 36 && UUID(uuidString: String(text)) != nil
    }
}
