
/// The documents of a folder (or a file), and what could not be read.
public struct Corpus: Sendable {
    /// The file or folder given.
    public var root: String
    public var documents: [Document]
    /// One entry per file, folder or document that could not be read, with its place and reason (errors).
    public var skipped: [InputError]
    /// Files and folders not read on purpose, with the reason (notes): another type (README, .jsonl, .pdf),
    /// a second way to something already read, a named pipe or device.
    public var ignored: [InputError]
    /// Documents read with something left out or changed (warnings): a date that could not be used, a
    /// repeated id numbered.
    public var warnings: [InputError]
    /// Files read, with or without problems.
    public var files: [InputFile]

    public init(root: String, documents: [Document], skipped: [InputError] = [], ignored: [InputError] = [],
                warnings: [InputError] = [], files: [InputFile] = []) {
        self.root = root
        self.documents = documents
        self.skipped = skipped
        self.ignored = ignored
        self.warnings = warnings
        self.files = files
    }

    /// Everything reported about the input, in the order a reader wants it: errors, warnings, then notes.
    public var problems: [InputError] { skipped + warnings + ignored }

    /// Reads every document under `path`, using both cores; the order is the sorted file order whatever the threads do.
    ///
    /// Throws only when `path` itself cannot be listed; a file that cannot be
    /// read is reported in `skipped`, and the rest are read.
    public static func load(_ path: String) throws(InputError) -> Corpus {
        let listing = try InputFiles.list(path)
        let results = readAll(listing.files)
        var corpus = Corpus(root: path, documents: [], skipped: listing.skipped, ignored: listing.ignored, files: listing.files)
        var ids = DocumentIDs()
        for result in results {
            corpus.skipped += result.problems
            corpus.warnings += result.warnings
            // Two files may yield the same id (the same volume twice); number the repeats.
            var documents = result.documents
            corpus.warnings += ids.number(&documents, id: \.id, file: \.file)
            corpus.documents += documents
        }
        return corpus
    }

    /// Reads files on all cores, returning results in file order.
    public static func readAll(_ files: [InputFile]) -> [FileReadResult] {
        files.concurrentMap { DocumentReader.read($0) }
    }

    /// Every document tokenized, on all cores, in corpus order.
    public func tokenizedDocuments() -> [TokenizedDocument] {
        documents.concurrentMap(TokenizedDocument.init)
    }

    /// Documents whose date falls in `year`.
    public func documents(inYear year: Int) -> [Document] {
        documents.filter { $0.date?.value.year == year }
    }
}
