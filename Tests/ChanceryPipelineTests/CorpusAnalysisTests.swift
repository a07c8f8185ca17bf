import ChanceryAnalytics
import ChanceryCorpus
import ChanceryTime
import ChanceryTestSupport
import Foundation
import Synchronization
import Testing

@testable import ChanceryPipeline

/// The one analysis pipeline: a part asked for alone is what the whole analysis finds for it (the commands ask
/// for one part each, the report for all), its figures are those of `Corpus.load` and of the analyses run by hand
/// on its documents, and it tells its observer of its phases instead of printing.
@Suite struct CorpusAnalysisTests {
    static let lexicon = try! Lexicon(yaml: "aid: [aid, assistance, credit*]\ntrade: [trade, barter]\n", source: "test.yml")

    static func analysis(_ path: String, _ parts: AnalysisParts, observer: AnalysisObserver = .silent) throws -> CorpusAnalysis {
        CorpusAnalysis(try InputFiles.list(path), root: path, options: AnalysisOptions(lexicon: lexicon, parts: parts), observer: observer)
    }

    static func kwicLines(_ analysis: CorpusAnalysis) -> [KWICLine] {
        analysis.documents.flatMap(\.kwic)
    }

    /// Each part asked for alone gives what the whole analysis gives for it, and leaves the others empty.
    @Test func aPartAloneIsThatPartOfTheWhole() throws {
        let path = TestData.demoCorpus.path
        let whole = try Self.analysis(path, .all)
        #expect(whole.eventCount > 40 && !whole.topics.rows.isEmpty && !Self.kwicLines(whole).isEmpty && !whole.keyness.isEmpty)
        #expect(whole.inputs.count == whole.files.count && whole.statistics.types > 1_000)

        let counts = try Self.analysis(path, .statistics)
        #expect(counts.statistics == whole.statistics)
        #expect(counts.documents.map(\.types) == whole.documents.map(\.types))
        #expect(counts.eventCount == 0 && counts.topics.rows.isEmpty && Self.kwicLines(counts).isEmpty)
        #expect(counts.terms.rows.isEmpty && counts.keyness.isEmpty && counts.inputs.isEmpty && counts.documentTerms(0).isEmpty)

        let timeline = try Self.analysis(path, .timeline)
        #expect(Array(timeline.timelineEvents) == Array(whole.timelineEvents))
        #expect(timeline.documents.map(\.rejectedDates) == whole.documents.map(\.rejectedDates))
        #expect(timeline.statistics.types == 0 && timeline.topics.rows.isEmpty && Self.kwicLines(timeline).isEmpty)

        let topics = try Self.analysis(path, .topics)
        #expect(topics.topics.rows == whole.topics.rows && topics.topicYears == whole.topicYears)
        #expect(topics.topicPeriods(by: .year) == whole.topicYears)
        #expect(topics.eventCount == 0 && Self.kwicLines(topics).isEmpty)

        let kwic = try Self.analysis(path, .kwic)
        #expect(Self.kwicLines(kwic) == Self.kwicLines(whole))
        #expect(kwic.kwicLines(first: 3) == Array(Self.kwicLines(whole).prefix(3)))
        #expect(kwic.topics.rows.isEmpty && kwic.eventCount == 0)
    }

    /// Terms, the matrix and keyness by year are three parts: `chancery terms` asks for the first alone, `topics
    /// --keywords` for the second; each is what the whole analysis finds, and leaves the others empty.
    @Test func termsMatrixAndKeynessAreSeparateParts() throws {
        let path = TestData.demoCorpus.path
        let whole = try Self.analysis(path, .all)
        let terms = try Self.analysis(path, .terms)
        #expect(terms.terms.rows == whole.terms.rows && !terms.terms.rows.isEmpty)
        #expect(terms.matrix.rowCount == 0 && terms.keyness.isEmpty && terms.documentTerms(0).isEmpty)
        let matrix = try Self.analysis(path, .matrix)
        #expect(matrix.terms.rows.isEmpty && matrix.keyness.isEmpty)
        #expect(matrix.matrix.rowCount == whole.matrix.rowCount && matrix.matrix.rowCount == whole.documents.count)
        #expect((0..<whole.documents.count).allSatisfy { matrix.keywords(of: $0) == whole.keywords(of: $0) })
        #expect(DocumentKeywords.keywords(matrix.matrix, method: .keyness) == DocumentKeywords.keywords(whole.matrix, method: .keyness))
        let keyed = try Self.analysis(path, [.matrix, .keyness])
        #expect(keyed.keyness.map(\.target) == whole.keyness.map(\.target) && keyed.keyness.map(\.rows) == whole.keyness.map(\.rows))
        #expect(!keyed.keyness.isEmpty)
    }

    /// `chancery terms` and `topics --keywords` print what they printed when they counted a loaded corpus in one
    /// counter: terms with the same minimum count, keywords by each method from the matrix of the same counts.
    @Test func termsAndKeywordsAreThoseOfTheLoadedCorpus() throws {
        var paths = [TestData.demoCorpus.path]
        if TestData.sharedIsPresent { paths.append(TestData.sharedCorpora.path) }
        for path in paths {
            let documents = try Corpus.load(path).tokenizedDocuments()
            for (ngrams, minimum) in [(1...1, 1), (1...3, 2), (2...3, 3)] {
                var options = AnalysisOptions(parts: .terms)
                options.ngrams = ngrams
                (options.minimumTermCount, options.minimumNgramCount) = (minimum, minimum)
                let analysis = CorpusAnalysis(try InputFiles.list(path), root: path, options: options)
                var counter = TermCounter(options: TermOptions(ngrams: ngrams))
                for document in documents { counter.add(document) }
                Self.expectSame(analysis.terms.rows, TermFrequencies(counter, minimumCount: minimum).rows, "\(path) \(ngrams) \(minimum)")
            }
            var options = AnalysisOptions(parts: .matrix)
            options.dropNumbers = true
            let analysis = CorpusAnalysis(try InputFiles.list(path), root: path, options: options)
            for method in KeywordMethod.allCases {
                #expect(DocumentKeywords.keywords(analysis.matrix, method: method) == DocumentKeywords.keywords(documents, method: method),
                        "\(path) \(method)")
            }
        }
    }

    /// The same terms with the same counts, in the same order, and the same measures up to rounding (sums of
    /// per-document shares added chunk by chunk differ in the last bits from sums in one counter): the first
    /// difference is named, not the whole table.
    static func expectSame(_ rows: [TermFrequencyRow], _ expected: [TermFrequencyRow], _ label: String) {
        #expect(rows.count == expected.count, "\(label): \(rows.count) rows against \(expected.count)")
        func close(_ a: Double?, _ b: Double?) -> Bool {
            guard let a, let b else { return a == nil && b == nil }
            return abs(a - b) <= 1e-9 * max(1, abs(b))
        }
        let first = zip(rows, expected).first { a, b in
            a.term != b.term || a.n != b.n || a.count != b.count || a.documentFrequency != b.documentFrequency
                || !close(a.per10k, b.per10k) || !close(a.tfidfMax, b.tfidfMax) || !close(a.dispersion, b.dispersion)
        }
        #expect(first == nil, "\(label): \(String(describing: first))")
    }

    /// `chancery terms --by` and `--target` count per group of documents in the analysis (`.groups`): each group's
    /// terms are those of its documents counted in one counter, grouped by the numbered ids (`a~2` is its own
    /// group), and a target's keyness against the rest is that of the target's and the rest's counters.
    @Test func groupsAreTheirDocumentsCountedTogether() throws {
        var paths = [TestData.demoCorpus.path]
        if TestData.sharedIsPresent { paths.append(TestData.sharedCorpora.path) }
        let folder = try TestData.temporaryFolder("chancery-groups")
        defer { try? FileManager.default.removeItem(at: folder) }
        try "Aid talks\n\nMoscow, 12 March 1962\n\nThe delegation asked for aid and credits.".write(to: folder.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        try "Aid talks again\n\nMoscow, 14 March 1963\n\nThe delegation asked for more aid, and aid again.".write(to: folder.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        paths.append(folder.path)
        for path in paths {
            let documents = try Corpus.load(path).tokenizedDocuments()
            for grouping in [TermGrouping.year, .document, .language, .field("format")] {
                var options = AnalysisOptions(parts: .groups)
                options.ngrams = 1...2
                options.grouping = { document, _ in grouping.label(of: document) }
                let analysis = CorpusAnalysis(try InputFiles.list(path), root: path, options: options)
                let grouped = GroupedTermFrequencies(analysis.groups, by: grouping, options: TermOptions(ngrams: 1...2))
                let expected = GroupedTermFrequencies(documents, by: grouping, options: TermOptions(ngrams: 1...2))
                #expect(grouped.groups.map(\.label) == expected.groups.map(\.label), "\(path) \(grouping)")
                for (group, other) in zip(grouped.groups, expected.groups) {
                    Self.expectSame(group.frequencies.rows, other.frequencies.rows, "\(path) \(grouping) \(group.label)")
                }
            }
            // Keyness of a target (the first year, the documents with a topic, one document) against the rest.
            guard path != folder.path else { continue }
            let years = Set(documents.compactMap { $0.document.date?.value.year }).sorted()
            let lexicon = Self.lexicon
            let topicDocuments = TopicAnalysis(documents, lexicon: lexicon).documents(withTopic: TopicKey("aid"))
            for target in [KeynessTarget(String(years[0])), .topic("aid"), .documents([documents.last!.document.id])] {
                var options = AnalysisOptions(lexicon: lexicon, parts: [.groups, .topics])
                options.ngrams = 1...1
                options.grouping = { document, topics in
                    target.contains(document) { name in topics.contains { TopicKey(name).matches($0.topic) } } ? "target" : "reference"
                }
                let analysis = CorpusAnalysis(try InputFiles.list(path), root: path, options: options)
                var inTarget = TermCounter(options: TermOptions()), rest = TermCounter(options: TermOptions())
                for document in documents {
                    if target.contains(document.document, hasTopic: { _, _ in topicDocuments.contains(document.document.id) }) {
                        inTarget.add(document)
                    } else {
                        rest.add(document)
                    }
                }
                let counters = Dictionary(uniqueKeysWithValues: analysis.groups.map { ($0.label, $0.counter) })
                let keyness = Keyness(target: try #require(counters["target"]), reference: try #require(counters["reference"]), label: "t")
                let expected = Keyness(target: inTarget, reference: rest, label: "t")
                #expect(keyness.rows.count == expected.rows.count && !keyness.rows.isEmpty, "\(path) \(target)")
                let first = zip(keyness.rows, expected.rows).first { $0 != $1 }
                #expect(first == nil, "\(path) \(target): \(String(describing: first))")
                #expect(keyness.targetTokens == expected.targetTokens && keyness.referenceTokens == expected.referenceTokens)
            }
        }
    }

    /// However the files are cut into chunks, the counts are the same: the merge of chunks' counters loses and
    /// doubles nothing (`stats` cuts larger chunks than the report).
    @Test func chunksDoNotChangeTheCounts() throws {
        let path = TestData.demoCorpus.path
        func analysis(_ parts: AnalysisParts, chunk: Int) throws -> CorpusAnalysis {
            var options = AnalysisOptions(lexicon: Self.lexicon, parts: parts)
            options.chunkFiles = chunk
            return CorpusAnalysis(try InputFiles.list(path), root: path, options: options)
        }
        let counts = try analysis(.statistics, chunk: 64)
        let terms = try analysis([.terms, .matrix], chunk: 64)
        #expect(counts.statistics == CorpusStatistics(try Corpus.load(path)))
        for chunk in [1, 2, 3, 7] {
            #expect(try analysis(.statistics, chunk: chunk).statistics == counts.statistics, "\(chunk)")
            let other = try analysis([.terms, .matrix], chunk: chunk)
            Self.expectSame(other.terms.rows, terms.terms.rows, "\(chunk)")
            #expect((0..<terms.documents.count).allSatisfy { other.documentTerms($0) == terms.documentTerms($0) }, "\(chunk)")
        }
        #expect(CorpusAnalysis.chunkSize(files: 100, parts: .statistics) == 64)
        #expect(CorpusAnalysis.chunkSize(files: 26_000, parts: [.statistics, .digests]) == 512)
        #expect(CorpusAnalysis.chunkSize(files: 26_000, parts: .all) == 64)
    }

    /// `chancery stats` prints the analysis's statistics: they are those of the corpus as `Corpus.load` reads it
    /// (types: distinct case-folded terms of every token, stopwords too).
    @Test func statisticsAreThoseOfTheCorpusAsLoaded() throws {
        var paths = [TestData.demoCorpus.path]
        if TestData.sharedIsPresent { paths.append(TestData.sharedCorpora.path) }
        for path in paths {
            let loaded = try Corpus.load(path)
            #expect(try Self.analysis(path, .statistics).statistics == CorpusStatistics(loaded), "\(path)")
        }
    }

    /// A folder where two files give the same id and a later file is read with a warning: the analysis names its
    /// documents and lists its warnings as `Corpus.load` does, file by file (`chancery stats` prints them).
    @Test func repeatedIDsAreNumberedAsCorpusLoadNumbersThem() throws {
        let folder = try TestData.temporaryFolder("chancery-repeated-ids")
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = [
            "a.md": "Aid talks\n\nMoscow, 12 March 1962\n\nThe delegation asked for aid and credits.",
            "a.txt": "Aid talks again\n\nMoscow, 14 March 1962\n\nThe delegation asked for more aid.",
            "b.txt": "Trade note\n\nBerlin, June 5, 3962\n\nThe barter talks resumed.",
        ]
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let loaded = try Corpus.load(folder.path)
        #expect(loaded.warnings.map(\.code) == [.repeatedID, .unusableDate])
        let analysis = try Self.analysis(folder.path, .all)
        #expect(analysis.documents.map(\.id) == loaded.documents.map(\.id))
        #expect(analysis.documents.map(\.id) == ["a", "a~2", "b"])
        #expect(analysis.warnings == loaded.warnings)
        #expect(analysis.statistics == CorpusStatistics(loaded))
        // The renamed document's topic rows, KWIC lines and events carry its new id.
        #expect(analysis.topics.rows.map(\.documentID) == ["a", "a~2", "b"])
        #expect(analysis.documents[1].kwic.allSatisfy { $0.documentID == "a~2" } && analysis.documents[1].kwicCount > 0)
        #expect(analysis.events(of: 1).allSatisfy { $0.documentID == "a~2" } && analysis.eventCount(of: 1) > 0)
    }

    /// `chancery timeline` shows the analysis's timeline: each document's events, tagged and given the topics of
    /// their sentences, in `Timeline` order.
    @Test func theTimelineIsTheTaggersEventsWithTheirSentencesTopics() throws {
        let path = TestData.demoCorpus.path
        let matcher = TopicMatcher(lexicon: Self.lexicon)
        let tagger = TemporalTagger()
        var byHand: [TemporalEvent] = []
        for document in try Corpus.load(path).documents {
            let tokenized = TokenizedDocument(document)
            let topics = matcher.sentenceTopicIndex(matcher.matches(in: tokenized), in: tokenized)
            let builder = EventBuilder(tagger: tagger) { _, sentence in topics.topics(of: sentence) }
            for var event in builder.events(tokenized) {
                event.expressions = []
                byHand.append(event)
            }
        }
        let timeline = Array(try Self.analysis(path, .timeline).timelineEvents)
        #expect(timeline.contains { !$0.topics.isEmpty })
        #expect(timeline == Timeline(events: byHand).events)
    }

    /// What the analysis keeps of a document is its record: the loaded document's metadata without its body.
    @Test func theAnalysisKeepsEachDocumentsRecord() throws {
        let path = TestData.demoCorpus.path
        let loaded = try Corpus.load(path).documents
        let analysis = try Self.analysis(path, .statistics)
        #expect(analysis.documents.map(\.document) == loaded.map(\.record))
        for (document, record) in zip(loaded, analysis.documents.map(\.document)) {
            #expect(record.paragraphCount == document.paragraphCount && record.redactionCount == document.redactionCount)
            #expect(record.editorialKinds == document.editorialSpans.map(\.kind))
        }
        #expect(analysis.documents.contains { !$0.document.editorialKinds.isEmpty })
    }

    /// The analysis prints nothing: it tells its observer how far it has read and which phase ended, with figures.
    @Test func theObserverHearsOfProgressAndPhases() throws {
        let heard = Mutex<(progress: [Int], phases: [AnalysisPhase])>(([], []))
        let observer = AnalysisObserver(progress: { read, files in heard.withLock { $0.progress.append(files - read) } },
                                        phaseEnded: { phase in heard.withLock { $0.phases.append(phase) } })
        let analysis = try Self.analysis(TestData.demoCorpus.path, .all, observer: observer)
        let (progress, phases) = heard.withLock { ($0.progress, $0.phases) }
        #expect(progress.last == 0)
        #expect(phases.map(\.name) == ["read, analyse and merge the documents", "corpus figures (terms, keyness, topics, timeline, keywords)"])
        #expect(phases[0].figures.map(\.label) == ["words", "phrases", "document × word entries", "events"])
        #expect(phases[0].figures[0].count == analysis.matrix.columns.vocabulary.count && phases[0].figures[3].count == analysis.eventCount)
    }
}
