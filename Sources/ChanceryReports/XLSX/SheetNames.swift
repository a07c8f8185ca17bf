/// Sheet names that Excel accepts, made from table titles.
///
/// Excel's rules: at most 31 characters; none of `[ ] : * ? / \`; not
/// beginning or ending with an apostrophe; not `History` (reserved); unique
/// without regard to case. A title that breaks a rule is mended, not
/// refused: the forbidden characters become `_`, a long title is cut, and a
/// repeated one gets ` (2)`, ` (3)` ... within the 31 characters.
enum SheetNames {
    static let maxLength = 31
    static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// One valid, unique name per title, in order.
    static func assign(_ titles: [String]) -> [String] {
        var taken: Set<String> = []
        var names: [String] = []
        for title in titles {
            let base = clean(title)
            var name = base
            var counter = 2
            while taken.contains(key(name)) {
                let suffix = " (\(counter))"
                let stem = trimApostrophes(cut(base, toUTF16: maxLength - suffix.utf16.count))
                name = String(stem.reversed().drop(while: \.isWhitespace).reversed()) + suffix
                counter += 1
            }
            taken.insert(key(name))
            names.append(name)
        }
        return names
    }

    /// A name within Excel's rules, not yet checked for uniqueness.
    static func clean(_ title: String) -> String {
        var text = String(title.map { character -> Character in
            if forbidden.contains(character) { return "_" }
            if character.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return "_" }
            return character
        })
        text = trimApostrophes(text)
        text = trimApostrophes(cut(text, toUTF16: maxLength))
        if text.allSatisfy(\.isWhitespace) { text = "Sheet" }
        if text.lowercased() == "history" { text += "_" }
        return text
    }

    /// The longest prefix of whole characters within `limit` UTF-16 units (Excel counts UTF-16).
    static func cut(_ text: String, toUTF16 limit: Int) -> String {
        guard text.utf16.count > limit else { return text }
        var result = ""
        var used = 0
        for character in text {
            let size = character.utf16.count
            if used + size > limit { break }
            result.append(character)
            used += size
        }
        return result
    }

    private static func trimApostrophes(_ text: String) -> String {
        var text = Substring(text)
        while text.first == "'" { text.removeFirst() }
        while text.last == "'" { text.removeLast() }
        return String(text)
    }

    private static func key(_ name: String) -> String { name.uppercased() }
}
