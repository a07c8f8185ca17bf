import ChanceryTestSupport
import Foundation
import Testing

/// Documents are analysed in fixed chunks on all cores and merged in file order, and the writers run on all
/// cores: a report made on one core must have the same bytes as one made on every core.
@Suite struct CoreCountTests {
    @Test(.enabled(if: ChanceryProcess.taskset != nil, "no taskset here to pin a run to one core"))
    func oneCoreAndAllCoresWriteTheSameBytes() throws {
        let work = try TestData.temporaryFolder("chancery-cores")
        defer { try? FileManager.default.removeItem(at: work) }
        // Twelve copies of the demo corpus: 168 files, several chunks of the analysis and several jobs of pages.
        let input = try GeneratedCorpus.make(in: work, copies: 12)
        let out = work.appendingPathComponent("report")

        let pinned = try ChanceryProcess.run(["report", input.path, "--out", out.path], pinnedToOneCore: true)
        #expect(pinned.status == 0, "\(pinned.stderr)")
        let oneCore = try Snapshot.of(out)
        let free = try ChanceryProcess.run(["report", input.path, "--out", out.path])
        #expect(free.status == 0, "\(free.stderr)")
        let allCores = try Snapshot.of(out)

        #expect(oneCore.count > 168, "a page per document and the tables")
        #expect(oneCore.keys.sorted() == allCores.keys.sorted())
        for (name, data) in oneCore { #expect(allCores[name] == data, "\(name) differs between one core and all cores") }
    }
}
