/// What a running analysis (and a report writer after it) tells its caller: how many files are read, and each
/// phase as it ends, with figures of what is held. The pipeline prints nothing; a command decides what to show
/// (a progress bar, phase times for profiling).
public struct AnalysisObserver: Sendable {
    /// Called after each round of chunks with (files read, files in all). Files, not documents: a FRUS volume
    /// is one file of hundreds of documents, and how many documents are still to come is not known until read.
    public var progress: @Sendable (_ read: Int, _ files: Int) -> Void
    /// Called after each round of chunks, just after `progress`, with (files read, files in all, documents read so far).
    public var documentsRead: @Sendable (_ read: Int, _ files: Int, _ documents: Int) -> Void
    /// Called when a phase ends.
    public var phaseEnded: @Sendable (AnalysisPhase) -> Void

    /// `documentsRead` comes last, so that a trailing closure is still `phaseEnded`.
    public init(progress: @escaping @Sendable (_ read: Int, _ files: Int) -> Void = { _, _ in },
                phaseEnded: @escaping @Sendable (AnalysisPhase) -> Void = { _ in },
                documentsRead: @escaping @Sendable (_ read: Int, _ files: Int, _ documents: Int) -> Void = { _, _, _ in }) {
        self.progress = progress
        self.documentsRead = documentsRead
        self.phaseEnded = phaseEnded
    }

    /// Tells nothing to anyone.
    public static let silent = AnalysisObserver()
}

/// A phase of an analysis or of writing its report, as it ends.
public struct AnalysisPhase: Sendable {
    /// What was done ("read, analyse and merge the documents").
    public var name: String
    /// Sizes of what is held once it is done, in order: ("words", 51_204), ("events", 3_118).
    public var figures: [(label: String, count: Int)]

    public init(_ name: String, figures: [(label: String, count: Int)] = []) {
        self.name = name
        self.figures = figures
    }
}
