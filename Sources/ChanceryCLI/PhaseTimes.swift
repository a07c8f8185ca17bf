import ChanceryPipeline
import Dispatch
import Foundation
import Synchronization

/// A report's phases timed on stderr when the environment has `CHANCERY_PHASE_TIMES` set.
///
/// For profiling and the benchmark suite (Benchmarks/run-benchmarks.sh), never
/// part of normal output. The analysis and the report writer tell of each phase
/// as it ends (`AnalysisObserver`); each is printed with the seconds since the
/// previous one (the first since `init`, when the command started) and the
/// figures the phase gave.
final class PhaseTimes: Sendable {
    let enabled: Bool
    private let last = Mutex<UInt64>(DispatchTime.now().uptimeNanoseconds)

    /// Starts the clock (the first phase counts from here).
    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        enabled = environment["CHANCERY_PHASE_TIMES"] != nil
    }

    /// An observer that prints each phase when enabled, and passes progress on to `progress`.
    func observer(progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) -> AnalysisObserver {
        AnalysisObserver(progress: progress) { [self] in ended($0) }
    }

    /// An observer that prints each phase when enabled, and passes progress on to `progress` with the documents
    /// read so far: (files read, files in all, documents read).
    func observer(documentProgress: @escaping @Sendable (Int, Int, Int) -> Void) -> AnalysisObserver {
        AnalysisObserver(phaseEnded: { [self] in ended($0) }, documentsRead: documentProgress)
    }

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

    /// Prints how long `phase` took since the previous one ended, then a line of its figures (sizes of what is held).
    func ended(_ phase: AnalysisPhase) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        let previous = last.withLock { value in
            defer { value = now }
            return value
        }
        let tenths = (now - previous) / 10_000_000
        var text = "phase \(phase.name): \(tenths / 100).\(tenths % 100 < 10 ? "0" : "")\(tenths % 100) s\(Self.memory)\n"
        if !phase.figures.isEmpty {
            text += "  " + phase.figures.map { "\($0.count) \($0.label)" }.joined(separator: ", ") + "\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }
}
