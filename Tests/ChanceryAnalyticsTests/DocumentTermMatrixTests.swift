import ChanceryCorpus
import ChanceryTestSupport
import Foundation
import Testing

@testable import ChanceryAnalytics

/// The document-term matrix against independent paths: counters over the same documents, `TermFrequencies`,
/// `Keyness` between two counters, and hand values.
@Suite struct DocumentTermMatrixTests {
    static let toy = [
        Toy.document("a", "aid aid trade credit", year: 1961), Toy.document("b", "aid credit credit", year: 1962),
        Toy.document("c", "trade talks trade", year: 1962), Toy.document("d", "aid talks"),
    ]

    /// Rows read back from disk (or from memory, when no temporary file can be made) as they were appended,
    /// eight bytes an entry.
    @Test(arguments: [true, false]) func diskRowsReadBack(onDisk: Bool) {
        #expect(MemoryLayout<TermCount>.stride == 8)
        let storage = DiskDocumentTerms(records: onDisk ? RecordStore(holding: "vectors")
                                                        : RecordStore(holding: "vectors", in: "/nonexistent-chancery-folder"))
        let rows = (0..<50).map { k in
            DocumentTermVector(documentID: "d\(k)", tokens: k * 7,
                               entries: (0..<k).map { TermCount(term: $0 % 3 == 0 ? .phrase($0) : .word($0 * 5), count: Int32($0 + 1)) })
        }
        storage.append(Array(rows[..<20]))
        storage.append(Array(rows[20...]))
        #expect(storage.isOnDisk == onDisk)
        #expect(storage.rowCount == 50)
        for (index, row) in rows.enumerated() {
            #expect(storage.tokens(index) == row.tokens)
            #expect(storage.entries(index) == row.entries)
        }
    }

    /// Rows counted in two counters and carried over by the merge's map are the rows of one counter.
    @Test func mergedRowsAreTheRowsOfOneCounter() {
        let options = TermOptions(ngrams: 1...2, stopwords: .english)
        let documents = Self.toy + [Toy.document("e", "The Soviet Union offered aid; the Soviet Union agreed.")]
        let (_, whole) = Toy.matrix(Array(documents), options)
        var first = TermCounter(options: options), second = TermCounter(options: options)
        var rows = documents.prefix(3).map { first.add($0, row: .wordsAndPhrases) }
        let secondRows = documents.dropFirst(3).map { second.add($0, row: .wordsAndPhrases) }
        let map = first.merge(second)
        rows += secondRows.map(map.callAsFunction)
        let merged = DocumentTermMatrix(rows, columns: TermColumns(first))
        #expect(merged.termRows() == whole.termRows())
        #expect(merged.termRows().contains { $0.term == "soviet union" && $0.count == 2 && $0.documentID == "e" })
    }

    /// Grouping sums rows: a year's row holds the counts of counting that year's documents alone.
    @Test func groupedRowsSumTheirDocuments() throws {
        let (_, matrix) = Toy.matrix(Self.toy)
        let years = matrix.grouped { Self.toy[$0].document.date.map { String($0.value.year) } }
        #expect(years.rowNames == ["1961", "1962"])
        let row1962 = Dictionary(uniqueKeysWithValues: years.entries(1).map { (years.columns.text($0.term), Int($0.count)) })
        let alone = Toy.counter([Self.toy[1], Self.toy[2]])
        #expect(row1962 == ["aid": 1, "credit": 2, "trade": 2, "talks": 1])
        #expect(row1962.allSatisfy { alone.count(of: $0.key) == $0.value })
        #expect(years.tokens(1) == alone.tokens)
        // The undated document is in no group, but still in the corpus figures.
        #expect(years.columns.count(try #require(years.columns.word("talks"))) == 2)
    }

    /// Groups of rows holding words and phrases: a phrase's group count is the sum of its documents' counts, and
    /// columns find a phrase by its text; words-only columns do not hold phrases.
    @Test func groupedPhrasesSumTheirDocuments() throws {
        let documents = [Toy.document("a", "Soviet Union aid. Soviet Union trade.", year: 1961),
                         Toy.document("b", "The Soviet Union agreed.", year: 1961), Toy.document("c", "Soviet Union", year: 1962)]
        let (counter, matrix) = Toy.matrix(documents, TermOptions(ngrams: 1...2, stopwords: .english))
        let phrase = try #require(matrix.columns.id(of: "soviet union"))
        #expect(!phrase.isWord && counter.id(of: "soviet union") == phrase)
        let years = matrix.grouped { documents[$0].document.date.map { String($0.value.year) } }
        let count1961 = years.entries(0).first { $0.term == phrase }?.count
        #expect(count1961 == 3)
        #expect(years.entries(0).filter { $0.term == phrase }.count == 1)
        #expect(years.entries(1).first { $0.term == phrase }?.count == 1)
        #expect(matrix.columns.count(phrase) == 4)
        let words = TermColumns(counter, phrases: false)
        let soviet = try #require(words.word("soviet"))
        #expect(!words.contains(phrase) && words.contains(soviet))
        #expect(words.id(of: "soviet union") == nil)
    }

    /// A group's keyness against the rest of the corpus is `Keyness` between a counter of the group and one of the rest.
    @Test func keynessOfARowIsKeynessBetweenCounters() {
        let (_, matrix) = Toy.matrix(Self.toy)
        let years = matrix.grouped { Self.toy[$0].document.date.map { String($0.value.year) } }
        let fromMatrix = years.keyness(ofRow: 1, correction: .none, minimumCount: 1)
        let target = Toy.counter([Self.toy[1], Self.toy[2]]), rest = Toy.counter([Self.toy[0], Self.toy[3]])
        let fromCounters = Keyness(target: target, reference: rest, label: "1962")
        #expect(fromMatrix.targetTokens == fromCounters.targetTokens && fromMatrix.referenceTokens == fromCounters.referenceTokens)
        #expect(fromMatrix.rows == fromCounters.rows.filter { $0.countTarget > 0 })
        #expect(fromMatrix.rows.contains { $0.term == "credit" && $0.countTarget == 2 && $0.countReference == 1 })
    }

    /// Dispersion over the rows is `TermFrequencies`' Juilland's D, and weighting follows its definition.
    @Test func dispersionAndWeightsFollowTheirDefinitions() throws {
        let corpus = try Corpus.load(TestData.demoCorpus.path)
        let (counter, matrix) = Toy.matrix(corpus.tokenizedDocuments(), TermOptions())
        let frequencies = TermFrequencies(counter)
        for row in frequencies.rows.prefix(40) {
            let id = try #require(counter.id(of: row.term))
            let d = try #require(matrix.dispersion(of: id))
            #expect(abs(d - (row.dispersion ?? -1)) < 1e-12, "\(row.term)")
        }
        for row in 0..<matrix.rowCount {
            let tokens = Double(matrix.tokens(row))
            let proportions = matrix.weighted(row, by: .proportion).map(\.weight).reduce(0, +)
            let counted = Double(matrix.entries(row).filter(\.term.isWord).map { Int($0.count) }.reduce(0, +))
            #expect(abs(proportions - Double(matrix.entries(row).map { Int($0.count) }.reduce(0, +)) / tokens) < 1e-12)
            #expect(counted <= tokens)
            let tfidf = matrix.weighted(row, by: .tfidf)
            for (entry, weighted) in zip(matrix.entries(row), tfidf) {
                let df = Double(matrix.columns.documentFrequency(entry.term))
                #expect(abs(weighted.weight - Double(entry.count) * log10(Double(matrix.rowCount) / df)) < 1e-12)
            }
        }
    }
}

/// Williams's correction as quanteda applies it (not when a cell is 0) and as Williams defines it (always).
@Suite struct WilliamsCorrectionTests {
    /// a = 5 in a target of 1,000 tokens, b = 0 in a reference of 9,000: q = 1 + (N/5 + N/9995 − 1)(N/1000 + N/9000 − 1) ÷ 6N
    /// with N = 10,000: (2000.0005 × 10.1111) ÷ 60,000 + 1 = 1.3370 (to four places).
    @Test func theTextbookRuleCorrectsAZeroCell() {
        let raw = Keyness.logLikelihood(a: 5, b: 0, targetTotal: 1_000, referenceTotal: 9_000)
        let quanteda = Keyness.logLikelihood(a: 5, b: 0, targetTotal: 1_000, referenceTotal: 9_000, correction: .williams)
        let textbook = Keyness.logLikelihood(a: 5, b: 0, targetTotal: 1_000, referenceTotal: 9_000, correction: .williamsTextbook)
        #expect(quanteda == raw)
        let n = 10_000.0
        let q = 1 + (n / 5 + n / 9_995 - 1) * (n / 1_000 + n / 9_000 - 1) / (6 * n)
        #expect(abs(q - 1.3370) < 1e-4)
        #expect(abs(textbook - raw / q) < 1e-12)
        // With no zero cell both rules agree.
        let both = [KeynessCorrection.williams, .williamsTextbook].map {
            Keyness.logLikelihood(a: 5, b: 3, targetTotal: 1_000, referenceTotal: 9_000, correction: $0)
        }
        #expect(both[0] == both[1] && both[0] < Keyness.logLikelihood(a: 5, b: 3, targetTotal: 1_000, referenceTotal: 9_000))
        #expect(KeynessCorrection(rawValue: "williams-textbook") == .williamsTextbook)
    }
}
