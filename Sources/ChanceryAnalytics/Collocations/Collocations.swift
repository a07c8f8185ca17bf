import ChanceryCorpus
import Foundation

/// A word that keeps company with a node word (a row of the collocations table).
public struct CollocationRow: Sendable, Hashable, Codable {
    public var node: String
    public var collocate: String
    /// Co-occurrences: the collocate within the window of a node occurrence.
    public var count: Int
    public var nodeFrequency: Int
    public var collocateFrequency: Int
    /// Mutual information, log2(O·N ÷ (f_node·f_collocate)).
    public var mutualInformation: Double
    /// log-Dice, 14 + log2(2·O ÷ (f_node + f_collocate)); at most 14.
    public var logDice: Double
}

/// Collocates of a node within a window of tokens, scored by log-Dice and MI.
///
/// For each occurrence of the node (a lexicon-style pattern, so `self-reliance`
/// also finds "self reliance"), every token within `window` tokens on either
/// side, in the same sentence, is a co-occurrence. With O co-occurrences, node
/// frequency f_n, collocate frequency f_c and N tokens in the corpus:
///
///     MI       = log2(O · N ÷ (f_n · f_c))
///     log-Dice = 14 + log2(2 · O ÷ (f_n + f_c))
///
/// MI favours rare collocates; log-Dice does not depend on corpus size and
/// stays comparable across corpora. Stopwords are left out as collocates;
/// collocates seen fewer than `minimumFrequency` times together with the node are dropped.
///
/// References: Church, K. W. & Hanks, P. (1990). Word association norms,
/// mutual information, and lexicography. *Computational Linguistics* 16(1):
/// 22–29. Rychlý, P. (2008). A lexicographer-friendly association score.
/// *Proceedings of RASLAN 2008*: 6–9.
public struct Collocations: Sendable {
    public var node: String
    public var window: Int
    public var minimumFrequency: Int
    public var tokens: Int
    /// By log-Dice, then MI, then collocate.
    public var rows: [CollocationRow]

    public init(_ documents: [TokenizedDocument], node: String, window: Int = 5, minimumFrequency: Int = 2,
                stopwords: StopwordList = .english, editorial: EditorialPolicy = .insertions) throws(LexiconError) {
        self.node = node
        self.window = window
        self.minimumFrequency = minimumFrequency
        let pattern: LexiconPattern
        do {
            pattern = try LexiconPattern(node)
        } catch {
            throw LexiconError(file: "--collocates", line: nil, column: nil, pattern: node, message: "pattern \"\(node)\": \(error)")
        }
        let matcher = TopicMatcher(lexicon: Lexicon(topics: [.init(name: node, patterns: [pattern])], source: "--collocates"), editorial: editorial)
        var frequency: [String: Int] = [:]
        var together: [String: Int] = [:]
        var nodeCount = 0
        var total = 0
        for document in documents {
            let terms = document.terms
            let tokens = document.tokens
            let filter = editorial.filter(document.document)
            for (token, term) in zip(tokens, terms) where filter.counts(token) {
                frequency[term, default: 0] += 1
                total += 1
            }
            for match in matcher.matches(in: document) {
                nodeCount += 1
                let sentence = tokens[match.tokens.lowerBound].sentence
                let around = Array(max(0, match.tokens.lowerBound - window)..<match.tokens.lowerBound)
                    + Array(match.tokens.upperBound..<min(tokens.count, match.tokens.upperBound + window))
                for index in around where tokens[index].sentence == sentence && filter.counts(tokens[index]) {
                    let term = terms[index]
                    guard !stopwords.contains(term) else { continue }
                    together[term, default: 0] += 1
                }
            }
        }
        tokens = total
        let n = Double(total), fn = Double(nodeCount)
        rows = together.compactMap { term, count -> CollocationRow? in
            guard count >= minimumFrequency, let fc = frequency[term], nodeCount > 0 else { return nil }
            let o = Double(count)
            return CollocationRow(node: node, collocate: term, count: count, nodeFrequency: nodeCount, collocateFrequency: fc,
                                  mutualInformation: log2(o * n / (fn * Double(fc))), logDice: 14 + log2(2 * o / (fn + Double(fc))))
        }.sorted { a, b in
            if a.logDice != b.logDice { return a.logDice > b.logDice }
            if a.mutualInformation != b.mutualInformation { return a.mutualInformation > b.mutualInformation }
            return a.collocate.utf8.lexicographicallyPrecedes(b.collocate.utf8)
        }
    }
}
