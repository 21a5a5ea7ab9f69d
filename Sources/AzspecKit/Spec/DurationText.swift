import AzspecCore
import Foundation
import Yams

/// Durations as specs write them, wherever a duration is asked for (`timeout`, `poll.timeout`, `retry.within`,
/// azspec.yaml's `timeout`, `expect.time`): seconds as a number (`30`, `0.5`), or number–unit pairs in a string,
/// largest unit first: `800ms`, `2s`, `1.5s`, `1m30s`, `2m`, `1h`.
enum DurationText {
    /// The seconds `text` stands for; nil when it is no duration.
    static func seconds(_ text: String) -> Double? {
        let parts = text.matches(of: #/([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)/#)
        guard !parts.isEmpty, parts.map({ String($0.output.0) }).joined() == text else { return nil }
        let scale = ["h": 3600.0, "m": 60, "s": 1, "ms": 0.001]
        var order: [Double] = []
        var total = 0.0
        for part in parts {
            guard let value = Double(part.output.1), let unit = scale[String(part.output.2)] else { return nil }
            order.append(unit)
            total += value * unit
        }
        // Each unit once, largest first (1m30s, not 30s1m).
        guard order == order.sorted(by: >), Set(order).count == order.count else { return nil }
        return total
    }

    /// `800 ms`, `1.5 s`, `2 min 5 s`: a duration for messages.
    static func describe(_ seconds: Double) -> String {
        if seconds < 1 { return "\(Int((seconds * 1000).rounded())) ms" }
        if seconds < 60 { return String(format: seconds < 10 ? "%.2g s" : "%.0f s", seconds).replacingOccurrences(of: ".0 s", with: " s") }
        if seconds >= 3600, seconds.truncatingRemainder(dividingBy: 3600) == 0 { return "\(Int(seconds / 3600)) h" }
        let minutes = Int(seconds / 60)
        let rest = Int(seconds.rounded()) - minutes * 60
        return rest == 0 ? "\(minutes) min" : "\(minutes) min \(rest) s"
    }

    /// The pattern of a duration string, for the schema.
    static let pattern =
        #"^(?:[0-9]+(?:\.[0-9]+)?h)?(?:[0-9]+(?:\.[0-9]+)?m)?(?:[0-9]+(?:\.[0-9]+)?s)?(?:[0-9]+(?:\.[0-9]+)?ms)?(?<=[hms])(?![\s\S])"#

    /// The JSON Schema of a duration from `minimum` to `maximum` seconds.
    static func schema(_ description: String, minimum: Double, maximum: Double, examples: [JSONValue]) -> JSONValue {
        [
            "description": .string(description),
            "anyOf": [
                ["type": "number", "minimum": .number(minimum), "maximum": .number(maximum), "description": "Seconds."],
                [
                    "type": "string", "pattern": .string(pattern),
                    "patternErrorMessage": "A duration: 800ms, 2s, 1.5s, 1m30s, 2m or 1h (or a number of seconds).",
                    "description": "A duration such as 800ms, 1.5s, 1m30s.",
                ],
            ],
            "examples": .array(examples),
        ]
    }
}

extension YAMLReader {
    /// A duration (see ``DurationText``) within `range` seconds; nil, with an error at the value, otherwise.
    mutating func duration(_ node: Node, _ what: String, in range: ClosedRange<Double>) -> Double? {
        guard case .scalar(let scalar) = node else {
            error("\(what) must be a duration such as 30, 800ms, 1.5s or 2m, found \(describe(node))", at: node)
            return nil
        }
        let seconds: Double
        switch scalar.resolvedJSON {
        case .number(let value): seconds = value
        case .string(let text):
            guard let value = DurationText.seconds(text.trimmingCharacters(in: .whitespaces)) else {
                error("\(what) must be a duration such as 30, 800ms, 1.5s or 2m, not '\(text)'", at: node)
                return nil
            }
            seconds = value
        default:
            error("\(what) must be a duration such as 30, 800ms, 1.5s or 2m", at: node)
            return nil
        }
        guard range.contains(seconds), seconds.isFinite else {
            error(
                "\(what) must be from \(DurationText.describe(range.lowerBound)) to \(DurationText.describe(range.upperBound)), not \(scalar.string)",
                at: node)
            return nil
        }
        return seconds
    }
}
