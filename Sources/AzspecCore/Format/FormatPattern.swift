/// The regular expressions (ECMA-262, as JSON Schema's `pattern` reads them) that the formats' schemas share, each
/// defined once. A pattern matches the whole value: it starts with `^` and ends with ``end`` (`$` would also match
/// before a final newline in some engines).
public enum FormatPattern {
    /// The end of the value.
    public static let end = #"(?![\s\S])"#

    /// Every white-space character (the class's contents, without brackets).
    static let space = #"\t\n\u000B\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000"#
    /// White space within a line.
    static let blank = #"\t \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000"#

    /// Text whose every `{{` opens a placeholder closed by `}}` around one name without spaces or braces.
    public static let template =
        #"^(?:[^{]|\{(?!\{)|\{\{["# + blank + #"]*[^{}"# + space + #"]+["# + blank
        + #"]*\}\})*"# + end

    /// A name of letters, digits, `_` and `-`, starting with a letter or `_`.
    public static let identifier = #"^[A-Za-z_][A-Za-z0-9_-]*"# + end

    /// A GUID such as a tenant, client or object id.
    public static let guid = #"^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"# + end

    /// An HTTP status code (100–599, `+` and leading zeros as YAML reads an integer) or a class such as `2xx`.
    public static let status = #"^(?:\+?0*[1-5][0-9]{2}|[1-5][xX]{2})"# + end

    /// An RBAC action `Provider.Namespace/type/…/verb`, or a pattern with at most one `*` (`*` alone included).
    public static let action =
        #"^(?![\s\S]*\*[\s\S]*\*)(?:\*|(?:\*|[^."# + space + #"/][^"# + space + #"/]*\.[^"# + space + #"/]*[^."# + space
        + #"/])(?:/[^"# + space + #"/]+)+)"# + end

    /// An RBAC action without a wildcard.
    public static let exactAction =
        #"^[^.*"# + space + #"/][^*"# + space + #"/]*\.[^*"# + space + #"/]*[^.*"# + space + #"/](?:/[^*"# + space
        + #"/]+)+"# + end

    /// An ARM scope: a subscription, a resource group in it, or a resource (any letter case).
    public static let armScope =
        "^/" + anyCase("subscriptions") + "/[^/]+(?:/" + anyCase("resourceGroups") + "/[^/]+(?:/" + anyCase("providers")
        + #"/[^/]*\.[^/]*/[^/]+/[^/]+(?:/[^/]+/[^/]+)*)?)?/?"# + end

    /// A management group's scope, `/providers/Microsoft.Management/managementGroups/{id}` (any letter case).
    public static let managementGroupScope =
        "^/" + anyCase("providers") + "/" + anyCase("Microsoft.Management") + "/" + anyCase("managementGroups") + "/[^/]+" + end

    /// Where a role assignment may be made: an ARM scope or a management group.
    public static let assignmentScope =
        "^(?:" + armScope.dropFirst().dropLast(end.count) + "|" + managementGroupScope.dropFirst().dropLast(end.count) + ")" + end

    /// One of `words`, in any letter case.
    public static func anyCase(oneOf words: [String]) -> String {
        "^(?:" + words.map(anyCase).joined(separator: "|") + ")" + end
    }

    /// `word` in any letter case: each letter as a class of its two cases (`get` → `[gG][eE][tT]`).
    public static func anyCase(_ word: String) -> String {
        word.map { character in
            let lower = character.lowercased(), upper = character.uppercased()
            return lower == upper ? escaped(character) : "[\(lower)\(upper)]"
        }.joined()
    }

    /// The words a misspelling of one of `words` may be: any text within ``Suggestion/limit(for:)`` edits
    /// (insertions, deletions, substitutions; letter case aside) of a word, as the loader's did-you-mean decides.
    public static func misspelling(of words: [String]) -> String {
        "^(?:" + words.map { within(Suggestion.limit(for: $0), editsOf: Array($0)) }.joined(separator: "|") + ")" + end
    }

    /// Text within `limit` edits of `word`. At each letter: keep it, drop or replace it (`[\s\S]?`), or insert a
    /// character before it; after an insertion a drop is never needed (the two are one replacement), which keeps the
    /// expression small.
    static func within(_ limit: Int, editsOf word: [Character]) -> String {
        let any = #"[\s\S]"#
        var memo: [Int: String] = [:]
        func rest(_ edits: Int) -> String {
            edits == 0 ? "" : edits == 1 ? any + "?" : any + "{0,\(edits)}"
        }
        func alternatives(_ options: [String]) -> String {
            options.count == 1 ? options[0] : "(?:" + options.joined(separator: "|") + ")"
        }
        // `key` packs (position, edits used, after an insertion).
        func from(_ position: Int, _ used: Int, inserted: Bool) -> String {
            let key = (position * (limit + 1) + used) * 2 + (inserted ? 1 : 0)
            if let known = memo[key] { return known }
            let expression: String
            if position == word.count {
                expression = rest(limit - used)
            } else {
                var options = [anyCase(String(word[position])) + from(position + 1, used, inserted: false)]
                if used < limit {
                    if !inserted { options.append(any + "?" + from(position + 1, used + 1, inserted: false)) }
                    options.append(any + from(position, used + 1, inserted: true))
                }
                expression = alternatives(options)
            }
            memo[key] = expression
            return expression
        }
        return from(0, 0, inserted: false)
    }

    private static func escaped(_ character: Character) -> String {
        #"\^$.|?*+()[]{}/"#.contains(character) ? "\\\(character)" : String(character)
    }
}
