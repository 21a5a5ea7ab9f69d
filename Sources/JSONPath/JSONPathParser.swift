import AzspecCore

/// Parses RFC 9535 query text into a ``PathQuery``, checking well-typedness of
/// filter expressions (§2.4.3) along the way.
///
/// Works over the query's Unicode scalars; error offsets are scalar offsets here and
/// are converted to Character offsets by ``JSONPathQuery``.
struct JSONPathParser {
    /// An error at a Unicode scalar offset.
    struct Failure: Error {
        var scalarOffset: Int
        var message: String
    }

    private let s: [Unicode.Scalar]
    private var i = 0
    /// Current nesting of parentheses / function calls / filters (guards the stack).
    private var depth = 0
    private static let maxDepth = 256

    init(_ text: String) {
        s = Array(text.unicodeScalars)
    }

    // MARK: Entry point

    /// `jsonpath-query = root-identifier segments`
    mutating func parseQuery() throws(Failure) -> PathQuery {
        guard i < s.count else { throw fail(0, "empty query, expected '$'") }
        guard s[i] == "$" else {
            if isBlank(s[i]) { throw fail(0, "leading whitespace is not allowed") }
            throw fail(0, "query must start with '$'")
        }
        i += 1
        let segments = try parseSegments()
        if i < s.count {
            if isBlank(s[i]) { throw fail(i, "trailing whitespace is not allowed") }
            throw fail(i, "unexpected \(describe(s[i])), expected '.', '..' or '['")
        }
        return PathQuery(isRelative: false, segments: segments)
    }

    // MARK: Low-level helpers

    private func fail(_ offset: Int, _ message: String) -> Failure {
        Failure(scalarOffset: offset, message: message)
    }

    @inline(__always)
    private func peek(_ k: Int = 0) -> Unicode.Scalar? {
        i + k < s.count ? s[i + k] : nil
    }

    @inline(__always)
    private func isBlank(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\r"
    }

    /// `S = *B`
    private mutating func skipBlanks() {
        while i < s.count, isBlank(s[i]) { i += 1 }
    }

    private func isDigit(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return c.value >= 0x30 && c.value <= 0x39
    }

    private func isAlpha(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 0x41 && c.value <= 0x5A) || (c.value >= 0x61 && c.value <= 0x7A)
    }

    /// `name-first = ALPHA / "_" / %x80-D7FF / %xE000-10FFFF`
    private func isNameFirst(_ c: Unicode.Scalar) -> Bool {
        isAlpha(c) || c == "_" || c.value >= 0x80
    }

    private func describe(_ c: Unicode.Scalar?) -> String {
        guard let c else { return "end of query" }
        if c.value < 0x20 || c.value == 0x7F {
            let hex = String(c.value, radix: 16, uppercase: true)
            return "character U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
        return "'\(Character(c))'"
    }

    private mutating func expect(_ c: Unicode.Scalar, _ context: String) throws(Failure) {
        guard peek() == c else {
            throw fail(i, "expected '\(Character(c))' \(context), found \(describe(peek()))")
        }
        i += 1
    }

    private mutating func enter() throws(Failure) {
        depth += 1
        if depth > Self.maxDepth { throw fail(i, "query nested too deeply") }
    }

    private mutating func leave() { depth -= 1 }

    // MARK: Segments

    /// `segments = *(S segment)`; leaves blanks unconsumed when no segment follows.
    private mutating func parseSegments() throws(Failure) -> [PathSegment] {
        var segments: [PathSegment] = []
        while true {
            let save = i
            skipBlanks()
            guard let c = peek(), c == "." || c == "[" else {
                i = save
                return segments
            }
            segments.append(try parseSegment())
        }
    }

    private mutating func parseSegment() throws(Failure) -> PathSegment {
        if peek() == "[" {
            let (selectors, blanks) = try parseBracketedSelection()
            return PathSegment(isDescendant: false, selectors: selectors, hasInnerBlanks: blanks)
        }
        // '.'
        if peek(1) == "." {
            i += 2
            guard let c = peek() else { throw fail(i, "expected a name, '*' or '[' after '..'") }
            if c == "[" {
                let (selectors, blanks) = try parseBracketedSelection()
                return PathSegment(isDescendant: true, selectors: selectors, hasInnerBlanks: blanks)
            }
            if c == "*" {
                i += 1
                return PathSegment(isDescendant: true, selectors: [.wildcard])
            }
            if isNameFirst(c) {
                return PathSegment(isDescendant: true, selectors: [.name(parseMemberNameShorthand())])
            }
            throw fail(i, "expected a name, '*' or '[' after '..', found \(describe(c))")
        }
        i += 1
        guard let c = peek() else { throw fail(i, "expected a name or '*' after '.'") }
        if c == "*" {
            i += 1
            return PathSegment(isDescendant: false, selectors: [.wildcard])
        }
        if isNameFirst(c) {
            return PathSegment(isDescendant: false, selectors: [.name(parseMemberNameShorthand())])
        }
        throw fail(i, "expected a name or '*' after '.', found \(describe(c))")
    }

    /// `member-name-shorthand = name-first *name-char`
    private mutating func parseMemberNameShorthand() -> String {
        var scalars = String.UnicodeScalarView()
        while let c = peek(), isNameFirst(c) || isDigit(c) {
            scalars.append(c)
            i += 1
        }
        return String(scalars)
    }

    /// `bracketed-selection = "[" S selector *(S "," S selector) S "]"`; also reports
    /// whether there was blank space right inside the brackets.
    private mutating func parseBracketedSelection() throws(Failure) -> ([PathSelector], Bool) {
        i += 1  // '['
        var selectors: [PathSelector] = []
        var start = i
        skipBlanks()
        var innerBlanks = i != start
        while true {
            selectors.append(try parseSelector())
            start = i
            skipBlanks()
            if i != start, peek() == "]" { innerBlanks = true }
            guard let c = peek() else { throw fail(i, "expected ',' or ']', found end of query") }
            if c == "," {
                i += 1
                skipBlanks()
                continue
            }
            if c == "]" {
                i += 1
                return (selectors, innerBlanks)
            }
            throw fail(i, "expected ',' or ']', found \(describe(c))")
        }
    }

    private mutating func parseSelector() throws(Failure) -> PathSelector {
        guard let c = peek() else { throw fail(i, "expected a selector, found end of query") }
        switch c {
        case "'", "\"":
            return .name(try parseStringLiteral())
        case "*":
            i += 1
            return .wildcard
        case "?":
            i += 1
            skipBlanks()
            try enter()
            let expr = try parseLogicalExpression()
            leave()
            return .filter(expr)
        case ":", "-", "0"..."9":
            return try parseIndexOrSlice()
        default:
            throw fail(i, "expected a selector (name, '*', index, slice or filter), found \(describe(c))")
        }
    }

    /// `index-selector = int` or `slice-selector = [start S] ":" S [end S] [":" [S step]]`
    private mutating func parseIndexOrSlice() throws(Failure) -> PathSelector {
        var start: Int?
        if peek() != ":" {
            start = try parseInt()
        }
        let afterStart = i
        skipBlanks()
        guard peek() == ":" else {
            i = afterStart
            guard let start else { throw fail(i, "expected an index") }
            return .index(start)
        }
        i += 1
        skipBlanks()
        var end: Int?
        if let c = peek(), c == "-" || isDigit(c) {
            end = try parseInt()
            skipBlanks()
        }
        var step: Int?
        if peek() == ":" {
            i += 1
            skipBlanks()
            if let c = peek(), c == "-" || isDigit(c) {
                step = try parseInt()
            }
        }
        return .slice(start: start, end: end, step: step)
    }

    /// `int = "0" / (["-"] DIGIT1 *DIGIT)` within the I-JSON range ±(2^53-1).
    private mutating func parseInt() throws(Failure) -> Int {
        let start = i
        var negative = false
        if peek() == "-" {
            negative = true
            i += 1
        }
        guard isDigit(peek()) else {
            throw fail(i, "expected a digit, found \(describe(peek()))")
        }
        if peek() == "0" {
            if negative { throw fail(start, "-0 is not a valid integer here") }
            i += 1
            if isDigit(peek()) { throw fail(start, "leading zeros are not allowed") }
            return 0
        }
        let maxSafe = 9_007_199_254_740_991
        var value = 0
        var overflow = false
        while let c = peek(), isDigit(c) {
            if !overflow {
                value = value * 10 + Int(c.value - 0x30)
                if value > maxSafe { overflow = true }
            }
            i += 1
        }
        if overflow {
            throw fail(start, "integer out of range (must be within ±(2^53-1))")
        }
        return negative ? -value : value
    }

    // MARK: String literals

    /// A single- or double-quoted string literal (RFC 9535 §2.3.1.1).
    private mutating func parseStringLiteral() throws(Failure) -> String {
        let start = i
        guard let quote = peek() else { throw fail(i, "expected a string literal") }
        i += 1
        var out = String.UnicodeScalarView()
        while true {
            guard let c = peek() else {
                throw fail(start, "unterminated string literal")
            }
            if c == quote {
                i += 1
                return String(out)
            }
            if c == "\\" {
                out.append(try parseEscape(quote: quote))
                continue
            }
            if c.value < 0x20 {
                throw fail(i, "\(describe(c)) must be escaped in a string literal")
            }
            out.append(c)
            i += 1
        }
    }

    private mutating func parseEscape(quote: Unicode.Scalar) throws(Failure) -> Unicode.Scalar {
        let escapeStart = i
        i += 1  // '\'
        guard let e = peek() else { throw fail(escapeStart, "unterminated escape sequence") }
        i += 1
        switch e {
        case "b": return "\u{08}"
        case "f": return "\u{0C}"
        case "n": return "\n"
        case "r": return "\r"
        case "t": return "\t"
        case "/": return "/"
        case "\\": return "\\"
        case "'" where quote == "'": return "'"
        case "\"" where quote == "\"": return "\""
        case "u":
            let unit = try parseHex4(escapeStart: escapeStart)
            if (0xD800...0xDBFF).contains(unit) {
                let lowStart = i
                guard peek() == "\\", peek(1) == "u" else {
                    throw fail(escapeStart, "high surrogate must be followed by a \\u low surrogate escape")
                }
                i += 2
                let low = try parseHex4(escapeStart: lowStart)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw fail(lowStart, "expected a low surrogate (\\uDC00-\\uDFFF) after a high surrogate")
                }
                let value = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                guard let scalar = Unicode.Scalar(value) else {
                    throw fail(escapeStart, "invalid surrogate pair")
                }
                return scalar
            }
            if (0xDC00...0xDFFF).contains(unit) {
                throw fail(escapeStart, "unpaired low surrogate")
            }
            guard let scalar = Unicode.Scalar(unit) else {
                throw fail(escapeStart, "invalid \\u escape")
            }
            return scalar
        default:
            throw fail(escapeStart, "invalid escape sequence '\\\(Character(e))'")
        }
    }

    private mutating func parseHex4(escapeStart: Int) throws(Failure) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard let c = peek(), let d = hexValue(c) else {
                throw fail(escapeStart, "\\u escape needs 4 hexadecimal digits")
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }

    private func hexValue(_ c: Unicode.Scalar) -> UInt32? {
        switch c.value {
        case 0x30...0x39: return c.value - 0x30
        case 0x41...0x46: return c.value - 0x41 + 10
        case 0x61...0x66: return c.value - 0x61 + 10
        default: return nil
        }
    }

    // MARK: Filter expressions

    /// An operand parsed in expression position, not yet known to be a test or a comparison side.
    private enum Operand {
        case literal(JSONValue)
        case query(PathQuery)
        case function(FunctionCall, FunctionType)
    }

    /// What a sub-parser found: a logical expression, or a bare operand (with its offset).
    private enum Parsed {
        case logical(FilterExpression)
        case operand(Operand, offset: Int)
    }

    /// `logical-expr`, converted to LogicalType.
    private mutating func parseLogicalExpression() throws(Failure) -> FilterExpression {
        try asTest(try parseOr())
    }

    /// `logical-or-expr = logical-and-expr *(S "||" S logical-and-expr)`
    private mutating func parseOr() throws(Failure) -> Parsed {
        let first = try parseAnd()
        var operands: [FilterExpression]?
        while true {
            let save = i
            skipBlanks()
            guard peek() == "|", peek(1) == "|" else {
                i = save
                break
            }
            i += 2
            skipBlanks()
            if operands == nil { operands = [try asTest(first)] }
            operands?.append(try asTest(try parseAnd()))
        }
        if let operands { return .logical(.or(operands)) }
        return first
    }

    /// `logical-and-expr = basic-expr *(S "&&" S basic-expr)`
    private mutating func parseAnd() throws(Failure) -> Parsed {
        let first = try parseBasic()
        var operands: [FilterExpression]?
        while true {
            let save = i
            skipBlanks()
            guard peek() == "&", peek(1) == "&" else {
                i = save
                break
            }
            i += 2
            skipBlanks()
            if operands == nil { operands = [try asTest(first)] }
            operands?.append(try asTest(try parseBasic()))
        }
        if let operands { return .logical(.and(operands)) }
        return first
    }

    /// `basic-expr = paren-expr / comparison-expr / test-expr`
    private mutating func parseBasic() throws(Failure) -> Parsed {
        guard let c = peek() else {
            throw fail(i, "expected a filter expression, found end of query")
        }
        if c == "!" {
            i += 1
            skipBlanks()
            if peek() == "(" {
                return .logical(.not(try parseParenthesized()))
            }
            let offset = i
            let operand = try parseOperand()
            switch operand {
            case .literal:
                throw fail(offset, "'!' must be followed by a query, a function or '('")
            default:
                return .logical(.not(try asTest(.operand(operand, offset: offset))))
            }
        }
        if c == "(" {
            return .logical(try parseParenthesized())
        }
        let offset = i
        let left = try parseOperand()
        let save = i
        skipBlanks()
        guard let op = parseComparisonOperator() else {
            i = save
            return .operand(left, offset: offset)
        }
        skipBlanks()
        let rightOffset = i
        let right = try parseOperand()
        return .logical(
            .comparison(
                try asComparable(left, offset: offset), op,
                try asComparable(right, offset: rightOffset)))
    }

    /// `paren-expr` without the optional `!`: `"(" S logical-expr S ")"`
    private mutating func parseParenthesized() throws(Failure) -> FilterExpression {
        i += 1  // '('
        try enter()
        skipBlanks()
        let inner = try parseLogicalExpression()
        skipBlanks()
        try expect(")", "to close '('")
        leave()
        return inner
    }

    private mutating func parseComparisonOperator() -> ComparisonOperator? {
        guard let c = peek() else { return nil }
        let next = peek(1)
        switch c {
        case "=" where next == "=":
            i += 2
            return .equal
        case "!" where next == "=":
            i += 2
            return .notEqual
        case "<":
            if next == "=" {
                i += 2
                return .lessOrEqual
            }
            i += 1
            return .less
        case ">":
            if next == "=" {
                i += 2
                return .greaterOrEqual
            }
            i += 1
            return .greater
        default:
            return nil
        }
    }

    /// A literal, a filter query (`@...` / `$...`) or a function expression.
    private mutating func parseOperand() throws(Failure) -> Operand {
        guard let c = peek() else {
            throw fail(i, "expected a filter expression, found end of query")
        }
        switch c {
        case "@", "$":
            i += 1
            let segments = try parseSegments()
            return .query(PathQuery(isRelative: c == "@", segments: segments))
        case "'", "\"":
            return .literal(.string(try parseStringLiteral()))
        case "-", "0"..."9":
            return .literal(.number(try parseNumberLiteral()))
        case "a"..."z":
            let start = i
            var name = String.UnicodeScalarView()
            while let d = peek(),
                (d.value >= 0x61 && d.value <= 0x7A) || d == "_" || isDigit(d)
            {
                name.append(d)
                i += 1
            }
            let identifier = String(name)
            if peek() == "(" {
                return try parseFunctionCall(name: identifier, nameOffset: start)
            }
            switch identifier {
            case "true": return .literal(.bool(true))
            case "false": return .literal(.bool(false))
            case "null": return .literal(.null)
            default:
                if let d = peek(), isBlank(d), JSONPathFunction(rawValue: identifier) != nil {
                    throw fail(i, "no whitespace allowed between function name and '('")
                }
                throw fail(start, "unknown identifier '\(identifier)'")
            }
        default:
            throw fail(i, "expected a filter expression, found \(describe(c))")
        }
    }

    /// `number = (int / "-0") [ frac ] [ exp ]`
    private mutating func parseNumberLiteral() throws(Failure) -> Double {
        let start = i
        var text = ""
        if peek() == "-" {
            text.append("-")
            i += 1
        }
        guard let first = peek(), isDigit(first) else {
            throw fail(i, "expected a digit, found \(describe(peek()))")
        }
        if first == "0" {
            text.append("0")
            i += 1
            if isDigit(peek()) { throw fail(start, "leading zeros are not allowed") }
        } else {
            while let c = peek(), isDigit(c) {
                text.unicodeScalars.append(c)
                i += 1
            }
        }
        if peek() == "." {
            text.append(".")
            i += 1
            guard isDigit(peek()) else { throw fail(i, "expected a digit after '.'") }
            while let c = peek(), isDigit(c) {
                text.unicodeScalars.append(c)
                i += 1
            }
        }
        if let e = peek(), e == "e" || e == "E" {
            text.append("e")
            i += 1
            if let sign = peek(), sign == "+" || sign == "-" {
                text.unicodeScalars.append(sign)
                i += 1
            }
            guard isDigit(peek()) else { throw fail(i, "expected a digit in the exponent") }
            while let c = peek(), isDigit(c) {
                text.unicodeScalars.append(c)
                i += 1
            }
        }
        guard let value = Double(text), value.isFinite else {
            throw fail(start, "number out of range")
        }
        return value
    }

    /// `function-expr = function-name "(" S [function-argument *(S "," S function-argument)] S ")"`
    private mutating func parseFunctionCall(name: String, nameOffset: Int) throws(Failure) -> Operand {
        guard let function = JSONPathFunction(rawValue: name) else {
            throw fail(nameOffset, "unknown function '\(name)'")
        }
        i += 1  // '('
        try enter()
        skipBlanks()
        var arguments: [(FunctionArgument, Int)] = []
        if peek() != ")" {
            while true {
                let offset = i
                let parsed = try parseOr()
                let parameterIndex = arguments.count
                let parameters = function.parameters
                guard parameterIndex < parameters.count else {
                    throw fail(offset, "too many arguments: \(name)() takes \(parameters.count)")
                }
                arguments.append((try asArgument(parsed, at: offset, of: parameters[parameterIndex], function: name), offset))
                skipBlanks()
                guard let c = peek() else {
                    throw fail(i, "expected ',' or ')' in call of \(name)(), found end of query")
                }
                if c == "," {
                    i += 1
                    skipBlanks()
                    continue
                }
                if c == ")" { break }
                throw fail(i, "expected ',' or ')' in call of \(name)(), found \(describe(c))")
            }
        }
        i += 1  // ')'
        leave()
        let parameters = function.parameters
        guard arguments.count == parameters.count else {
            throw fail(
                nameOffset,
                "\(name)() takes \(parameters.count) argument\(parameters.count == 1 ? "" : "s"), got \(arguments.count)")
        }
        var call = FunctionCall(function: function, arguments: arguments.map(\.0), literalPattern: nil)
        if function == .match || function == .search, case .literal(.string(let pattern)) = call.arguments[1] {
            call.literalPattern = IRegexp.translate(pattern)
        }
        return .function(call, function.resultType)
    }

    // MARK: Type checks (RFC 9535 §2.4.3)

    /// Converts a parsed item used as a test (or logical operand) into a LogicalType expression.
    private func asTest(_ parsed: Parsed) throws(Failure) -> FilterExpression {
        switch parsed {
        case .logical(let e):
            return e
        case .operand(.query(let q), _):
            return .exists(q)
        case .operand(.function(let call, let type), let offset):
            guard type != .value else {
                throw fail(
                    offset,
                    "result of \(call.function.rawValue)() is ValueType and must be compared, not used as a test")
            }
            return .function(call)
        case .operand(.literal, let offset):
            throw fail(offset, "a literal cannot be used as a test; compare it with something")
        }
    }

    /// Checks an operand of a comparison: literal, singular query or ValueType function.
    private func asComparable(_ operand: Operand, offset: Int) throws(Failure) -> ComparableExpression {
        switch operand {
        case .literal(let v):
            return .literal(v)
        case .query(let q):
            guard q.isSyntacticallySingular else {
                throw fail(
                    offset,
                    q.isSingular
                        ? "a query compared must be a singular query without blank space inside its brackets"
                        : "a non-singular query cannot be compared")
            }
            return .query(q)
        case .function(let call, let type):
            guard type == .value else {
                throw fail(offset, "result of \(call.function.rawValue)() is \(type) and cannot be compared")
            }
            return .function(call)
        }
    }

    /// Checks a function argument against the declared parameter type (§2.4.3).
    private func asArgument(
        _ parsed: Parsed, at argumentOffset: Int, of type: FunctionType, function name: String
    )
        throws(Failure)
        -> FunctionArgument
    {
        switch (type, parsed) {
        case (.value, .operand(.literal(let v), _)):
            return .literal(v)
        case (.value, .operand(.query(let q), let offset)):
            guard q.isSyntacticallySingular else {
                throw fail(offset, "argument of \(name)() must be a singular query (ValueType)")
            }
            return .query(q)
        case (.value, .operand(.function(let call, let result), let offset)):
            guard result == .value else {
                throw fail(offset, "argument of \(name)() must be ValueType, but \(call.function.rawValue)() is \(result)")
            }
            return .function(call)
        case (.value, .logical):
            throw fail(argumentOffset, "argument of \(name)() must be ValueType, not a logical expression")

        case (.nodes, .operand(.query(let q), _)):
            return .query(q)
        case (.nodes, .operand(.function(let call, let result), let offset)):
            guard result == .nodes else {
                throw fail(offset, "argument of \(name)() must be NodesType, but \(call.function.rawValue)() is \(result)")
            }
            return .function(call)
        case (.nodes, .operand(.literal, let offset)):
            throw fail(offset, "argument of \(name)() must be a query (NodesType), not a literal")
        case (.nodes, .logical):
            throw fail(argumentOffset, "argument of \(name)() must be a query (NodesType), not a logical expression")

        case (.logical, .logical(let e)):
            return .logical(e)
        case (.logical, .operand(.query(let q), _)):
            return .logical(.exists(q))
        case (.logical, .operand(.function(let call, let result), let offset)):
            guard result != .value else {
                throw fail(offset, "argument of \(name)() must be LogicalType, but \(call.function.rawValue)() is ValueType")
            }
            return .function(call)
        case (.logical, .operand(.literal, let offset)):
            throw fail(offset, "argument of \(name)() must be LogicalType, not a literal")
        }
    }
}
