/// Helpers of the end-to-end tests that run `chancery` as a process and act on the machine around it: a corpus
/// of many files, snapshots of folders, a child process to signal, mounts and read-only folders.
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A corpus of many small files: the demo corpus copied into numbered folders.
public enum GeneratedCorpus {
    public static func make(in work: URL, copies: Int) throws -> URL {
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
    public static func bytes(_ folder: URL) -> Int {
        ((try? Snapshot.of(folder)) ?? [:]).values.reduce(0) { $0 + $1.count }
    }
}

/// Every file under a folder with its bytes, to compare before and after.
public enum Snapshot {
    public static func of(_ folder: URL) throws -> [String: Data] {
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
public enum Leftovers {
    public static func `in`(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".chancery-") }
    }
}

/// `chancery` started in the background, so a test can act on it while it runs.
public final class Child: @unchecked Sendable {
    public let process = Process()
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var err = Data()

    public init(_ arguments: [String]) throws {
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
    public static let safetyNet: Double = 300

    /// Polls `condition` until it holds, the child ends, or `timeout` seconds pass; true when it held.
    public func waitUntil(timeout: Double = Child.safetyNet, every interval: Double = 0.005, _ condition: () -> Bool) -> Bool {
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
    public func bytesRead() -> Int {
        guard let io = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/io", encoding: .utf8),
              let line = io.split(separator: "\n").first(where: { $0.hasPrefix("rchar:") }) else { return 0 }
        return Int(line.dropFirst("rchar:".count).trimmingCharacters(in: .whitespaces)) ?? 0
    }

    public func interrupt() { process.interrupt() }

    /// Waits for the end: the exit status (128 + the signal's number when a handled signal ended it) and stderr.
    public func wait() -> (status: Int32, stderr: String) {
        group.wait()
        process.waitUntilExit()
        lock.lock()
        defer { lock.unlock() }
        return (process.terminationStatus, String(decoding: err, as: UTF8.self))
    }
}

/// mount and umount, for the tests that need a file system of their own (root only).
public enum Mount {
    public static var isRoot: Bool { getuid() == 0 }

    @discardableResult
    public static func run(_ arguments: [String], command: String = "mount") -> Bool {
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
public enum ReadOnly {
    public enum Method: Sendable { case bindMount, immutable, permissions }

    /// The first way that works here, found once on a probe folder.
    public static let method: Method? = {
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
    public static func make(_ folder: URL) throws -> () -> Void {
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

