import ChanceryTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `report --out DIR` replaces only what Chancery wrote: another tool's manifest, a note beside the pages, a page
/// edited in place, all stop the run before anything is touched; a link given as DIR is followed; what a killed run
/// left beside DIR is removed by the next run, unless it holds something Chancery does not write.
@Suite(.serialized) struct OutputFolderTests {
    static func report(_ out: URL, _ extra: [String] = []) throws -> ChanceryProcess.Output {
        try ChanceryProcess.run(["report", TestData.demoCorpus.path, "--out", out.path, "--formats", "csv,md"] + extra)
    }

    /// A folder with a manifest.json of another kind (empty, `{}`, another tool's) is not a report to replace.
    @Test(arguments: ["", "{}", #"{"name": "my-extension", "version": "1.0", "manifest_version": 3}"#,
                      #"{"chancery_version": "0.1.0", "command": ["other"], "outputs": []}"#])
    func aForeignManifestIsRefusedAndNothingIsTouched(_ manifest: String) throws {
        let work = try TestData.temporaryFolder("chancery-out-foreign")
        defer { try? FileManager.default.removeItem(at: work) }
        let out = work.appendingPathComponent("folder")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data(manifest.utf8).write(to: out.appendingPathComponent("manifest.json"))
        try Data("my own notes".utf8).write(to: out.appendingPathComponent("notes.txt"))
        let before = try Snapshot.of(work)
        let run = try Self.report(out)
        #expect(run.status == 2)
        #expect(run.stderr.contains("nothing was changed"), "\(run.stderr)")
        #expect(run.stderr.contains("not the manifest of a Chancery report"), "\(run.stderr)")
        #expect(try Snapshot.of(work) == before)
    }

    /// Notes saved beside the pages of a report, or a page annotated in place, are the user's: the re-run is refused.
    @Test func aRerunKeepsTheUsersFilesAndEdits() throws {
        let work = try TestData.temporaryFolder("chancery-out-rerun")
        defer { try? FileManager.default.removeItem(at: work) }
        let out = work.appendingPathComponent("report")
        #expect(try Self.report(out).status == 0)
        let page = try #require(try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("documents").path).sorted().first)

        // A note beside the pages, and a hidden file: not in the manifest.
        try Data("my annotation".utf8).write(to: out.appendingPathComponent("documents/annotations.md"))
        try Data("x".utf8).write(to: out.appendingPathComponent(".notes"))
        var before = try Snapshot.of(work)
        var run = try Self.report(out)
        #expect(run.status == 2)
        #expect(run.stderr.contains("2 files it did not write: .notes, documents/annotations.md"), "\(run.stderr)")
        #expect(try Snapshot.of(work) == before)

        // A page the manifest lists, edited since.
        try FileManager.default.removeItem(at: out.appendingPathComponent("documents/annotations.md"))
        try FileManager.default.removeItem(at: out.appendingPathComponent(".notes"))
        let pageURL = out.appendingPathComponent("documents/\(page)")
        let original = try Data(contentsOf: pageURL)
        let handle = try FileHandle(forWritingTo: pageURL)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\nMy reading of this cable.\n".utf8))
        try handle.close()
        before = try Snapshot.of(work)
        run = try Self.report(out)
        #expect(run.status == 2)
        #expect(run.stderr.contains("1 file changed since it was written: documents/\(page)"), "\(run.stderr)")
        #expect(try Snapshot.of(work) == before)

        // The report as Chancery wrote it is replaced.
        try original.write(to: pageURL)
        #expect(try Self.report(out, ["--formats", "csv"]).status == 0)
        #expect(try Self.report(out).status == 0)
        #expect(try Leftovers.in(work) == [])
    }

    /// What SIGKILL left (the partial folder of a run stopped dead) is removed by the next run.
    @Test func leftoversOfAKilledRunAreRemovedByTheNextRun() throws {
        let work = try TestData.temporaryFolder("chancery-out-killed")
        defer { try? FileManager.default.removeItem(at: work) }
        let input = try GeneratedCorpus.make(in: work, copies: 40)
        let out = work.appendingPathComponent("report")
        let child = try Child(["report", input.path, "--out", out.path, "--formats", "csv,md"])
        let started = child.waitUntil(timeout: 300) {
            ((try? FileManager.default.contentsOfDirectory(atPath: work.path)) ?? []).contains { $0.hasPrefix(".report.chancery-partial-") }
        }
        #expect(started)
        kill(child.process.processIdentifier, SIGKILL)
        _ = child.wait()
        #expect(try Leftovers.in(work).count == 1)

        // A leftover of the same shape with a file Chancery does not write is left alone, and said so.
        let strange = work.appendingPathComponent(".report.chancery-old-2147483646")
        try FileManager.default.createDirectory(at: strange, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: strange.appendingPathComponent("thesis.docx"))
        // One that holds what a report writes, from a process long gone, goes.
        let old = work.appendingPathComponent(".report.chancery-old-2147483645")
        try FileManager.default.createDirectory(at: old.appendingPathComponent("documents"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: old.appendingPathComponent("summary.md"))
        try Data("x".utf8).write(to: old.appendingPathComponent("documents/a.md"))

        let run = try ChanceryProcess.run(["report", input.path, "--out", out.path, "--formats", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Leftovers.in(work) == [".report.chancery-old-2147483646"], "\(run.stderr)")
        #expect(run.stderr.contains("note: \(strange.path) looks like what an interrupted run"), "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: strange.appendingPathComponent("thesis.docx").path))
    }

    /// `--out` naming a link: the report goes where it points, and the link stays a link.
    @Test func aLinkAsTheDestinationIsFollowed() throws {
        let work = try TestData.temporaryFolder("chancery-out-link")
        defer { try? FileManager.default.removeItem(at: work) }
        let real = work.appendingPathComponent("real-report")
        let link = work.appendingPathComponent("latest")
        #expect(try Self.report(real, ["--formats", "csv"]).status == 0)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: real.path)
        let run = try Self.report(link)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == real.path)
        #expect(FileManager.default.fileExists(atPath: real.appendingPathComponent("summary.md").path))
        #expect(run.stderr.contains("to \(real.path)"), "\(run.stderr)")

        let dangling = work.appendingPathComponent("dangling")
        try FileManager.default.createSymbolicLink(atPath: dangling.path, withDestinationPath: work.appendingPathComponent("gone/x").path)
        let refused = try Self.report(dangling)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("is a symbolic link to"), "\(refused.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dangling.path).hasSuffix("gone/x"))
    }

    /// Where no folder can be made, the message says why in the system's words, not "the file doesn't exist".
    @Test func aPlaceWithoutFoldersIsAClearError() throws {
        let run = try Self.report(URL(fileURLWithPath: "/proc/chancery-report"))
        #expect(run.status == 2)
        #expect(run.stderr.contains("cannot write in /proc: "), "\(run.stderr)")
        #expect(!run.stderr.contains("doesn’t exist"), "\(run.stderr)")
    }

    /// No free inodes (a tmpfs with room for a few files): the message says so.
    @Test(.enabled(if: Mount.isRoot, "not root: cannot mount a small tmpfs (CI runs as root)"))
    func noFreeInodesIsAClearError() throws {
        let work = try TestData.temporaryFolder("chancery-out-inodes")
        defer { try? FileManager.default.removeItem(at: work) }
        let disk = work.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        guard Mount.run(["-t", "tmpfs", "-o", "size=20m,nr_inodes=8", "tmpfs", disk.path]) else {
            Issue.record("mount -t tmpfs failed as root")
            return
        }
        defer { Mount.run([disk.path], command: "umount") }
        let run = try Self.report(disk.appendingPathComponent("report"))
        #expect(run.status == 2)
        #expect(run.stderr.contains("No space left on device"), "\(run.stderr)")
        #expect(!run.stderr.contains("doesn’t exist"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path) == [])
    }
}
