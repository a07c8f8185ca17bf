import ChanceryTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `chancery report` when the machine works against it: a read-only or full output folder, an input file
/// that vanishes during the run, SIGINT. Each time: a clear error, a non-zero exit, no half report left
/// (no `.chancery-partial-*` folder), and a previous report either kept whole or replaced whole.
@Suite(.serialized) struct FaultTests {
    // MARK: Read-only output folder

    /// A read-only folder: a read-only bind mount as root (root ignores permission bits, and so would
    /// ignore chmod), else `chattr +i`; chmod 555 for other users.
    @Test(.enabled(if: ReadOnly.method != nil, "cannot make a folder read-only here (no mount, chattr or chmod that works)"))
    func aReadOnlyOutputFolderIsAClearErrorAndThePreviousReportStays() throws {
        let work = try TestData.temporaryFolder("chancery-fault-readonly")
        defer { try? FileManager.default.removeItem(at: work) }
        let parent = work.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let out = parent.appendingPathComponent("report")
        let first = try ChanceryProcess.run(["report", TestData.demoCorpus.path, "--out", out.path, "--formats", "csv,md"])
        #expect(first.status == 0, "\(first.stderr)")
        let before = try Snapshot.of(parent)

        let undo = try ReadOnly.make(parent)
        defer { undo() }
        let run = try ChanceryProcess.run(["report", TestData.demoCorpus.path, "--out", out.path])
        undo()
        #expect(run.status == 2)
        #expect(run.stderr.contains("error: cannot write in \(parent.path): "), "\(run.stderr)")
        #expect(try Snapshot.of(parent) == before)
    }

    // MARK: Full disk

    /// A tmpfs of a few kilobytes: the first table or the workbook does not fit.
    @Test(.enabled(if: Mount.isRoot, "not root: cannot mount a small tmpfs to fill (CI runs as root)"), arguments: [48, 160])
    func aFullDiskIsAClearErrorAndLeavesNothing(_ kilobytes: Int) throws {
        let work = try TestData.temporaryFolder("chancery-fault-full")
        defer { try? FileManager.default.removeItem(at: work) }
        let disk = work.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        guard Mount.run(["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", disk.path]) else {
            Issue.record("mount -t tmpfs failed as root")
            return
        }
        defer { Mount.run([disk.path], command: "umount") }
        let run = try ChanceryProcess.run(["report", TestData.demoCorpus.path, "--out", disk.appendingPathComponent("report").path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("error: cannot write"), "\(run.stderr)")
        #expect(run.stderr.lowercased().contains("space"), "\(run.stderr)")
        // One message, Chancery's: libxlsxwriter's own "[ERROR] workbook_close()" lines are kept out.
        #expect(!run.stderr.contains("[ERROR]"), "\(run.stderr)")
        // (The demo's years each hold fewer than 5 documents: the keyness warning comes before, from the analysis.)
        #expect(run.stderr.split(separator: "\n").filter { !$0.hasPrefix("warning: keyness") }.count == 1, "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path) == [])
    }

    // MARK: An input file that vanishes

    /// The last file (in reading order) is deleted once the run is reading the corpus: listed, then gone.
    @Test func anInputFileThatVanishesIsNamedAndTheRunExitsNonZero() throws {
        let work = try TestData.temporaryFolder("chancery-fault-vanish")
        defer { try? FileManager.default.removeItem(at: work) }
        let input = try GeneratedCorpus.make(in: work, copies: 30)
        let last = input.appendingPathComponent("zz-last.txt")
        try FileManager.default.copyItem(at: TestData.demoCorpus.appendingPathComponent("08_cuban-events-military-aid.txt"), to: last)
        let out = work.appendingPathComponent("report")
        let size = GeneratedCorpus.bytes(input)

        let child = try Child(["report", input.path, "--out", out.path, "--formats", "csv,md"])
        #expect(child.waitUntil { child.bytesRead() > size / 4 })
        try FileManager.default.removeItem(at: last)
        let run = child.wait()
        #expect(run.status == 1 || run.status == 2, "status \(run.status): \(run.stderr)")
        if run.status == 1 {
            // Gone before it was read: skipped, named on stderr and in skipped.csv; the rest is reported.
            #expect(run.stderr.contains("zz-last.txt: error: cannot read the file: No such file or directory"), "\(run.stderr)")
            let skipped = try String(contentsOf: out.appendingPathComponent("skipped.csv"), encoding: .utf8)
            #expect(skipped.contains("zz-last.txt"))
        } else {
            // Gone after it was read: the manifest cannot vouch for it, so no report.
            #expect(run.stderr.contains("zz-last.txt: the input file vanished"), "\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out.path))
        }
        #expect(try Leftovers.in(work).isEmpty)
    }

    // MARK: SIGINT

    /// SIGINT (or SIGTERM) while the files are being read: nothing was written, exit 128 + the signal's number.
    @Test(arguments: [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")])
    func aSignalWhileReadingWritesNothing(_ signal: Int32, _ name: String) throws {
        let work = try TestData.temporaryFolder("chancery-fault-signal-read")
        defer { try? FileManager.default.removeItem(at: work) }
        let input = try GeneratedCorpus.make(in: work, copies: 30)
        let out = work.appendingPathComponent("report")
        let size = GeneratedCorpus.bytes(input)
        let child = try Child(["report", input.path, "--out", out.path])
        #expect(child.waitUntil { child.bytesRead() > size / 4 })
        kill(child.process.processIdentifier, signal)
        let run = child.wait()
        #expect(run.status == 128 + signal, "\(run.stderr)")
        #expect(run.stderr.contains("chancery: interrupted (\(name)); nothing was written; no report at \(out.path)"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(try Leftovers.in(work).isEmpty)
    }

    /// SIGINT once the temporary folder exists: it is removed, and the previous report is still there, whole.
    @Test func sigintWhileWritingRemovesThePartialReportAndKeepsThePreviousOne() throws {
        let work = try TestData.temporaryFolder("chancery-fault-sigint-write")
        defer { try? FileManager.default.removeItem(at: work) }
        let input = try GeneratedCorpus.make(in: work, copies: 30)
        let out = work.appendingPathComponent("report")
        let previous = try ChanceryProcess.run(["report", TestData.demoCorpus.path, "--out", out.path, "--formats", "csv"])
        #expect(previous.status == 0, "\(previous.stderr)")
        let before = try Snapshot.of(out)

        let child = try Child(["report", input.path, "--out", out.path])
        let writing = child.waitUntil(every: 0.002) {
            ((try? FileManager.default.contentsOfDirectory(atPath: work.path)) ?? []).contains { $0.contains(".chancery-partial-") }
        }
        #expect(writing, "the temporary report folder never showed")
        child.interrupt()
        let run = child.wait()
        #expect(run.status == 130, "\(run.stderr)")
        #expect(run.stderr.contains("chancery: interrupted (SIGINT); the partly written report was removed"), "\(run.stderr)")
        #expect(try Leftovers.in(work).isEmpty)
        #expect(try Snapshot.of(out) == before)
    }
}

// MARK: - Helpers
