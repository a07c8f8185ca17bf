#if canImport(Glibc)
import Glibc
#endif
import ChanceryAnalytics
import ChanceryCorpus
import ChanceryPipeline
import Foundation

/// A report folder that could not be written.
public struct ReportError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Writes a report folder: CSV, XLSX and Markdown files and the manifest.
///
/// Everything is written into a hidden temporary folder beside the
/// destination and renamed into place at the end, so a crash or an error
/// leaves either the previous report or none, never half of one. Only what
/// Chancery wrote is ever replaced (see `ReportFolder` for the rule); what a
/// killed run left beside the destination is removed by the next run.
public enum ReportWriter {
    /// What a report folder holds, paths relative to it, in writing order.
    public struct Written: Sendable {
        public var files: [String]
        /// Where the report went (a link given as the destination resolved).
        public var folder: String
        /// What the writer noticed and left alone (a leftover folder it would not remove), for the user.
        public var notes: [String]
    }

    /// A report's destination, checked: nothing there, an empty folder, or a previous report Chancery wrote and
    /// nobody changed since. Check it before a long analysis, so that a refusal comes at once.
    public struct Destination: Sendable {
        let folder: ReportFolder

        /// Resolves and checks `path`; throws, touching nothing, when what is there may not be replaced.
        public init(_ path: String) throws {
            folder = try ReportFolder(path)
        }

        /// The folder the report goes to, a link given as the destination resolved.
        public var path: String { folder.path }
    }

    /// Writes the report of `analysis` into `destination`; with `interruption`, a signal handler can stop it without
    /// leaving half a report. `observer` hears of each phase as it ends.
    public static func write(_ analysis: CorpusAnalysis, options: ReportOptions, to destination: String, version: String,
                             interruption: Interruption? = nil, observer: AnalysisObserver = .silent) throws -> Written {
        try write(analysis, options: options, to: Destination(destination), version: version, interruption: interruption, observer: observer)
    }

    /// Writes the report into a destination checked before; what changed there since is checked again before the swap.
    public static func write(_ analysis: CorpusAnalysis, options: ReportOptions, to destination: Destination, version: String,
                             interruption: Interruption? = nil, observer: AnalysisObserver = .silent) throws -> Written {
        let place = destination.folder
        try ReportFolder.makeFolders(place.parent)
        let notes = place.removeLeftovers()
        let temporary = place.temporaryName("partial")
        let interruption = interruption ?? Interruption()
        try interruption.claim(URL(fileURLWithPath: temporary)) {
            try ReportFolder.makeFolder(temporary, in: place.parent)
        }
        var finished = false
        defer { if !finished { interruption.discard() } }

        let files = try writeContents(analysis, options: options, into: URL(fileURLWithPath: temporary), version: version, observer: observer)
        try interruption.release {
            try place.recheck()
            try swapIntoPlace(temporary, place)
        }
        finished = true
        return Written(files: files, folder: place.path, notes: notes)
    }

    /// Lets a signal handler stop a report in the making and remove what it had written.
    ///
    /// The writer registers its temporary folder here and swaps the finished
    /// report into place under the same lock, so an interruption removes
    /// either the whole temporary folder or nothing: it never lands between
    /// moving the previous report aside and moving the new one in.
    public final class Interruption: @unchecked Sendable {
        /// What `stop()` found.
        public enum Outcome: Sendable {
            /// No report had been started: nothing to remove.
            case nothingWritten
            /// A report was being written: its temporary folder was removed.
            case partialRemoved
            /// The report had been written and moved into place already.
            case alreadyWritten
        }

        private let lock = NSLock()
        private var temporary: URL?
        private var written = false

        public init() {}

        /// Stops the report: removes its temporary folder, if any, and keeps every later step of the writer waiting.
        ///
        /// Meant for a signal handler that ends the process next: the lock stays held, so the
        /// writer cannot swap a report into place or go on once this has returned.
        public func stop() -> Outcome {
            lock.lock()
            guard let temporary else { return written ? .alreadyWritten : .nothingWritten }
            self.temporary = nil
            // Renamed first, so the writer cannot add files to the folder while it is being removed.
            let fileManager = FileManager.default
            let aside = temporary.deletingLastPathComponent()
                .appendingPathComponent(temporary.lastPathComponent.replacingOccurrences(of: "-partial-", with: "-interrupted-"))
            if (try? fileManager.moveItem(at: temporary, to: aside)) != nil {
                try? fileManager.removeItem(at: aside)
            } else {
                try? fileManager.removeItem(at: temporary)
            }
            return .partialRemoved
        }

        func claim(_ folder: URL, _ create: () throws -> Void) throws {
            lock.lock()
            defer { lock.unlock() }
            try create()
            temporary = folder
        }

        func release(_ swap: () throws -> Void) throws {
            lock.lock()
            defer { lock.unlock() }
            try swap()
            temporary = nil
            written = true
        }

        /// Removes the temporary folder of a report that failed; blocks for good once `stop()` has run (the process is ending).
        func discard() {
            lock.lock()
            defer { lock.unlock() }
            if let temporary { try? FileManager.default.removeItem(at: temporary) }
            temporary = nil
        }
    }

    /// Moves the previous report (checked to be Chancery's own) aside, the new one in, and removes the previous one.
    private static func swapIntoPlace(_ temporary: String, _ place: ReportFolder) throws {
        var old: String?
        var info = stat()
        if lstat(place.path, &info) == 0 {
            let aside = place.temporaryName("old")
            if let code = ReportFolder.move(place.path, to: aside) {
                throw ReportError("cannot replace the previous report at \(place.path): \(ReportFolder.reason(code))")
            }
            old = aside
        }
        if let code = ReportFolder.move(temporary, to: place.path) {
            if let old { _ = ReportFolder.move(old, to: place.path) }
            throw ReportError("cannot move the new report into \(place.path): \(ReportFolder.reason(code))")
        }
        if let old { try? FileManager.default.removeItem(atPath: old) }
    }

    private static func writeContents(_ report: CorpusAnalysis, options: ReportOptions, into folder: URL, version: String,
                                      observer: AnalysisObserver) throws -> [String] {
        // Each document's page is named by its id, made a safe and unique file name.
        let slugs = Slug.unique(report.documents.map(\.document.id))
        let tables = ReportTablesSet(report, slugs: slugs, version: version)
        // The workbook is one long job; the CSV files and the Markdown pages, in small jobs, share the other core.
        var jobs: [@Sendable () throws -> [(file: String, sha256: String?)]] = []
        if options.formats.contains(.xlsx) {
            jobs.append {
                let properties = WorkbookProperties(
                    title: "Chancery report: \(report.root)", subject: "Corpus statistics, terms, topics and timeline",
                    comments: "Made by Chancery \(version); see manifest.json")
                do {
                    try XLSXWriter.write(tables: tables.xlsx, charts: tables.charts, properties: properties,
                                         to: folder.appendingPathComponent("chancery.xlsx"))
                } catch {
                    // libxlsxwriter reports a failed save as a zip error; the system's reason (a full disk) is in errno.
                    let reason = errno != 0 ? " (\(String(cString: strerror(errno))))" : ""
                    throw ReportError("cannot write chancery.xlsx: \(error)\(reason)")
                }
                return [("chancery.xlsx", nil)]
            }
        }
        if options.formats.contains(.csv) {
            let writer = CSVWriter(excelBOM: options.excelBOM)
            for table in tables.csv {
                jobs.append {
                    let name = "\(table.name).csv"
                    do {
                        return [(name, try writer.write(table, to: folder.appendingPathComponent(name)))]
                    } catch let error as ReportError {
                        throw error
                    } catch {
                        throw ReportError("cannot write \(name): \(error)")
                    }
                }
            }
        }
        if options.formats.contains(.markdown) {
            jobs += try markdownJobs(report, options: options, slugs: slugs, into: folder, version: version)
        }
        let results = jobs.concurrentMap { job in Result { try job() } }
        // The workbook's job comes first so that it starts first; its failure is reported after the others',
        // whose messages name the file and the system's reason more plainly.
        for result in results.dropFirst() + results.prefix(1) {
            if case let .failure(error) = result { throw error }
        }
        var written: [(file: String, sha256: String?)] = []
        for result in results { written += try result.get() }

        observer.phaseEnded(AnalysisPhase("write the workbook, CSV files and pages"))
        let inputs = try manifestInputs(report)
        let outputs = written.concurrentMap { entry -> (file: String, sha256: String) in
            (entry.file, entry.sha256 ?? SHA256.hexOfFile(folder.appendingPathComponent(entry.file).path))
        }
        try text(Manifest.render(report, writing: options, version: version, inputs: inputs, outputs: outputs),
                 to: folder.appendingPathComponent("manifest.json"))
        observer.phaseEnded(AnalysisPhase("check the inputs, digest the outputs, manifest"))
        return written.map(\.file) + ["manifest.json"]
    }

    /// Jobs that write `summary.md` and one page per document, a few hundred pages a job; each page's digest
    /// is taken from the bytes written, so the manifest need not read twenty thousand files back.
    private static func markdownJobs(_ report: CorpusAnalysis, options: ReportOptions, slugs: [String], into folder: URL,
                                     version: String) throws -> [@Sendable () throws -> [(file: String, sha256: String?)]] {
        try ReportFolder.makeFolder(folder.appendingPathComponent("documents").path, in: folder.path)
        let chunks = stride(from: 0, to: report.documents.count, by: 256).map { $0..<min($0 + 256, report.documents.count) }
        let summary: @Sendable () throws -> [(file: String, sha256: String?)] = {
            try text(SummaryMarkdown.render(report, writing: options, slugs: slugs, version: version), to: folder.appendingPathComponent("summary.md"))
            return [("summary.md", nil)]
        }
        return [summary] + chunks.map { chunk in
            {
                try chunk.map { index in
                    let document = report.documents[index]
                    let name = "documents/\(slugs[index]).md"
                    // Written in pieces as it is made, its digest taken on the way: a document dense in hits and
                    // dates has a page larger than its text.
                    let page = try FilePage(folder.appendingPathComponent(name).path)
                    try DocumentMarkdown.render(document, topTerms: report.topTerms(of: index), keywords: report.keywords(of: index),
                                                eventCount: report.eventCount(of: index),
                                                forEachEvent: { try report.forEachEvent(of: index, $0) }, to: page)
                    return (name, page.digest.finalize())
                }
            }
        }
    }

    /// Each input file's size and digest, taken as it was read; a file that vanished or changed since fails the report.
    ///
    /// Recording it anyway would make the manifest vouch for bytes that are no longer there. A file that
    /// was already missing when it was to be read is in `skipped` and recorded without a digest.
    private static func manifestInputs(_ report: CorpusAnalysis) throws -> [Manifest.Input] {
        let read = Dictionary(report.inputs.map { ($0.file.relativePath, $0) }, uniquingKeysWith: { first, _ in first })
        let files = report.files
        let now = files.concurrentMap { file in read[file.relativePath] == nil ? nil : file.fingerprint() }
        return try zip(files, now).map { file, fingerprint in
            guard let input = read[file.relativePath] else { return Manifest.Input(file: file.relativePath, bytes: 0, sha256: "") }
            guard fingerprint == input.fingerprint else {
                throw ReportError("\(file.relativePath): the input file vanished or changed during the run; no report written, run it again")
            }
            return Manifest.Input(file: file.relativePath, bytes: input.bytes, sha256: input.sha256)
        }
    }

    private static func text(_ text: String, to url: URL) throws {
        try PlainFile.write(text, to: url.path, named: url.lastPathComponent)
    }
}

/// The tables of a report, and the charts over them.
struct ReportTablesSet {
    var csv: [Table]
    var xlsx: [Table]
    var charts: [ChartSpec]

    init(_ report: CorpusAnalysis, slugs: [String], version: String) {
        let documents = ReportTables.documents(report, slugs: slugs)
        let terms = AnalysisTables.terms(report.terms)
        // Made document by document as the CSV is written.
        let documentTerms = AnalysisTables.documentTerms(documents: report.documents.count) { report.documentTerms($0) }
        let keyness = AnalysisTables.keyness(report.keyness)
        let topics = AnalysisTables.topics(report.topics)
        let topicYears = AnalysisTables.topicPeriods(report.topicYears, grouping: .year)
        // Each document's lines read back one at a time as its rows are written.
        let kwic = AnalysisTables.kwic(rowCount: report.documents.reduce(0) { $0 + $1.kwicCount }, groups: report.documents.count) { index, each in
            try report.documents[index].forEachKWICLine(each)
        }
        let timeline = AnalysisTables.timeline(count: report.eventCount) { report.timelineEvent($0) }
        let keywords = AnalysisTables.keywords(documents: report.documents.count, method: .tfidf) { report.keywords(of: $0) }
        let skipped = ReportTables.skipped(ReportTables.problems(report))
        let years = ReportTables.years(report.statistics)
        let persons = ReportTables.persons(report)
        csv = [documents, terms, documentTerms, keyness, topics, topicYears, kwic, timeline, keywords, persons, skipped]
        // document_terms and keywords are bulk data for scripts (ten keywords a document): they stay in the CSV files,
        // where a large collection's millions of rows fit; the Documents sheet has each document's keywords in a column.
        xlsx = [ReportTables.summary(report, version: version), documents, terms, keyness, topics, topicYears, kwic, timeline,
                persons, skipped, years]
        charts = [
            ChartSpec(.column, title: "Documents per year", table: "Years", category: "year", values: ["documents"], placement: .onSheet("Summary")),
            // Hits per 1,000 tokens of each year (years differ in size a hundredfold), as columns (years are evenly
            // spaced categories, which a line would join across gaps), undated documents left out.
            ChartSpec(.column, title: "Topic hits per 1,000 tokens, by year", table: topicYears.title, category: "year",
                      seriesColumn: "topic", valueColumn: "per_1k", placement: .onSheet("Summary"), numericCategoriesOnly: true),
            // Tall enough for twenty labels, each of which is shown.
            ChartSpec(.bar, title: "Top 20 terms", table: "Terms", category: "term", values: ["count"], firstRows: 20,
                      placement: .onSheet("Summary"), height: 480),
        ]
    }
}

/// A page written to its file a piece at a time, with the SHA-256 of what was written.
final class FilePage: PageOutput {
    private let file: PlainFile.Writer
    var digest = SHA256()

    init(_ path: String) throws {
        file = try PlainFile.Writer(path)
    }

    func write(_ piece: String) throws {
        var piece = piece
        try piece.withUTF8 { bytes in
            digest.update(bytes)
            try file.write(UnsafeRawBufferPointer(bytes))
        }
    }
}
