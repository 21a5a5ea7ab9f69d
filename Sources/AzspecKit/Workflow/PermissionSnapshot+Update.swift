import AzspecCore
import Yams

/// `snapshot permissions --update`: what changed between the snapshot on disk and the one just taken.
extension PermissionSnapshot {
    /// The lists of a snapshot's check, by name (`allow`, `deny`, `dataActions.allow`, `dataActions.deny`); nil when
    /// `text` is not a snapshot (what `snapshot permissions` writes: its first comment, one test with a permissions
    /// check).
    static func lists(of text: String) -> [String: [String]]? {
        guard text.hasPrefix("# Written by `azspec snapshot permissions`"),
            let root = YAMLDocument.compose(text, file: "snapshot").root, let tests = root["tests"]?.sequence, tests.count == 1,
            let permissions = tests.first?["permissions"], permissions.mapping != nil
        else { return nil }
        func strings(_ node: Node?) -> [String] { node?.sequence?.compactMap(\.string) ?? [] }
        return [
            "allow": strings(permissions["allow"]), "deny": strings(permissions["deny"]),
            "dataActions.allow": strings(permissions["dataActions"]?["allow"]),
            "dataActions.deny": strings(permissions["dataActions"]?["deny"]),
            "whoCan.exactly": strings(permissions["whoCan"]?["exactly"]),
        ]
    }

    /// One line per pattern added to or removed from a list (`+ allow: Microsoft.Storage/storageAccounts/write`),
    /// in the lists' order; nil when `old` is not a snapshot.
    public static func changes(from old: String, to new: String) -> [String]? {
        guard let before = lists(of: old), let after = lists(of: new) else { return nil }
        var lines: [String] = []
        for list in ["allow", "deny", "dataActions.allow", "dataActions.deny", "whoCan.exactly"] {
            let was = before[list] ?? [], now = after[list] ?? []
            lines += now.filter { !was.contains($0) }.map { "+ \(list): \($0)" }
            lines += was.filter { !now.contains($0) }.map { "- \(list): \($0)" }
        }
        return lines
    }
}
