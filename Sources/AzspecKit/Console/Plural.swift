/// English counts: "1 file", "2 files", "0 tests".
public enum Plural {
    public static func count(_ number: Int, _ noun: String, plural: String? = nil) -> String {
        "\(number) \(number == 1 ? noun : plural ?? noun + "s")"
    }
}
