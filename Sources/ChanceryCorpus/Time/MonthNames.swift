/// English month names and the abbreviations archives print.
public enum MonthNames {
    public static let english = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// Month number (1–12) for a full name or a common abbreviation, any case,
    /// with or without its period ("Dec.", "Sept", "dec").
    public static func number(of word: some StringProtocol) -> Int? {
        var key = word.lowercased()
        if key.hasSuffix(".") { key.removeLast() }
        return lookup[key]
    }

    private static let lookup: [String: Int] = {
        var table: [String: Int] = [:]
        for (index, name) in english.enumerated() {
            table[name.lowercased()] = index + 1
            table[String(name.lowercased().prefix(3))] = index + 1
        }
        table["sept"] = 9
        return table
    }()
}
