import Foundation

/// A UTC instant with the text forms Entra ID and ARM print, by Foundation's calendar and formatters.
struct UTCTime: Sendable {
    let date: Date

    /// Seconds since 1970-01-01T00:00:00Z as a fraction.
    static func now() -> Double {
        Date().timeIntervalSince1970
    }

    init(epochSeconds: Int) {
        date = Date(timeIntervalSince1970: TimeInterval(epochSeconds))
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar
    }()

    private static func style(_ format: Date.FormatString) -> Date.VerbatimFormatStyle {
        Date.VerbatimFormatStyle(format: format, locale: Locale(identifier: "en_US_POSIX"), timeZone: calendar.timeZone, calendar: calendar)
    }

    private static let entraStyle = style(
        "\(year: .defaultDigits)-\(month: .twoDigits)-\(day: .twoDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits):\(second: .twoDigits)Z"
    )
    private static let compactStyle = style(
        "\(year: .defaultDigits)\(month: .twoDigits)\(day: .twoDigits)T\(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased))\(minute: .twoDigits)\(second: .twoDigits)Z"
    )
    private static let usStyle = style(
        "\(month: .defaultDigits)/\(day: .defaultDigits)/\(year: .defaultDigits) \(hour: .defaultDigits(clock: .twelveHour, hourCycle: .oneBased)):\(minute: .twoDigits):\(second: .twoDigits) \(dayPeriod: .standard(.abbreviated))"
    )
    private static let roundTripStyle = style(
        "\(year: .defaultDigits)-\(month: .twoDigits)-\(day: .twoDigits)T\(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits):\(second: .twoDigits)"
    )

    /// `2016-01-09 02:02:12Z` (Entra error bodies).
    var entraTimestamp: String { date.formatted(Self.entraStyle) }

    /// `20221103T053209Z` (ARM `x-ms-routing-request-id`).
    var compactStamp: String { date.formatted(Self.compactStyle) }

    /// `1/18/2023 5:10:42 PM` (.NET `en-US` general format, used in ExpiredAuthenticationToken).
    var usDateTime: String { date.formatted(Self.usStyle) }

    /// `2024-12-07T12:09:18.3149355Z`: an instant with seven fraction digits, as .NET's round-trip format prints it
    /// in Entra's AADSTS700024 text.
    static func roundTripInstant(_ epochSeconds: Double) -> String {
        let whole = epochSeconds.rounded(.down)
        let ticks = min(9_999_999, max(0, Int(((epochSeconds - whole) * 10_000_000).rounded(.down))))
        let fraction = String(ticks)
        let text = Date(timeIntervalSince1970: whole).formatted(roundTripStyle)
        return text + "." + String(repeating: "0", count: 7 - fraction.count) + fraction + "Z"
    }

    /// Parses `YYYY-MM-DD` (midnight UTC) or an ISO 8601 date and time with `Z` or `±HH:MM`, fractions allowed and
    /// a space allowed for `T`.
    static func parseISO8601(_ text: String) -> Int? {
        let normalized = text.count > 10 ? text.replacingOccurrences(of: " ", with: "T") : text
        let strategies: [Date.ISO8601FormatStyle] = [
            .iso8601, Date.ISO8601FormatStyle(includingFractionalSeconds: true), Date.ISO8601FormatStyle().year().month().day(),
        ]
        for strategy in strategies {
            if let date = try? Date(normalized, strategy: strategy), date.timeIntervalSince1970.magnitude < 1e15 {
                return Int(date.timeIntervalSince1970.rounded(.down))
            }
        }
        return nil
    }
}
