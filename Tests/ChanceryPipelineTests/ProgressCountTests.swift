import ChanceryCorpus
import ChanceryTestSupport
import Foundation
import Synchronization
import Testing

@testable import ChanceryPipeline

/// The analysis tells its observer how many files it has read and how many documents they held (issue 16: the
/// progress bar said "2/2 documents" for 80 documents in two files).
@Suite struct ProgressCountTests {
    static func heard(_ path: String) throws -> (files: [(Int, Int)], documents: [Int], analysis: CorpusAnalysis) {
        let heard = Mutex<(files: [(Int, Int)], documents: [Int])>(([], []))
        let observer = AnalysisObserver(progress: { read, files in heard.withLock { $0.files.append((read, files)) } },
                                        documentsRead: { _, _, documents in heard.withLock { $0.documents.append(documents) } })
        let analysis = CorpusAnalysis(try InputFiles.list(path), root: path, options: AnalysisOptions(parts: .statistics), observer: observer)
        let (files, documents) = heard.withLock { ($0.files, $0.documents) }
        return (files, documents, analysis)
    }

    /// Invented: one TEI file of two documents.
    @Test func oneFileOfTwoDocuments() throws {
        let folder = try TestData.temporaryFolder("chancery-progress")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: TestData.fixtures.appendingPathComponent("hostile/ids.xml"), to: folder.appendingPathComponent("v.xml"))
        let (files, documents, analysis) = try Self.heard(folder.path)
        #expect(files.last.map { [$0.0, $0.1] } == [1, 1])
        #expect(analysis.documents.count == 2 && documents.last == 2)
    }

    /// The FRUS dev volume: one file, every document of it counted.
    @Test(needsSharedCorpora) func theFRUSVolumeIsOneFileOfManyDocuments() throws {
        let (files, documents, analysis) = try Self.heard(try TestData.shared("frus-dev").path)
        #expect(files.last.map { [$0.0, $0.1] } == [1, 1])
        #expect(analysis.documents.count > 50 && documents.last == analysis.documents.count)
    }
}
