import Foundation

/// How values are spelled in a JUnit report: class names, times, timestamps and test names.
enum JUnitFormat {
    /// Azure DevOps drops test names longer than this.
    static let maximumNameLength = 512

    /// A class name derived from a spec file path, the same on every machine: `specs/token/v1.yaml` →
    /// `specs.token.v1`.
    ///
    /// Backslashes count as separators; empty, `.` and `..` components are dropped (so `./specs/a.yaml` and
    /// `/specs/a.yaml` both give `specs.a`); the last extension of the file name is removed, and so are leading dots
    /// of hidden names (`specs/.x.yaml` → `specs.x`), which would otherwise give `..`. Returns an empty string when
    /// nothing is left.
    static func className(forSpecFile path: String) -> String {
        let components = path.split { $0 == "/" || $0 == "\\" }
            .filter { $0 != "." && $0 != ".." }
        return components.enumerated()
            .map { index, component in
                let name = index == components.count - 1 ? removingExtension(component) : component
                return name.drop { $0 == "." }
            }
            .filter { !$0.isEmpty }
            .joined(separator: ".")
    }

    /// Seconds with exactly three decimals and never an exponent; negative, NaN and infinite durations give `0.000`.
    static func seconds(_ duration: Double) -> String {
        // Integer milliseconds, rounded half up; capped at 10^12 s so that the conversion cannot overflow.
        let value = duration.isFinite && duration > 0 ? min(duration, 1e12) : 0
        let milliseconds = Int((value * 1000).rounded())
        let fraction = String(milliseconds % 1000)
        return "\(milliseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// UTC without a zone and without fractions, e.g. `2025-01-15T10:30:00` (Jenkins and Azure DevOps read a
    /// zone-less timestamp as UTC; the Ant schema forbids a zone).
    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d",
            parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0
        )
    }

    /// The text, cut to ``maximumNameLength`` characters (ending in `…` when cut).
    static func truncatedName(_ name: String, limit: Int = maximumNameLength) -> String {
        guard name.count > limit else { return name }
        return String(name.prefix(limit - 1)) + "…"
    }

    /// Whether the text would be empty once an XML parser collapsed its whitespace.
    static func isBlank(_ text: String) -> Bool {
        text.allSatisfy { $0.isWhitespace }
    }

    private static func removingExtension(_ fileName: Substring) -> Substring {
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return fileName }
        return fileName[..<dot]
    }
}

/// Hands out test names that are unique per class name within one report.
///
/// GitLab keeps only the first case of a duplicate (classname, name) pair; the second `check` in `a.b` becomes
/// `check (2)`. Deterministic, so names stay stable from run to run.
struct JUnitNameRegistry {
    private var used: Set<String> = []

    mutating func uniqueName(_ name: String, className: String) -> String {
        var candidate = name
        var number = 1
        while !used.insert(className + "\u{0}" + candidate).inserted {
            number += 1
            let suffix = " (\(number))"
            candidate = JUnitFormat.truncatedName(name, limit: JUnitFormat.maximumNameLength - suffix.count) + suffix
        }
        return candidate
    }
}
