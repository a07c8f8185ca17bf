/// File names for per-document reports, safe whatever the document id says.
///
/// A slug keeps ASCII letters and digits (lower-cased), `-` and `_`, turns
/// every other run of characters (path separators, dots, spaces, quotes,
/// control and right-to-left marks) into one `-`, trims `-` at the ends, and
/// is at most 80 characters; an empty result becomes `document`. So a slug
/// can never name a folder, climb out with `..`, or hide its extension. Slugs
/// are made unique within a report by appending `-2`, `-3`, ... in document order.
public enum Slug {
    public static let maximumLength = 80

    public static func make(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in text.unicodeScalars {
            let isSafe = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-")
            if isSafe, scalar != "-" {
                if pendingDash, !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.unicodeScalars.append(scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar)
            } else {
                pendingDash = true
            }
            if slug.unicodeScalars.count >= maximumLength { break }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "document" : slug
    }

    /// Slugs for ids in order, unique: the second "a" becomes "a-2".
    public static func unique(_ ids: [String]) -> [String] {
        var used: Set<String> = []
        return ids.map { id in
            let base = make(id)
            var slug = base
            var counter = 2
            while used.contains(slug) {
                slug = "\(base.prefix(maximumLength - 6))-\(counter)"
                counter += 1
            }
            used.insert(slug)
            return slug
        }
    }
}
