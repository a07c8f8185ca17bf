import ChanceryCorpus
import ChanceryTestSupport
import Foundation
import Testing

@testable import ChanceryAnalytics

@Suite struct TermFrequenciesTests {
    /// Three documents whose TF-IDF and dispersion are worked out by hand:
    /// N = 3; aid: counts 2, 1, 0 (df 2), idf = log10(3/2); credit: df 1, idf = log10(3).
    static let toy = [Toy.document("d1", "aid aid trade"), Toy.document("d2", "aid credit"), Toy.document("d3", "trade talks")]

    @Test func tfidfMatchesHandValues() throws {
        let (counter, matrix) = Toy.matrix(Self.toy)
        let frequencies = TermFrequencies(counter)
        let aid = try #require(frequencies.row(for: "aid"))
        #expect(aid.count == 3)
        #expect(aid.documentFrequency == 2)
        // max over documents of count × log10(N/df) = 2 × log10(1.5).
        #expect(abs(aid.tfidfMax - 0.3521825181113625) < 1e-12)
        let credit = try #require(frequencies.row(for: "credit"))
        #expect(abs(credit.tfidfMax - 0.47712125471966244) < 1e-12)
        let rows = matrix.termRows()
        let d1aid = try #require(rows.first { $0.documentID == "d1" && $0.term == "aid" })
        #expect(abs(d1aid.tfidf - 2 * log10(1.5)) < 1e-12)
        let d1trade = try #require(rows.first { $0.documentID == "d1" && $0.term == "trade" })
        #expect(abs(d1trade.tfidf - log10(1.5)) < 1e-12)
        #expect(rows.filter { $0.documentID == "d2" }.map(\.term) == ["aid", "credit"])
    }

    @Test func juillandDMatchesHandValues() throws {
        let frequencies = TermFrequencies(Toy.counter(Self.toy))
        // aid: relative frequencies 2/3, 1/2, 0; D = 1 − (σ/μ)/√2 (population σ), computed with Python's statistics.pstdev.
        #expect(abs((frequencies.row(for: "aid")?.dispersion ?? -1) - 0.4849212463622872) < 1e-12)
        // trade: 1/3, 0, 1/2.
        #expect(abs((frequencies.row(for: "trade")?.dispersion ?? -1) - 0.47084973778708183) < 1e-12)
        #expect(abs(frequencies.rows.map(\.per10k).reduce(0, +) - 10_000) < 1e-9)
        #expect(TermFrequencies.juillandD(sum: 0.5, squares: 0.25, parts: 1) == nil)
        // A term spread perfectly evenly has D = 1.
        #expect(TermFrequencies.juillandD(sum: 0.3, squares: 0.03, parts: 3) == 1)
    }

    @Test func ngramsNeverSpanSentencesOrPunctuationAndDropStopwordEdges() {
        let document = Toy.document("n", "The Soviet Union agreed. Union leaders met, Soviet officials too. They promised free [aid] to the Soviet Union.")
        let counter = Toy.counter([document], TermOptions(ngrams: 2...3, stopwords: .english))
        let terms = Set(TermFrequencies(counter).rows.map(\.term))
        #expect(terms.contains("soviet union"))
        #expect(TermFrequencies(counter).row(for: "soviet union")?.count == 2)
        #expect(!terms.contains("agreed union"))      // across a sentence boundary
        #expect(!terms.contains("met soviet"))        // across a comma
        #expect(!terms.contains("the soviet"))        // starts with a stopword
        #expect(!terms.contains("soviet union agreed") == false) // inside one sentence: kept
        #expect(!terms.contains("free aid"))          // nor the edge of a bracket (issue 16)
        #expect(!terms.contains("aid soviet"))
        #expect(terms.allSatisfy { !$0.hasPrefix("the ") && !$0.hasSuffix(" the") })
    }

    @Test func excludingEditorialWordsRemovesThemAndBreaksNgrams() {
        let document = Toy.document("e", "They promised free [aid] and credits.")
        let counter = Toy.counter([document], TermOptions(ngrams: 1...2, stopwords: .none, editorial: .exclude))
        let terms = Set(TermFrequencies(counter).rows.map(\.term))
        #expect(!terms.contains("aid"))
        #expect(!terms.contains("free aid"))
        #expect(!terms.contains("free and"))
        #expect(counter.tokens == 5)
    }

    /// Issue 16: by default a redaction notice, an elision, a note and a mark are not the author's words and are
    /// not counted, while a translator's insertion and an editor's correction or reading are; `all` counts every
    /// bracket, `exclude` none. No phrase joins the words on either side of a bracket left out. The same counts
    /// whether the counter scans the body (words alone) or the tokenized document (with phrases).
    @Test func redactionNoticesElisionsAndNotesAreNotCountedByDefault() throws {
        let body = "The Minister said [2 lines of source text not declassified] that free [aid] was [...] not "
            + "settled [trans. note—a source text] on May 30 [29] [sic] and [denied?] later. [Document 4] Not so."
        let counted = ["minister", "said", "free", "aid", "settled", "29", "denied", "later", "not"]
        let notCounted = ["declassified", "lines", "source", "text", "trans", "note", "sic", "document", "4"]
        for ngrams in [1...1, 1...2] {
            let options = TermOptions(ngrams: ngrams, stopwords: .english)
            var scanned = TermCounter(options: options)
            scanned.add(Toy.document("r", body).document)
            let tokenized = Toy.counter([Toy.document("r", body)], options)
            for counter in [scanned, tokenized] {
                for term in counted { #expect(counter.count(of: term) > 0, "\(term), \(ngrams)") }
                for term in notCounted { #expect(counter.count(of: term) == 0, "\(term), \(ngrams)") }
                #expect(counter.count(of: "not") == 2)
                #expect(counter.tokens == 18)
            }
            #expect(scanned.count(of: "aid") == tokenized.count(of: "aid"))
        }
        let phrases = Toy.counter([Toy.document("r", body)], TermOptions(ngrams: 1...2, stopwords: .none))
        let terms = Set(TermFrequencies(phrases).rows.map(\.term))
        #expect(!terms.contains("said that") && !terms.contains("was not") && !terms.contains("settled on"))
        #expect(!terms.contains("declassified that") && !terms.contains("text not declassified"))
        let all = Toy.counter([Toy.document("r", body)], TermOptions(stopwords: .english, editorial: .all))
        #expect(all.count(of: "declassified") == 1 && all.count(of: "source") == 2 && all.count(of: "not") == 3)
        let none = Toy.counter([Toy.document("r", body)], TermOptions(stopwords: .english, editorial: .exclude))
        #expect(none.count(of: "aid") == 0 && none.count(of: "29") == 0 && none.count(of: "denied") == 0 && none.count(of: "not") == 2)
    }

    /// The FRUS volume's 20 redaction notices ("[2 lines of source text not declassified]" and the like) put "not"
    /// 20 times and "declassified" 20 times into its counts: 425 and 20 with every bracket counted, 405 and 0 by
    /// default. Document 79, the memorandum with 18 of them, no longer has "declassified", "source", "text" and
    /// "lines" among its words at all.
    @Test(needsSharedCorpora) func frusRedactionNoticesAreNotCountedByDefault() throws {
        let documents = try Corpus.load(try TestData.shared("frus-dev").path).tokenizedDocuments()
        let byDefault = Toy.counter(documents, TermOptions(stopwords: .english))
        let all = Toy.counter(documents, TermOptions(stopwords: .english, editorial: .all))
        #expect(all.count(of: "not") == 425 && byDefault.count(of: "not") == 405)
        #expect(all.count(of: "declassified") == 20 && byDefault.count(of: "declassified") == 0)
        let memorandum = try #require(documents.first { $0.document.id.hasSuffix("/d79") })
        #expect(memorandum.document.redactionCount == 18)
        let d79 = Toy.counter([memorandum], TermOptions(stopwords: .english))
        for term in ["declassified", "source", "text", "lines"] { #expect(d79.count(of: term) == 0, "\(term)") }
        #expect(d79.count(of: "tibet") > 0)
    }

    /// A report makes its term rows from the counter, then keeps words alone: rows of words and the word columns
    /// give every word's figures as the full counter does.
    @Test func wordColumnsKeepTheWords() {
        let document = Toy.document("f", "The Soviet Union offered aid. The Soviet Union offered credits.")
        let options = TermOptions(ngrams: 1...3, stopwords: .english)
        let (counter, words) = Toy.matrix([document], options, row: .words)
        #expect(counter.count(of: "soviet union") == 2)
        #expect(counter.count(of: "soviet union offered") == 2)
        #expect(counter.id(of: "soviet union offered")?.isWord == false)
        #expect(words.columns.phraseCount == 0)
        #expect(words.entries(0).allSatisfy { $0.term.isWord })
        let expected = TermFrequencies(counter).rows.filter { $0.n == 1 }
        #expect(words.entries(0).count == expected.count)
        for entry in words.entries(0) {
            let text = words.columns.text(entry.term)
            #expect(expected.first { $0.term == text }?.count == Int(entry.count))
            #expect(words.columns.count(entry.term) == Int(entry.count))
        }
        let (_, all) = Toy.matrix([document], options)
        #expect(all.termRows().filter { $0.n == 1 } == words.termRows())
        #expect(all.termRows().contains { $0.term == "soviet union offered" && $0.n == 3 && $0.count == 2 })
    }

    @Test func mergingShardsEqualsCountingTogether() {
        let documents = Self.toy + [Toy.document("d4", "Aid, self-reliance and trade talks. Self-reliance!")]
        let options = TermOptions(ngrams: 1...2, stopwords: .english)
        let whole = TermFrequencies(Toy.counter(documents, options))
        var first = Toy.counter(Array(documents.prefix(2)), options)
        first.merge(Toy.counter(Array(documents.suffix(2)), options))
        let merged = TermFrequencies(first)
        #expect(merged.tokens == whole.tokens)
        #expect(merged.rows.count == whole.rows.count)
        for (m, w) in zip(merged.rows, whole.rows) {
            #expect(m.term == w.term && m.count == w.count && m.documentFrequency == w.documentFrequency && m.tfidfMax == w.tfidfMax)
            // Sums of relative frequencies added in another order may differ in the last bit.
            #expect(abs((m.dispersion ?? -1) - (w.dispersion ?? -1)) < 1e-12)
        }
    }

    @Test func groupsByYearAndLanguage() {
        let documents = [Toy.document("a", "aid aid", year: 1961, language: "Russian"), Toy.document("b", "trade", year: 1962, language: "Chinese"),
                         Toy.document("c", "aid", year: 1962, language: "Russian"), Toy.document("d", "aid")]
        let byYear = GroupedTermFrequencies(documents, by: .year, options: TermOptions(stopwords: .none))
        #expect(byYear.groups.map(\.label) == ["1961", "1962", "undated"])
        #expect(byYear.rows().filter { $0.group == "1962" }.map(\.term) == ["aid", "trade"])
        let byLanguage = GroupedTermFrequencies(documents, by: .language, options: TermOptions(stopwords: .none))
        #expect(byLanguage.groups.map(\.label) == ["Chinese", "Russian", "unknown"])
        #expect(byLanguage.rows().first { $0.group == "Russian" }?.count == 3)
        #expect(throws: GroupingError.self) { try TermGrouping("colour") }
    }

    @Test(needsSharedCorpora) func seedCountsSelfRelianceAsOneTermAndSovietUnionAsABigram() throws {
        let corpus = try Corpus.load(try TestData.shared("seed").path)
        let counter = Toy.counter(corpus.tokenizedDocuments(), TermOptions(ngrams: 1...2))
        #expect(counter.count(of: "self-reliance") == 2)
        #expect(counter.count(of: "self") == 0)
        #expect(counter.count(of: "reliance") == 0)
        #expect(counter.count(of: "soviet union") == 6)
        #expect(counter.count(of: "the soviet") == 0)
    }

    @Test(needsSharedCorpora) func frusVolumeTermsRunOverEveryDocument() throws {
        let corpus = try Corpus.load(try TestData.shared("frus-dev").path)
        let documents = corpus.tokenizedDocuments()
        let (counter, matrix) = Toy.matrix(documents, TermOptions(ngrams: 1...3))
        #expect(counter.documents == corpus.documents.count)
        #expect(matrix.rowCount == corpus.documents.count)
        let frequencies = TermFrequencies(counter)
        #expect(frequencies.rows.allSatisfy { $0.tfidfMax.isFinite && $0.per10k > 0 && ($0.dispersion.map { (0...1).contains($0) } ?? false) })
        #expect(frequencies.rows.contains { $0.n == 3 })
        // The volume is about China: "chinese" is among the ten commonest words.
        #expect(frequencies.rows.filter { $0.n == 1 }.prefix(10).contains { $0.term == "chinese" })
    }
}

@Suite struct TermCounterPathTests {
    /// Words alone are counted straight from the body scan; the result must equal counting the tokenized document.
    /// On the demo corpus and, when present, the real ones; with the default stopwords, none, and numbers dropped.
    @Test(arguments: [TermOptions(), TermOptions(stopwords: .none), TermOptions(dropNumbers: true)])
    func countingADocumentDirectlyEqualsCountingItsTokens(_ options: TermOptions) throws {
        var folders = [TestData.demoCorpus]
        if TestData.shouldRunSharedTests { folders.append(try TestData.shared("")) }
        for folder in folders {
            let corpus = try Corpus.load(folder.path)
            var direct = TermCounter(options: options)
            var tokenized = TermCounter(options: options)
            var directRows: [DocumentTermVector] = [], tokenizedRows: [DocumentTermVector] = []
            for document in corpus.documents {
                directRows.append(direct.add(document, row: .wordsAndPhrases))
                tokenizedRows.append(tokenized.add(TokenizedDocument(document), row: .wordsAndPhrases))
            }
            #expect(direct.tokens == tokenized.tokens)
            #expect(direct.tokens > 1000)
            #expect(TermFrequencies(direct).rows == TermFrequencies(tokenized).rows)
            #expect(DocumentTermMatrix(directRows, columns: TermColumns(direct)).termRows()
                    == DocumentTermMatrix(tokenizedRows, columns: TermColumns(tokenized)).termRows())
        }
    }
}

/// Juilland's D leaves out documents with no tokens (issue 16): their relative frequency is 0 ÷ 0, not 0.
@Suite struct DispersionPartsTests {
    /// Hand values: "aid" in two of two documents with tokens, 1/2 and 1/1; with the empty document as a third
    /// part of frequency 0 it was 0.2929 (μ = 1/2, σ = 0.4082), without it μ = 3/4, σ = 1/4, D = 1 − (1/3) ÷ 1.
    @Test func anEmptyDocumentIsNotAPart() throws {
        let documents = [Toy.document("a", "aid trade"), Toy.document("b", "aid"), Toy.document("c", "")]
        let (counter, matrix) = Toy.matrix(documents)
        #expect(counter.documents == 3)
        #expect(counter.documentsWithTokens == 2)
        let aid = try #require(TermFrequencies(counter).row(for: "aid"))
        #expect(abs((aid.dispersion ?? -1) - 2.0 / 3.0) < 1e-12)
        let aidID = try #require(counter.id(of: "aid"))
        let matrixD = try #require(matrix.dispersion(of: aidID))
        #expect(abs(matrixD - 2.0 / 3.0) < 1e-12)
        // TF-IDF's N keeps the empty document: log10(3 / 2) for a word in two of three.
        #expect(abs(aid.tfidfMax - log10(1.5)) < 1e-12)
        // "trade", in one part of two: exactly 0, not a rounding residue.
        #expect(TermFrequencies(counter).row(for: "trade")?.dispersion == 0)
    }

    /// The held-out FRUS documents include some with a title and dateline alone; D over the others equals a
    /// recomputation from each document's own counts.
    @Test(needsSharedCorpora) func frusDocumentsWithoutTokensAreLeftOut() throws {
        let corpus = try Corpus.load(try TestData.shared("frus-holdout-plain").path)
        let documents = corpus.tokenizedDocuments()
        let options = TermOptions()
        let (counter, matrix) = Toy.matrix(documents, options, row: .words)
        let empty = (0..<matrix.rowCount).filter { matrix.tokens($0) == 0 }.count
        #expect(empty >= 1)
        #expect(counter.documentsWithTokens == documents.count - empty)
        let frequencies = TermFrequencies(counter)
        for term in ["not", "soviet", "aid"] {
            let id = try #require(counter.id(of: term))
            var shares: [Double] = []
            for row in 0..<matrix.rowCount where matrix.tokens(row) > 0 {
                let count = matrix.entries(row).first { $0.term == id }.map { Double($0.count) } ?? 0
                shares.append(count / Double(matrix.tokens(row)))
            }
            let n = Double(shares.count), mean = shares.reduce(0, +) / n
            let sd = (shares.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / n).squareRoot()
            let expected = 1 - (sd / mean) / (n - 1).squareRoot()
            #expect(abs((frequencies.row(for: term)?.dispersion ?? -1) - expected) < 1e-9, "\(term)")
        }
    }
}

/// A phrase never crosses the edge of a square bracket (issue 16), but may lie inside one.
@Suite struct BracketPhraseTests {
    @Test func phrasesStopAtBracketEdges() {
        let document = Toy.document("b", "People trained [less than before] less often. [Two lines not declassified] July talks. Greetings to [Kim Il Sung] today.")
        let terms = Set(TermFrequencies(Toy.counter([document], TermOptions(ngrams: 2...3, stopwords: .none))).rows.map(\.term))
        #expect(!terms.contains("trained less"))
        #expect(!terms.contains("before less"))
        #expect(!terms.contains("declassified july"))
        #expect(!terms.contains("to kim"))
        #expect(terms.contains("kim il sung"))
        #expect(terms.contains("people trained"))
        #expect(terms.contains("july talks"))
    }

    /// In frus-dev, the word after a redaction notice ("[… not declassified]") never joins the notice's last word.
    @Test(needsSharedCorpora) func frusPhrasesOccurWithoutABracketBetween() throws {
        let corpus = try Corpus.load(try TestData.shared("frus-dev").path)
        let counter = Toy.counter(corpus.tokenizedDocuments(), TermOptions(ngrams: 2...2, stopwords: .english))
        let bodies = corpus.documents.map { $0.body.lowercased() }.joined(separator: "\n")
        let phrases = TermFrequencies(counter).rows.map(\.term)
        #expect(phrases.count > 1000)
        // "not declassified" may be a phrase inside a redaction notice; the word after the notice never joins it.
        #expect(!phrases.contains { $0.hasPrefix("declassified ") })
        #expect(bodies.contains("declassified]"))
    }
}
