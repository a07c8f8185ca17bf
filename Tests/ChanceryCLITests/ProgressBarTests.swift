import Testing

@testable import ChanceryCLI

/// The progress bar counts what it counts: files, with the documents read from them (issue 16).
@Suite struct ProgressBarTests {
    @Test func theBarSaysFilesAndDocuments() {
        let line = ProgressBar.line("analysing", 2, 2, documents: 80)
        #expect(line.hasSuffix("100% (2/2 files, 80 documents)"))
        #expect(!line.contains("2/2 documents"))
        #expect(ProgressBar.line("analysing", 1, 1, documents: 1).hasSuffix("(1/1 file, 1 document)"))
        #expect(ProgressBar.line("analysing", 1, 4, documents: nil).hasSuffix("25% (1/4 files)"))
    }
}
