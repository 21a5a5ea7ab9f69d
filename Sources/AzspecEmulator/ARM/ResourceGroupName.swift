/// ARM's resource group name rule: `^[-\w\._\(\)]+$`, 1–90 characters, not ending in a period.
enum ResourceGroupName {
    /// Nil when `name` is valid, else the ARM error message.
    static func problem(with name: String) -> String? {
        let invalid = name.unicodeScalars.filter { !isAllowed($0) }
        if !invalid.isEmpty {
            var seen = String.UnicodeScalarView()
            for scalar in invalid where !seen.contains(scalar) { seen.append(scalar) }
            return "The provided resource group name '\(name)' has these invalid characters: '\(String(seen))'. "
                + "The name can only be a letter, digit, '-', '.', '(', ')' or '_'."
        }
        if name.isEmpty || name.count > 90 {
            return "The provided resource group name '\(name)' is invalid. "
                + "The name must be between 1 and 90 characters long."
        }
        if name.hasSuffix(".") {
            return "The provided resource group name '\(name)' is invalid. The name cannot end with a period."
        }
        return nil
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "-", ".", "_", "(", ")": return true
        default:
            let properties = scalar.properties
            return properties.isAlphabetic || properties.numericType != nil
                || properties.generalCategory == .connectorPunctuation
        }
    }
}
