/// One token of a Postman script, with the (0-based) line it is on.
struct JSToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case identifier(String)
        case number(Double)
        case string(String)
        case regex(pattern: String, flags: String)
        case punctuator(String)
        /// Something the lexer does not read (an unterminated string, a stray character).
        case invalid
    }

    let kind: Kind
    let line: Int
    /// The line it ends on: a string may run over several.
    var lastLine: Int

    init(kind: Kind, line: Int, lastLine: Int? = nil) {
        self.kind = kind
        self.line = line
        self.lastLine = lastLine ?? line
    }

    func isPunctuator(_ text: String) -> Bool { kind == .punctuator(text) }

    var identifier: String? {
        if case .identifier(let name) = kind { return name }
        return nil
    }
}
