import Foundation

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
/// only three tokens "kim", "il", "sung". A pattern has at most `maximumParts` parts.
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
        case tooLong(parts: Int)

        public var description: String {
            switch self {
            case .empty: "the pattern is empty"
            case .onlyWildcards: "the pattern has no letters or digits: it would match every word"
            case let .character(c): "the character \"\(c)\" never occurs inside a word, so the pattern could never match (split phrases with spaces; only * and ? are wildcards)"
            case let .tooLong(parts): "the pattern has \(parts) words and hyphenated pieces; a pattern may have at most \(LexiconPattern.maximumParts) (a phrase that long is most likely pasted text: split it into the phrases to look for)"
            }
        }
    }

    /// The most parts (words and pieces of hyphenated words) a pattern may have. Matching tries a pattern at
    /// every token that may start it, and follows it as long as the text agrees, so the work grows with the
    /// longest pattern; real phrases have a handful of words ("Council for Mutual Economic Assistance").
    public static let maximumParts = 100

    public init(_ source: String) throws(Problem) {
        self.source = source
        var text = source.trimmingWhitespace
        isExact = text.hasPrefix("=")
        if isExact { text = String(text.dropFirst()).trimmingWhitespace }
        guard !text.isEmpty else { throw .empty }
        for character in text where !(character.isLetter || character.isNumber || character.isWhitespace || "-'’.*?".contains(character)) {
            throw .character(character)
        }
        // NFC, as the text is: parts are compared with the text's words byte by byte.
        let lowered = String(text.lowercased().map { $0 == "’" ? "'" : $0 }).precomposedStringWithCanonicalMapping
        let words = lowered.split(whereSeparator: \.isWhitespace).map(String.init)
        parts = isExact ? words : words.flatMap { $0.split(separator: "-").map(String.init) }
        guard parts.count <= Self.maximumParts else { throw .tooLong(parts: parts.count) }
        guard parts.contains(where: { $0.contains(where: { $0.isLetter || $0.isNumber }) }) else { throw .onlyWildcards }
        wildcardParts = parts.map { $0.utf8.contains(UInt8(ascii: "*")) || $0.utf8.contains(UInt8(ascii: "?")) }
        var wildcards = [0]
        for isWildcard in wildcardParts { wildcards.append(wildcards[wildcards.count - 1] + (isWildcard ? 1 : 0)) }
        wildcardsBefore = wildcards
        var bytes: [UInt8] = []
        var offsets = [0]
        for part in parts {
            bytes += part.utf8
            offsets.append(bytes.count)
        }
        closedUpBytes = bytes
        partOffsets = offsets
    }

    /// Which parts hold `*` or `?` (worked out once: matching asks at every candidate token).
    let wildcardParts: [Bool]
    /// `wildcardsBefore[k]`: how many of the first k parts hold a wildcard, so a run of parts is asked in one step.
    private let wildcardsBefore: [Int]
    /// The parts' UTF-8 bytes one after another (`closedUp`), and where each part starts in them (and the end):
    /// part k is `closedUpBytes[partOffsets[k]..<partOffsets[k + 1]]`.
    let closedUpBytes: [UInt8]
    let partOffsets: [Int]

    var hasWildcards: Bool { wildcardsBefore[parts.count] > 0 }

    func hasWildcards(in range: Range<Int>) -> Bool { wildcardsBefore[range.upperBound] > wildcardsBefore[range.lowerBound] }

    /// The closed-up form of the whole pattern ("selfreliance"), the key for one-token matches.
    var closedUp: String { String(decoding: closedUpBytes, as: UTF8.self) }

    /// The number of parts from part `j` on (two or more, none with a wildcard) that, closed up, are `bytes`;
    /// nil when there is none. Parts are not empty, so only one run of them has the length of `bytes`: it is
    /// found by a binary search of their offsets and compared once, whatever the pattern's length.
    func closedUpParts(from j: Int, equal bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let start = partOffsets[j]
        let end = start + bytes.count
        // The first offset at or past `end`, among the ends of parts j + 1 ...
        var low = j + 1, high = parts.count
        while low < high {
            let mid = (low + high) / 2
            if partOffsets[mid] < end { low = mid + 1 } else { high = mid }
        }
        guard partOffsets[low] == end else { return nil }
        let r = low - j
        guard r >= 2, !hasWildcards(in: j..<low) else { return nil }
        return closedUpBytes.withUnsafeBufferPointer { all in
            memcmp(all.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0
        } ? r : nil
    }
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
