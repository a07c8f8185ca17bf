import ChanceryAnalytics
import ChanceryCorpus
import ChanceryTestSupport
import Foundation
import Testing

@testable import ChanceryPipeline

/// Keyness by year at the edges (issue 16): a year's keys are words it uses at least twice, and each comparison
/// says how many documents and tokens stand on each side, with a caution when a side has fewer than five documents.
@Suite struct KeynessSidesTests {
    static func analysis(_ path: String) throws -> CorpusAnalysis {
        CorpusAnalysis(try InputFiles.list(path), root: path, options: AnalysisOptions(parts: .all))
    }

    /// Invented: five documents of 1961 and one of 1962, which says "walrus" once (the 1961 documents once between
    /// them: G² > 3.84 for 1962, p < 0.05, a "key" before the fix) and "glacier" twice (the others never).
    @Test func aYearOfOneDocumentKeepsWordsSeenTwiceAndIsCautioned() throws {
        let folder = try TestData.temporaryFolder("chancery-keyness-sides")
        defer { try? FileManager.default.removeItem(at: folder) }
        let filler = "The delegation discussed the harbour works, the grain deliveries and the schedule of the talks at length."
        for day in 1...5 {
            let walrus = day == 1 ? " A walrus was mentioned." : ""
            let text = "Note \(day)\n\nMoscow, \(day) March 1961\n\n" + String(repeating: filler + " ", count: 8) + walrus
            try text.write(to: folder.appendingPathComponent("n\(day).txt"), atomically: true, encoding: .utf8)
        }
        try "Cable\n\nMoscow, 9 May 1962\n\nThe glacier moved; a walrus watched the glacier."
            .write(to: folder.appendingPathComponent("c.txt"), atomically: true, encoding: .utf8)
        let analysis = try Self.analysis(folder.path)
        let year = try #require(analysis.keyness.first { $0.target == "1962" })
        #expect(year.targetDocuments == 1 && year.referenceDocuments == 5)
        #expect(year.targetTokens > 0 && year.referenceTokens > 10 * year.targetTokens)
        #expect(year.rows.map(\.term).contains("glacier"))
        #expect(year.rows.allSatisfy { $0.countTarget >= CorpusAnalysis.keyMinimumTargetCount }, "\(year.rows.map(\.term))")
        // The word seen once would pass every other filter: it is the minimum count that leaves it out.
        let walrus = Keyness.logLikelihood(a: 1, b: 1, targetTotal: Double(year.targetTokens), referenceTotal: Double(year.referenceTokens))
        #expect(walrus > 0 && Keyness.pValue(walrus) < CorpusAnalysis.keyPValueBelow)
        #expect(!year.rows.map(\.term).contains("walrus"))
        let cautions = analysis.keynessCautions
        #expect(cautions.contains("1962: 1 document against 5 documents"))
        #expect(analysis.keynessWarning?.hasPrefix("keyness with fewer than 5 documents on a side describes those documents") == true)
    }

    /// The real collection: 1962 is the seed cable alone, so its keys are that cable's words; they are shown with
    /// their single document and cautioned, and none is a word the cable uses once (46 were before the fix).
    @Test(needsSharedCorpora) func theSeedCablesYearIsOneDocument() throws {
        let path = try TestData.shared("").path
        let analysis = try Self.analysis(path)
        let year = try #require(analysis.keyness.first { $0.target == "1962" })
        #expect(year.targetDocuments == 1)
        #expect(year.referenceDocuments == analysis.documents.count - 1)
        #expect(!year.rows.isEmpty && year.rows.allSatisfy { $0.countTarget >= 2 })
        #expect(analysis.keynessCautions == ["1962: 1 document against \(analysis.documents.count - 1) documents"])
        for keyness in analysis.keyness {
            #expect(keyness.targetDocuments.map { $0 >= 1 } == true)
            #expect(keyness.rows.allSatisfy { $0.countTarget >= 2 && $0.term.contains(where: \.isLetter) && $0.pValue < 0.05 && $0.g2 > 0 })
        }
    }
}
