/// The matchers a spec may use, by the name it writes them with: the one list the loader accepts (``Matcher/names``,
/// `SpecFormat.matcher`), the schema is held to, and the Postman importer writes (`ScriptMatcher`).
package enum MatcherName: String, CaseIterable, Sendable {
    case equals, notEquals, exists, type, contains, matches, lt, le, gt, ge, length, oneOf, not, each, has, unordered, jwt, schema
}
