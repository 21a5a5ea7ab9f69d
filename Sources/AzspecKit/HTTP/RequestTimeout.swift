/// How long one request may take: the one check for `--timeout` and a spec's or project's `timeout:`.
public enum RequestTimeout {
    /// The seconds a request timeout may be: a whole exchange (connect, headers, body) longer than an hour is a
    /// mistake, and anything larger than this would overflow the clock's nanoseconds.
    public static let range: ClosedRange<Double> = 0.001...3600

    /// Why `seconds` cannot be a timeout, or nil.
    public static func problem(_ seconds: Double) -> String? {
        guard seconds.isFinite, range.contains(seconds) else {
            return "a timeout must be a number of seconds from \(range.lowerBound) to \(Int(range.upperBound)) (one hour)"
        }
        return nil
    }
}
