import Foundation

/// Words to leave out of counts: the built-in English list or a user's own.
public struct StopwordList: Sendable, Hashable {
    public let name: String
    public let words: Set<String>

    public init(name: String, words: some Sequence<String>) {
        self.name = name
        self.words = Set(words.map { $0.lowercased() })
    }

    /// No stopwords.
    public static let none = StopwordList(name: "none", words: [])

    /// Function words of English prose, lower case.
    ///
    /// Written for Chancery: articles, pronouns, auxiliaries, prepositions,
    /// conjunctions and a few adverbs. It deliberately keeps words that carry
    /// meaning in diplomatic text ("not", "no", "against", "only"): dropping
    /// negation would turn "will not accept" into "accept". "No." and "Nos."
    /// before a number ("Telegram No. 45") are the abbreviation for "number",
    /// a token of their own (`Tokenizer`), and are on the list.
    public static let english = StopwordList(name: "english", words: """
        a about above after again all also am an and any are as at be because been before being below
        between both but by can could did do does doing down during each few for from further had has
        have having he her here hers herself him himself his how i if in into is it its itself just
        me more most my myself nor now of off on once or other our ours ourselves out over own same she
        should so some such than that the their theirs them themselves then there these they this those
        through to too under until up very was we were what when where which while who whom why will
        with would you your yours yourself yourselves shall may might must upon whether s t
        us since without within among although though yet unless whose no. nos.
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// Reads a list from a file: one word per line, `#` starts a comment. The file is read as an option file
    /// (`OptionFile`): a regular file of at most 10 MB of UTF-8 text.
    public init(contentsOf url: URL) throws(OptionFileError) {
        let text = try OptionFile.text(url.path, kind: "stopword list")
        let words = text.split(separator: "\n").compactMap { line -> String? in
            let word = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first?.trimmingWhitespace ?? ""
            return word.isEmpty ? nil : word
        }
        self.init(name: url.lastPathComponent, words: words)
    }

    public func contains(_ term: String) -> Bool { words.contains(term) }
}
