/// An error from parsing JSON text, with its position.
///
/// `offset` is the 0-based byte offset into the input; `line` and `column` are
/// 1-based (columns count Unicode scalars, lines are separated by LF).
public struct JSONParseError: Error, Sendable, CustomStringConvertible {
    /// 0-based byte offset of the problem in the input.
    public var offset: Int
    /// 1-based line number.
    public var line: Int
    /// 1-based column number (in Unicode scalars).
    public var column: Int
    /// What went wrong, e.g. `expected ',' or '}' after object member`.
    public var message: String

    public init(offset: Int, line: Int, column: Int, message: String) {
        self.offset = offset
        self.line = line
        self.column = column
        self.message = message
    }

    /// For example `line 3, column 7: expected ',' or '}' after object member`.
    public var description: String {
        "line \(line), column \(column): \(message)"
    }
}
