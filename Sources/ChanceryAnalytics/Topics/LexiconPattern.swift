/// One pattern of a lexicon entry, compiled for matching against tokens.
///
/// Written as in quanteda dictionaries: words separated by spaces, `*` for
/// any run of characters and `?` for one character inside a word. Unless the
/// pattern starts with `=`, it also matches its spelling variants: the parts
/// of a pattern are its words and the pieces of its hyphenated words, and the
/// text may join them with a space, a hyphen or nothing, so `self-reliance`
/// matches "self-reliance", "self reliance" and "selfreliance", and
/// `Kim Il Sung` matches "Kim Il-sung" and "Kim Ilsung". A pattern starting
/// with `=` matches whole tokens exactly (case aside): `=Kim Il Sung` matches
/// only three tokens "kim", "il", "sung".
public struct LexiconPattern: Sendable, Hashable {
    /// The pattern as written in the lexicon.
    public var source: String
    public var isExact: Bool
    /// Lower-cased parts: words, and the pieces of hyphenated words unless exact.
    public var parts: [String]

    /// Why a pattern cannot be used.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case empty
        case onlyWildcards
        case character(Character)

        public var description: String {
            switch self {
            case .empty: "the pattern is empty"
            case .onlyWildcards: "the pattern has no letters or digits: it would match every word"
            case let .character(c): "the character \"\(c)\" never occurs inside a word, so the pattern could never match (split phrases with spaces; only * and ? are wildcards)"
            }
        }
    }

    public init(_ source: String) throws(Problem) {
        self.source = source
        var text = source.trimmingWhitespace
        isExact = text.hasPrefix("=")
        if isExact { text = String(text.dropFirst()).trimmingWhitespace }
        guard !text.isEmpty else { throw .empty }
        for character in text where !(character.isLetter || character.isNumber || character.isWhitespace || "-'’.*?".contains(character)) {
            throw .character(character)
        }
        let lowered = String(text.lowercased().map { $0 == "’" ? "'" : $0 })
        let words = lowered.split(whereSeparator: \.isWhitespace).map(String.init)
        parts = isExact ? words : words.flatMap { $0.split(separator: "-").map(String.init) }
        guard parts.contains(where: { $0.contains(where: { $0.isLetter || $0.isNumber }) }) else { throw .onlyWildcards }
        wildcardParts = parts.map { $0.utf8.contains(UInt8(ascii: "*")) || $0.utf8.contains(UInt8(ascii: "?")) }
    }

    /// Which parts hold `*` or `?` (worked out once: matching asks at every candidate token).
    let wildcardParts: [Bool]

    var hasWildcards: Bool { wildcardParts.contains(true) }

    func hasWildcards(in range: Range<Int>) -> Bool { wildcardParts[range].contains(true) }

    /// The closed-up form of the whole pattern ("selfreliance"), the key for one-token matches.
    var closedUp: String { parts.joined() }
}

extension String {
    /// Glob match with `*` (any run) and `?` (one Unicode scalar); iterative, no allocation.
    func globMatches(_ text: some StringProtocol) -> Bool {
        // Without wildcards a glob is an equality test.
        if !utf8.contains(UInt8(ascii: "*")), !utf8.contains(UInt8(ascii: "?")) {
            return utf8.elementsEqual(text.utf8)
        }
        let pattern = unicodeScalars, subject = text.unicodeScalars
        var p = pattern.startIndex, s = subject.startIndex
        var star: String.UnicodeScalarView.Index?
        var mark = subject.startIndex
        while s < subject.endIndex {
            if p < pattern.endIndex, pattern[p] == "?" || pattern[p] == subject[s] {
                p = pattern.index(after: p)
                s = subject.index(after: s)
            } else if p < pattern.endIndex, pattern[p] == "*" {
                star = p
                mark = s
                p = pattern.index(after: p)
            } else if let starred = star {
                p = pattern.index(after: starred)
                mark = subject.index(after: mark)
                s = mark
            } else {
                return false
            }
        }
        while p < pattern.endIndex, pattern[p] == "*" { p = pattern.index(after: p) }
        return p == pattern.endIndex
    }
}
