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

    /// Strict: the whole text must be one of these forms (Foundation's ISO 8601 parsing ignores what follows a date).
    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff]]` with `Z` or `±HH:MM` (a space may replace `T`).
    static func parseISO8601(_ text: String) -> Int? {
        let chars = Array(text.utf8)
        var index = 0
        func number(_ digits: Int) -> Int? {
            guard index + digits <= chars.count else { return nil }
            var value = 0
            for _ in 0..<digits {
                let byte = chars[index]
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
                index += 1
            }
            return value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard index < chars.count, chars[index] == byte else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect(UInt8(ascii: "-")), let month = number(2), expect(UInt8(ascii: "-")),
            let day = number(2), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var time = (hour: 0, minute: 0, second: 0)
        let dayStart = days(year: year, month: month, day: day) * 86_400
        if index == chars.count { return dayStart }
        guard expect(UInt8(ascii: "T")) || expect(UInt8(ascii: "t")) || expect(UInt8(ascii: " ")),
            let hour = number(2), expect(UInt8(ascii: ":")), let minute = number(2), hour < 24, minute < 60
        else { return nil }
        time.hour = hour
        time.minute = minute
        if expect(UInt8(ascii: ":")) {
            guard let second = number(2), second < 61 else { return nil }
            time.second = second
            if expect(UInt8(ascii: ".")) {
                while index < chars.count, (0x30...0x39).contains(chars[index]) { index += 1 }
            }
        }
        var offset = 0
        if expect(UInt8(ascii: "Z")) || expect(UInt8(ascii: "z")) {
            offset = 0
        } else if index < chars.count, chars[index] == UInt8(ascii: "+") || chars[index] == UInt8(ascii: "-") {
            let sign = chars[index] == UInt8(ascii: "-") ? -1 : 1
            index += 1
            guard let offsetHours = number(2) else { return nil }
            _ = expect(UInt8(ascii: ":"))
            guard let offsetMinutes = number(2) else { return nil }
            offset = sign * (offsetHours * 3600 + offsetMinutes * 60)
        } else if index != chars.count {
            return nil
        }
        guard index == chars.count else { return nil }
        return dayStart + time.hour * 3600 + time.minute * 60 + time.second - offset
    }

    // Howard Hinnant's days-from-civil algorithms (proleptic Gregorian calendar).
    private static func days(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

}
