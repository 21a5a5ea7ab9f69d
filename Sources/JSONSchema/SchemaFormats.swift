import Foundation

/// The `format`s azspec can assert (when the format-assertion vocabulary, or `assertFormat`, asks it to): date-time,
/// date, time and duration (RFC 3339, ISO 8601), email, hostname, ipv4, ipv6, uuid, uri, uri-reference, json-pointer,
/// relative-json-pointer and regex. Any other format is an annotation only.
enum SchemaFormats {
    /// Whether `text` is a valid `format`; nil for a format azspec does not check.
    static func check(_ format: String, _ text: String) -> Bool? {
        switch format {
        case "date": return isDate(text)
        case "time": return isTime(text)
        case "date-time":
            guard let t = text.firstIndex(where: { $0 == "T" || $0 == "t" }) else { return false }
            return isDate(String(text[..<t])) && isTime(String(text[text.index(after: t)...]))
        case "duration":
            // RFC 3339 appendix A, ASCII digits only.
            let duration =
                #/P(?:(?:[0-9]+Y(?:[0-9]+M(?:[0-9]+D)?)?|[0-9]+M(?:[0-9]+D)?|[0-9]+D)(?:T(?:[0-9]+H(?:[0-9]+M(?:[0-9]+S)?)?|[0-9]+M(?:[0-9]+S)?|[0-9]+S))?|T(?:[0-9]+H(?:[0-9]+M(?:[0-9]+S)?)?|[0-9]+M(?:[0-9]+S)?|[0-9]+S)|[0-9]+W)/#
            return text.wholeMatch(of: duration) != nil
        case "email":
            let parts = text.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, let local = parts.first, let domain = parts.last, !local.isEmpty, !domain.isEmpty else { return false }
            guard !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { return false }
            return isHostname(String(domain)) || (domain.hasPrefix("[") && domain.hasSuffix("]"))
        case "hostname": return isHostname(text)
        case "ipv4": return isIPv4(text)
        case "ipv6": return isIPv6(text)
        case "uuid":
            return text.wholeMatch(of: #/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/#) != nil
        case "uri": return isURIReference(text, absolute: true)
        case "uri-reference": return isURIReference(text, absolute: false)
        case "json-pointer": return isPointer(text)
        case "relative-json-pointer":
            guard let match = text.firstMatch(of: #/^(0|[1-9][0-9]*)/#) else { return false }
            let rest = text[match.range.upperBound...]
            return rest == "#" || isPointer(String(rest))
        case "regex": return (try? NSRegularExpression(pattern: text)) != nil
        default: return nil
        }
    }

    static func isDate(_ text: String) -> Bool {
        guard let match = text.wholeMatch(of: #/(\d{4})-(\d{2})-(\d{2})/#), let year = Int(match.1), let month = Int(match.2),
            let day = Int(match.3), (1...12).contains(month)
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }

    static func isTime(_ text: String) -> Bool {
        guard
            let match = text.wholeMatch(of: #/(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[zZ]|([+-])(\d{2}):(\d{2}))/#),
            let hour = Int(match.1), let minute = Int(match.2), let second = Int(match.3), hour < 24, minute < 60, second <= 60
        else { return false }
        var offset = 0
        if let sign = match.4, let h = Int(match.5 ?? ""), let m = Int(match.6 ?? "") {
            guard h < 24, m < 60 else { return false }
            offset = (sign == "+" ? 1 : -1) * (h * 60 + m)
        }
        // A leap second is 23:59:60 in UTC.
        if second == 60 {
            let utc = ((hour * 60 + minute - offset) % 1440 + 1440) % 1440
            return utc == 23 * 60 + 59
        }
        return true
    }

    static func isHostname(_ text: String) -> Bool {
        let name = text
        guard !name.isEmpty, name.utf8.count <= 253 else { return false }
        return name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            label.wholeMatch(of: #/[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?/#) != nil
        }
    }

    static func isIPv4(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4
            && parts.allSatisfy { part in
                part.wholeMatch(of: #/0|[1-9][0-9]{0,2}/#) != nil && (Int(part) ?? 256) <= 255
            }
    }

    static func isIPv6(_ text: String) -> Bool {
        guard !text.contains("%"), text.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else { return false }
        var address = text
        var groups = 8
        if let lastColon = text.lastIndex(of: ":"), text[lastColon...].contains(".") {
            guard isIPv4(String(text[text.index(after: lastColon)...])) else { return false }
            address = String(text[...lastColon]) + "0"
            groups = 7
        }
        let halves = address.components(separatedBy: "::")
        guard halves.count <= 2 else { return false }
        func parts(_ half: String) -> [Substring]? {
            if half.isEmpty { return [] }
            let parts = half.split(separator: ":", omittingEmptySubsequences: false)
            return parts.allSatisfy { (1...4).contains($0.count) } ? parts : nil
        }
        guard let first = parts(halves[0]), let second = halves.count == 2 ? parts(halves[1]) : [] else { return false }
        let count = first.count + second.count
        return halves.count == 2 ? count < groups : count == groups
    }

    /// RFC 3986: only its characters, whole percent-encodings, brackets only around an IP literal host, one `@`.
    static func isURIReference(_ text: String, absolute: Bool) -> Bool {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%")
        guard text.allSatisfy({ allowed.contains($0) }) else { return false }
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "%" else {
                index += 1
                continue
            }
            guard index + 2 < scalars.count, scalars[index + 1].properties.isASCIIHexDigit,
                scalars[index + 2].properties.isASCIIHexDigit
            else { return false }
            index += 3
        }
        var rest = Substring(text)
        if let colon = text.firstIndex(of: ":"), SchemaURI.isAbsolute(String(text[...colon])) {
            rest = text[text.index(after: colon)...]
        } else if absolute {
            return false
        } else if let segmentEnd = text.firstIndex(where: { "/?#".contains($0) }) ?? Optional(text.endIndex),
            text[..<segmentEnd].contains(":")
        {
            return false  // a relative path's first segment may hold no colon
        }
        if rest.hasPrefix("//") {
            let authorityEnd = rest.dropFirst(2).firstIndex { "/?#".contains($0) } ?? rest.endIndex
            let authority = rest[rest.index(rest.startIndex, offsetBy: 2)..<authorityEnd]
            rest = rest[authorityEnd...]
            guard authority.filter({ $0 == "@" }).count <= 1 else { return false }
            let hostPort = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? ""
            if let userinfo = authority.split(separator: "@", omittingEmptySubsequences: false).dropLast().first,
                userinfo.contains(where: { "[]".contains($0) })
            {
                return false
            }
            if hostPort.hasPrefix("[") {
                guard let close = hostPort.firstIndex(of: "]") else { return false }
                let literal = hostPort[hostPort.index(after: hostPort.startIndex)..<close]
                guard literal.hasPrefix("v") || literal.hasPrefix("V") || isIPv6(String(literal)) else { return false }
                let port = hostPort[hostPort.index(after: close)...]
                guard
                    port.isEmpty
                        || (port.hasPrefix(":") && port.dropFirst().allSatisfy(\.isASCII) && port.dropFirst().allSatisfy(\.isNumber))
                else { return false }
            } else if hostPort.contains(where: { "[]".contains($0) }) {
                return false
            } else if let colon = hostPort.lastIndex(of: ":"),
                !hostPort[hostPort.index(after: colon)...].allSatisfy({ $0.isASCII && $0.isNumber })
            {
                return false
            }
        }
        return !rest.contains(where: { "[]".contains($0) })
    }

    static func isPointer(_ text: String) -> Bool {
        guard text.isEmpty || text.hasPrefix("/") else { return false }
        var index = text.startIndex
        while let tilde = text[index...].firstIndex(of: "~") {
            let next = text.index(after: tilde)
            guard next < text.endIndex, text[next] == "0" || text[next] == "1" else { return false }
            index = text.index(after: next)
        }
        return true
    }
}
