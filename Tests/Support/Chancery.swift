import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `chancery` executable, as a user would, and captures what it prints.
public enum ChanceryProcess {
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String

        public init(status: Int32, stdout: String, stderr: String) {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
        }
    }

    /// The `chancery` binary beside the test bundle in the build folder.
    public static var executable: URL {
        let bundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        return bundle.appendingPathComponent("chancery")
    }

    /// Where `taskset` is, to pin a run to one core; nil when this machine has none.
    public static var taskset: URL? {
        ["/usr/bin/taskset", "/bin/taskset"].first(where: FileManager.default.isExecutableFile(atPath:)).map(URL.init(fileURLWithPath:))
    }

    /// Runs `chancery` with `arguments`; with `pinnedToOneCore`, under `taskset -c 0`; with `under`, as the last
    /// argument of that command (`setpriv --reuid=65534 …` to run as another user).
    ///
    /// A run still going after `killAfter` seconds is killed (its status is then 128 + 9), so that a command that
    /// hangs fails its test instead of stopping the suite; the bound is a safety net far above any run's time,
    /// not a measure of speed.
    public static func run(_ arguments: [String], in directory: URL? = nil, pinnedToOneCore: Bool = false,
                           under wrapper: [String] = [], killAfter: Double = 600) throws -> Output {
        var command = [executable.path] + arguments
        if pinnedToOneCore, let taskset { command = [taskset.path, "-c", "0"] + command }
        command = wrapper + command
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let pid = process.processIdentifier
        let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + killAfter, execute: watchdog)
        defer { watchdog.cancel() }
        // Read both pipes before waiting, so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(status: process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}
