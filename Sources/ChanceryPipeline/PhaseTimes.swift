import Dispatch
import Foundation
import Synchronization

/// A report's phases timed on stderr when the environment has `CHANCERY_PHASE_TIMES` set.
///
/// For profiling and the benchmark suite (Benchmarks/run-benchmarks.sh), never
/// part of normal output: each mark prints the seconds since the previous one.
public enum PhaseTimes {
    private static let enabled = ProcessInfo.processInfo.environment["CHANCERY_PHASE_TIMES"] != nil
    private static let last = Mutex<UInt64>(DispatchTime.now().uptimeNanoseconds)

    /// Resident and peak resident memory so far, from /proc (Linux), as ", RSS … MB, peak … MB".
    private static var memory: String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "" }
        func megabytes(_ field: String) -> String {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }),
                  let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return "?" }
            return String(kilobytes / 1024)
        }
        return ", RSS \(megabytes("VmRSS")) MB, peak \(megabytes("VmHWM")) MB"
    }

    /// Starts the clock (the first mark counts from here).
    public static func start() {
        guard enabled else { return }
        last.withLock { $0 = DispatchTime.now().uptimeNanoseconds }
    }

    /// Prints a line of figures (sizes of what is held), when enabled.
    public static func note(_ text: @autoclosure () -> String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("  \(text())\n".utf8))
    }

    /// Ends the phase `name`: prints how long it took since the previous mark.
    public static func mark(_ name: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        let previous = last.withLock { value in
            defer { value = now }
            return value
        }
        let tenths = (now - previous) / 10_000_000
        FileHandle.standardError.write(Data("phase \(name): \(tenths / 100).\(tenths % 100 < 10 ? "0" : "")\(tenths % 100) s\(memory)\n".utf8))
    }
}
