import Foundation

/// A UTC instant broken into calendar fields, with the text forms Entra ID and ARM print.
struct UTCTime: Sendable {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int

    /// Seconds since 1970-01-01T00:00:00Z as a fraction.
    static func now() -> Double {
        Date().timeIntervalSince1970
    }

    init(epochSeconds: Int) {
        let days = Int((Double(epochSeconds) / 86_400).rounded(.down))
        let secondsOfDay = epochSeconds - days * 86_400
        (year, month, day) = UTCTime.civil(fromDays: days)
        hour = secondsOfDay / 3600
        minute = secondsOfDay % 3600 / 60
        second = secondsOfDay % 60
    }

    var epochSeconds: Int {
        UTCTime.days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
    }

    /// `2016-01-09 02:02:12Z` (Entra error bodies).
    var entraTimestamp: String {
        "\(pad(year, 4))-\(pad(month))-\(pad(day)) \(pad(hour)):\(pad(minute)):\(pad(second))Z"
    }

    /// `2024-12-07T12:09:18.3149355Z`: an instant with seven fraction digits, as .NET's round-trip format prints it
    /// in Entra's AADSTS700024 text.
    static func roundTripInstant(_ epochSeconds: Double) -> String {
        let whole = Int(epochSeconds.rounded(.down))
        let ticks = min(9_999_999, max(0, Int(((epochSeconds - Double(whole)) * 10_000_000).rounded(.down))))
        let time = UTCTime(epochSeconds: whole)
        return "\(time.pad(time.year, 4))-\(time.pad(time.month))-\(time.pad(time.day))T\(time.pad(time.hour)):"
            + "\(time.pad(time.minute)):\(time.pad(time.second)).\(time.pad(ticks, 7))Z"
    }

    /// `20221103T053209Z` (ARM `x-ms-routing-request-id`).
    var compactStamp: String {
        "\(pad(year, 4))\(pad(month))\(pad(day))T\(pad(hour))\(pad(minute))\(pad(second))Z"
    }

    /// `1/18/2023 5:10:42 PM` (.NET `en-US` general format, used in ExpiredAuthenticationToken).
    var usDateTime: String {
        let hour12 = hour % 12 == 0 ? 12 : hour % 12
        return "\(month)/\(day)/\(year) \(hour12):\(pad(minute)):\(pad(second)) \(hour < 12 ? "AM" : "PM")"
    }

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
        var time = UTCTime(year: year, month: month, day: day, hour: 0, minute: 0, second: 0)
        if index == chars.count { return time.epochSeconds }
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
        return time.epochSeconds - offset
    }

    private init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    private func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
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

    private static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
