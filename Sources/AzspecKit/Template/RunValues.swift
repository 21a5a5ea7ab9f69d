import Foundation

/// Values made once per run for unique names: `{{run.id}}` (a GUID), `{{run.hex}}` (8 hex digits) and
/// `{{run.started}}` (`20261202T054500Z`). The same within a run, so that a test that creates `rg-{{run.hex}}` and
/// the cleanup that deletes it agree.
struct RunValues: Sendable {
    let id: String
    let hex: String
    let started: String

    static let names = ["id", "hex", "started"]

    init(now: Date = Date()) {
        id = UUID().uuidString.lowercased()
        hex = String(UUID().uuidString.lowercased().filter(\.isHexDigit).prefix(8))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: now)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        started = "\(parts.year ?? 1970)\(two(parts.month))\(two(parts.day))T\(two(parts.hour))\(two(parts.minute))\(two(parts.second))Z"
    }

    func value(_ name: Substring?) -> String? {
        switch name {
        case "id": id
        case "hex": hex
        case "started": started
        default: nil
        }
    }
}
