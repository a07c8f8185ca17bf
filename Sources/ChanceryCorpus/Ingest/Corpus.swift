
/// The documents of a folder (or a file), and what could not be read.
public struct Corpus: Sendable {
    /// The file or folder given.
    public var root: String
    public var documents: [Document]
    /// One entry per file or document that could not be read, with its place and reason.
    public var skipped: [InputError]
    /// Files not read because of their type or name (README, .jsonl, .pdf).
    public var ignored: [String]
    /// Files read, with or without problems.
    public var files: [InputFile]

    public init(root: String, documents: [Document], skipped: [InputError] = [], ignored: [String] = [], files: [InputFile] = []) {
        self.root = root
        self.documents = documents
        self.skipped = skipped
        self.ignored = ignored
        self.files = files
    }

    /// Reads every document under `path`, using both cores; the order is the sorted file order whatever the threads do.
    ///
    /// Throws only when `path` itself cannot be listed; a file that cannot be
    /// read is reported in `skipped`, and the rest are read.
    public static func load(_ path: String) throws(InputError) -> Corpus {
        let (files, ignored) = try InputFiles.list(path)
        let results = readAll(files)
        var corpus = Corpus(root: path, documents: [], ignored: ignored, files: files)
        var ids = DocumentIDs()
        for result in results {
            corpus.skipped += result.problems
            for var document in result.documents {
                // Two files may yield the same id (the same volume twice); number the repeats.
                document.id = ids.unique(document.id)
                corpus.documents.append(document)
            }
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
