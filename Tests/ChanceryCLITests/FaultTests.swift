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
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
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

/// A corpus of many small files: the demo corpus copied into numbered folders.
enum GeneratedCorpus {
    static func make(in work: URL, copies: Int) throws -> URL {
        let input = work.appendingPathComponent("input")
        let names = try FileManager.default.contentsOfDirectory(atPath: TestData.demoCorpus.path).filter { $0.hasSuffix(".txt") }
        for copy in 0..<copies {
            let folder = input.appendingPathComponent(String(format: "copy%03d", copy))
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for name in names {
                try FileManager.default.copyItem(at: TestData.demoCorpus.appendingPathComponent(name), to: folder.appendingPathComponent(name))
            }
        }
        return input
    }
}

extension GeneratedCorpus {
    /// The size of all files under a folder.
    static func bytes(_ folder: URL) -> Int {
        ((try? Snapshot.of(folder)) ?? [:]).values.reduce(0) { $0 + $1.count }
    }
}

/// Every file under a folder with its bytes, to compare before and after.
enum Snapshot {
    static func of(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return files }
        while let name = enumerator.nextObject() as? String {
            let url = folder.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            files[name] = isDirectory.boolValue ? Data() : try Data(contentsOf: url)
        }
        return files
    }
}

/// Temporary folders a run may leave beside its report.
enum Leftovers {
    static func `in`(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".chancery-") }
    }
}

/// `chancery` started in the background, so a test can act on it while it runs.
final class Child: @unchecked Sendable {
    let process = Process()
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var err = Data()

    init(_ arguments: [String]) throws {
        process.executableURL = ChanceryProcess.executable
        process.arguments = arguments
        let outPipe = Pipe(), errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        try process.run()
        for (pipe, isError) in [(outPipe, false), (errPipe, true)] {
            group.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                guard isError else { return self.group.leave() }
                self.lock.lock()
                self.err = data
                self.lock.unlock()
                self.group.leave()
            }
        }
    }

    /// How long `waitUntil` waits at most: a safety net that turns a hung child into a failure, not a measure of
    /// speed (tests assert no time), so it is long enough for a loaded machine under AddressSanitizer.
    static let safetyNet: Double = 300

    /// Polls `condition` until it holds, the child ends, or `timeout` seconds pass; true when it held.
    func waitUntil(timeout: Double = Child.safetyNet, every interval: Double = 0.005, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline, process.isRunning {
            if condition() { return true }
            Thread.sleep(forTimeInterval: interval)
        }
        return condition()
    }

    /// Bytes the child has read with read(2) so far (Linux: `rchar` in /proc/PID/io).
    ///
    /// Past a few hundred kilobytes it is reading the corpus: the files are listed by then.
    /// (An open descriptor under the corpus would say so too, but each is open for microseconds, and polling misses them.)
    func bytesRead() -> Int {
        guard let io = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/io", encoding: .utf8),
              let line = io.split(separator: "\n").first(where: { $0.hasPrefix("rchar:") }) else { return 0 }
        return Int(line.dropFirst("rchar:".count).trimmingCharacters(in: .whitespaces)) ?? 0
    }

    func interrupt() { process.interrupt() }

    /// Waits for the end: the exit status (128 + the signal's number when a handled signal ended it) and stderr.
    func wait() -> (status: Int32, stderr: String) {
        group.wait()
        process.waitUntilExit()
        lock.lock()
        defer { lock.unlock() }
        return (process.terminationStatus, String(decoding: err, as: UTF8.self))
    }
}

/// mount and umount, for the tests that need a file system of their own (root only).
enum Mount {
    static var isRoot: Bool { getuid() == 0 }

    @discardableResult
    static func run(_ arguments: [String], command: String = "mount") -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [command] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}

/// Making a folder read-only in a way that holds for the user running the tests.
enum ReadOnly {
    enum Method { case bindMount, immutable, permissions }

    /// The first way that works here, found once on a probe folder.
    static let method: Method? = {
        guard let probe = try? TestData.temporaryFolder("chancery-readonly-probe") else { return nil }
        defer { try? FileManager.default.removeItem(at: probe) }
        for method in Mount.isRoot ? [Method.bindMount, .immutable] : [.permissions] {
            guard let undo = try? apply(method, probe) else { continue }
            let blocked = !FileManager.default.createFile(atPath: probe.appendingPathComponent("x").path, contents: Data())
            undo()
            try? FileManager.default.removeItem(at: probe.appendingPathComponent("x"))
            if blocked { return method }
        }
        return nil
    }()

    /// Makes `folder` read-only; the returned closure undoes it (and may be called twice).
    static func make(_ folder: URL) throws -> () -> Void {
        guard let method else { throw CocoaError(.featureUnsupported) }
        return try apply(method, folder)
    }

    private static func apply(_ method: Method, _ folder: URL) throws -> () -> Void {
        let path = folder.path
        switch method {
        case .bindMount:
            guard Mount.run(["--bind", path, path]) else { throw CocoaError(.featureUnsupported) }
            guard Mount.run(["-o", "remount,bind,ro", path]) else {
                Mount.run([path], command: "umount")
                throw CocoaError(.featureUnsupported)
            }
            var mounted = true
            return {
                if mounted { Mount.run([path], command: "umount") }
                mounted = false
            }
        case .immutable:
            guard Mount.run(["+i", path], command: "chattr") else { throw CocoaError(.featureUnsupported) }
            return { Mount.run(["-i", path], command: "chattr") }
        case .permissions:
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: path)
            return { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path) }
        }
    }
}
