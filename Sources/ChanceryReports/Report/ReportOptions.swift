import ChanceryPipeline

/// The output formats of `chancery report`.
public enum ReportFormat: String, Sendable, CaseIterable, Comparable {
    case csv, xlsx
    case markdown = "md"

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// How a report is written, besides what its analysis found (`AnalysisOptions`); the manifest records both.
public struct ReportOptions: Sendable {
    public var formats: Set<ReportFormat> = Set(ReportFormat.allCases)
    /// The lexicon's bytes, for its SHA-256 in the manifest.
    public var lexiconBytes: [UInt8]
    public var excelBOM = false
    /// The command line as typed, for the manifest.
    public var command: [String] = []

    public init(lexiconBytes: [UInt8] = []) {
        self.lexiconBytes = lexiconBytes
    }
}
