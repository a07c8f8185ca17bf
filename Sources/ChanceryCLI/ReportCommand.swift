import ArgumentParser
import ChanceryAnalytics
import ChanceryCorpus
import ChanceryPipeline
import ChanceryReports
import Foundation

/// `chancery report PATH --out DIR`: every analysis, written as CSV, XLSX and Markdown with a manifest.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Run every analysis once and write CSV, XLSX and Markdown reports, one Markdown page per document, and manifest.json.",
        discussion: """
            Writes into a temporary folder beside DIR and renames it into place, so a failed run leaves no half \
            report; a previous report in DIR is replaced, any other non-empty DIR is refused, and so is a DIR \
            inside the input. Files: documents.csv, terms.csv, document_terms.csv, keyness.csv, topics.csv, \
            topics_by_year.csv, kwic.csv, timeline.csv, keywords.csv, persons.csv, skipped.csv, chancery.xlsx, summary.md, \
            documents/<slug>.md, manifest.json. Exit status as for stats: 1 when files were skipped.
            """
    )

    @OptionGroup var input: CorpusOptions

    @Option(name: .long, help: ArgumentHelp("The report folder to write.", valueName: "DIR"))
    var out: String

    @Option(help: ArgumentHelp("Formats to write, separated by commas: csv, xlsx, md.", valueName: "LIST"))
    var formats = "csv,xlsx,md"

    @OptionGroup var lexiconOptions: LexiconOptions
    @OptionGroup var counting: CountingOptions

    @Option(help: ArgumentHelp("N-gram lengths counted for terms.csv: 1, 2, 3, or a range such as 1-2.", valueName: "N|N-M"))
    var ngram = "1-3"

    @Option(help: "Small-sample correction of G² for keyness by year: none (AntConc), williams (as quanteda: not when a count is 0) or williams-textbook (every term).")
    var correction: KeynessCorrection = .none

    @Option(help: "KWIC context, in tokens on each side (0 to 1,000).")
    var window = 5

    @Flag(help: "Start CSV files with a UTF-8 byte order mark, for Excel.")
    var excelBOM = false

    @Option(help: "A YAML file of further named events for the timeline; may be repeated.")
    var gazetteer: [String] = []

    func validate() throws {
        _ = try parsedFormats()
        _ = try OptionRanges.ngramRange(ngram)
        try OptionRanges.check("--window", window, in: OptionRanges.kwicWindow, unit: "tokens on each side")
    }

    func parsedFormats() throws -> Set<ReportFormat> {
        var formats: Set<ReportFormat> = []
        for name in self.formats.split(separator: ",").map({ $0.trimmingWhitespace.lowercased() }) {
            guard let format = ReportFormat(rawValue: name == "markdown" ? "md" : name) else {
                throw ValidationError("--formats: \"\(name)\" is not one of csv, xlsx, md")
            }
            formats.insert(format)
        }
        guard !formats.isEmpty else { throw ValidationError("--formats needs at least one of csv, xlsx, md") }
        return formats
    }

    func run() throws {
        let phases = PhaseTimes()
        try OutputPlace.check(input: input.path, output: out)
        let destination: ReportWriter.Destination
        do {
            destination = try ReportWriter.Destination(out)
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(ExitStatus.failure.rawValue)
        }
        let lexicon = try lexiconOptions.load()
        var options = try counting.analysisOptions(lexicon: lexicon, parts: .all, ngrams: try OptionRanges.ngramRange(ngram))
        options.correction = correction
        options.kwic = KWICOptions(window: window)
        options.gazetteer = try TimelineCommand.gazetteer(gazetteer)
        var writing = ReportOptions(lexiconBytes: try lexiconOptions.bytes())
        writing.formats = try parsedFormats()
        writing.excelBOM = excelBOM
        writing.command = ["chancery"] + CommandLine.arguments.dropFirst()

        let interruption = ReportWriter.Interruption()
        let signals = InterruptHandler.install { [out] signal in
            let what = switch interruption.stop() {
            case .nothingWritten: "nothing was written; no report at \(out)"
            case .partialRemoved: "the partly written report was removed; no report at \(out)"
            case .alreadyWritten: "after the report was written to \(out)"
            }
            InterruptHandler.exit("\nchancery: interrupted (\(InterruptHandler.name(signal))); \(TerminalText.escaped(what, .line))\n", status: 128 + signal)
        }
        defer { signals.cancel() }

        // The files are read once, by the report's analysis, a chunk at a time.
        let listing = try CorpusOptions.list(input.path)
        let bar = ProgressBar(label: "analysing")
        let report = CorpusAnalysis(listing, root: input.path, options: options, observer: phases.observer(documentProgress: { bar.update($0, $1, documents: $2) }))
        bar.finish()
        Console.problems(ReportTables.problems(report))
        if let warning = report.keynessWarning { Console.error("warning: \(warning)") }
        guard !report.documents.isEmpty else {
            throw ValidationError("no report written: " + NothingRead.message(path: input.path, skipped: report.skipped.count, ignored: listing.ignored))
        }
        for document in report.documents {
            for rejected in document.rejectedDates {
                Console.error("\(document.document.file) (\(document.id)): sentence \(rejected.sentence + 1): \(rejected)")
            }
        }
        let written: ReportWriter.Written
        // libxlsxwriter prints its own "[ERROR] workbook_close(): ..." to C's stderr before Chancery's message,
        // which names the file and the system's reason already: what it prints is kept, and shown only when the
        // report is written all the same (then it is news).
        let (result, libraryOutput) = CStandardError.capturing {
            Result {
                try ReportWriter.write(report, options: writing, to: destination, version: ChanceryVersion.current, interruption: interruption,
                                       observer: phases.observer())
            }
        }
        switch result {
        case let .success(value):
            written = value
            if !libraryOutput.isEmpty { Console.errorMessage(libraryOutput.trimmingCharacters(in: .newlines)) }
        case let .failure(error):
            Console.error("error: \(error)")
            throw ExitCode(ExitStatus.failure.rawValue)
        }
        for note in written.notes { Console.error("note: \(note)") }
        Console.error("wrote \(written.files.count) files to \(written.folder)")
        try ExitStatus.finish(documents: report.documents.count, skipped: report.skipped.count)
    }
}

/// SIGINT and SIGTERM, handled on a dispatch queue instead of killing the process where it stands.
///
/// The handler runs on its own thread while the command goes on, so it must
/// only touch thread-safe state (`ReportWriter.Interruption`) and end the
/// process with `_exit`, which runs no atexit handlers under the main thread's feet.
struct InterruptHandler {
    private let sources: [DispatchSourceSignal]

    static func install(_ handler: @escaping @Sendable (Int32) -> Void) -> InterruptHandler {
        let sources = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            // The default action would end the process before the handler could clean up.
            Foundation.signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global(qos: .userInitiated))
            source.setEventHandler { handler(number) }
            source.resume()
            return source
        }
        return InterruptHandler(sources: sources)
    }

    /// Restores the default actions.
    func cancel() {
        for source in sources {
            source.cancel()
            Foundation.signal(Int32(source.handle), SIG_DFL)
        }
    }

    static func name(_ signal: Int32) -> String {
        signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "signal \(signal)"
    }

    /// Writes `message` to stderr and ends the process at once with `status`.
    static func exit(_ message: String, status: Int32) -> Never {
        let bytes = Array(message.utf8)
        _ = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
        _exit(status)
    }
}

/// Where a report may go: never inside the input, never around it.
enum OutputPlace {
    static func check(input: String, output: String) throws {
        let inputPath = URL(fileURLWithPath: input).resolvingSymlinksInPath().standardizedFileURL.path
        // The output may not exist yet: resolve its nearest existing ancestor.
        var existing = URL(fileURLWithPath: output).standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        var outputPath = existing.resolvingSymlinksInPath().path
        for component in rest { outputPath += (outputPath.hasSuffix("/") ? "" : "/") + component }
        func inside(_ path: String, _ folder: String) -> Bool { path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") }
        if inside(outputPath, inputPath) {
            throw ValidationError("--out \(output) is inside the input \(input): the report would be read as input next time; choose a folder outside it")
        }
        if inside(inputPath, outputPath) {
            throw ValidationError("--out \(output) contains the input \(input): replacing it would delete the documents; choose another folder")
        }
    }
}

/// A progress bar on stderr, drawn only when stderr is a terminal.
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let enabled = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private var lastPercent = -1

    init(label: String) { self.label = label }

    /// Draws the bar at `done` of `total` files, with the documents those files held (nil: not known).
    func update(_ done: Int, _ total: Int, documents: Int? = nil) {
        guard enabled, total > 0 else { return }
        let percent = done * 100 / total
        lock.lock()
        defer { lock.unlock() }
        guard percent != lastPercent else { return }
        lastPercent = percent
        FileHandle.standardError.write(Data(("\r" + Self.line(label, done, total, documents: documents)).utf8))
    }

    /// The bar's text: the share of files read, and the documents in them ("2/2 files, 80 documents"). Files are
    /// what is counted: a FRUS volume is one file of hundreds of documents, known only once it is read.
    static func line(_ label: String, _ done: Int, _ total: Int, documents: Int?) -> String {
        let percent = total > 0 ? done * 100 / total : 100
        let width = 30
        let filled = percent * width / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let files = total == 1 ? "1/1 file" : "\(done)/\(total) files"
        let read = documents.map { $0 == 1 ? ", 1 document" : ", \($0) documents" } ?? ""
        return "\(label) [\(bar)] \(percent)% (\(files)\(read))"
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}

/// C's `stderr` stream pointed at memory for a while: what C libraries print there (libxlsxwriter's error lines)
/// is kept apart from Chancery's own messages, which are written to file descriptor 2 directly (`Console`).
enum CStandardError {
    static func capturing<T>(_ body: () -> T) -> (T, String) {
        var buffer: UnsafeMutablePointer<CChar>?
        var size = 0
        // The variable itself, found by name: Swift 6 will not let a global C variable be assigned directly.
        guard let address = dlsym(nil, "stderr")?.assumingMemoryBound(to: UnsafeMutablePointer<FILE>?.self),
              let memory = open_memstream(&buffer, &size) else { return (body(), "") }
        let saved = address.pointee
        address.pointee = memory
        let value = body()
        address.pointee = saved
        fclose(memory)
        defer { free(buffer) }
        return (value, buffer.map { String(cString: $0) } ?? "")
    }
}
