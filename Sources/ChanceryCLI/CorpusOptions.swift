import ArgumentParser
import ChanceryCorpus
import ChanceryPipeline
import Foundation

/// The input every subcommand takes, and the reporting of what could not be read.
struct CorpusOptions: ParsableArguments {
    @Argument(help: "A document file or a folder of documents (read recursively).")
    var path: String

    /// Loads the corpus and writes one line per skipped file or document to stderr.
    func load() throws -> Corpus {
        try Self.load(path)
    }

    /// Loads the corpus at `path` and writes what was skipped to stderr; when `path` itself cannot be read,
    /// says why (compiler-style, without the usage text: the command line was right) and exits with 2.
    static func load(_ path: String) throws -> Corpus {
        let corpus: Corpus
        do {
            corpus = try Corpus.load(path)
        } catch {
            Console.error(error.description)
            throw ExitCode(ExitStatus.failure.rawValue)
        }
        Console.problems(corpus.problems)
        return corpus
    }

    /// Analyses the corpus at `path` (the parts `options` asks for) and writes what could not be read to stderr;
    /// fails as `load(_:)` does.
    static func analyse(_ path: String, options: AnalysisOptions) throws -> CorpusAnalysis {
        let analysis = CorpusAnalysis(try list(path), root: path, options: options)
        Console.problems(analysis.problems)
        return analysis
    }

    /// The files under `path` for a command that reads them itself; fails as `load(_:)` does.
    static func list(_ path: String) throws -> InputListing {
        do {
            return try InputFiles.list(path)
        } catch {
            Console.error(error.description)
            throw ExitCode(ExitStatus.failure.rawValue)
        }
    }
}

/// Why nothing could be read from a path, for the message a run that read no document ends with.
enum NothingRead {
    /// The types `InputFiles` (Sources/ChanceryCorpus/Ingest/InputFiles.swift) reads.
    static let readableTypes = ".txt, .text, .md, .markdown, .xml, .tei or no extension"

    /// "no document could be read from PATH: …": the files skipped as unreadable (named above it on
    /// stderr), the files ignored for their type or name, counted per extension, and how to convert
    /// PDF and Word files.
    static func message(path: String, skipped: Int, ignored notes: [InputError]) -> String {
        // Only the files passed by for their type or name: a link to a folder already read is no reason.
        let ignored = notes.filter { $0.code == .ignoredType || $0.code == .ignoredName }.map(\.file)
        var reasons: [String] = []
        if skipped > 0 {
            reasons.append("\(skipped) file\(skipped == 1 ? "" : "s") or document\(skipped == 1 ? "" : "s") could not be read (named above)")
        }
        if !ignored.isEmpty {
            var counts: [String: Int] = [:]
            for file in ignored { counts[kind(of: file), default: 0] += 1 }
            let kinds = counts.keys.sorted().map { "\($0) \(counts[$0]!)" }.joined(separator: ", ")
            reasons.append("\(ignored.count) file\(ignored.count == 1 ? "" : "s") ignored (\(kinds)); Chancery reads \(readableTypes), README and LICENSE files excepted")
        }
        if reasons.isEmpty { reasons.append("it holds no file of a type Chancery reads (\(readableTypes))") }
        var text = "no document could be read from \(path): " + reasons.joined(separator: "; ")
        let extensions = Set(ignored.map { kind(of: $0) })
        if extensions.contains(".pdf") { text += ". Convert PDF files to text first, e.g. pdftotext FILE.pdf (poppler-utils)" }
        if !extensions.isDisjoint(with: [".docx", ".doc", ".odt", ".rtf"]) {
            text += ". Convert Word, ODT or RTF files to text first, e.g. pandoc -t plain FILE.docx -o FILE.txt"
        }
        return text
    }

    /// ".pdf" for "a/b.PDF"; the name itself for a README or LICENSE file of a readable type, which is
    /// ignored by name; "no extension" otherwise.
    private static func kind(of file: String) -> String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        let ext = name[dot...].lowercased()
        return [".txt", ".text", ".md", ".markdown", ".xml", ".tei"].contains(ext) ? name : ext
    }
}

/// Writes to the terminal's streams, control characters escaped (``TerminalText``).
enum Console {
    /// One line to stderr: a line break inside it (a file name's) is shown as `\n`.
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((TerminalText.escaped(line, .line) + "\n").utf8))
    }

    /// What reading the input found, compiler-style: every error and warning, and the first notes (files not read
    /// on purpose), with a count of the rest, since a folder may hold thousands of PDFs beside its text.
    static func problems(_ problems: [InputError], notesShown: Int = 10) {
        var notes = 0
        for problem in problems {
            if problem.severity == .note {
                notes += 1
                if notes > notesShown { continue }
            }
            error(problem.description)
        }
        if notes > notesShown {
            error("note: \(notes - notesShown) more files or folders not read, as above (each is listed in skipped.csv by `chancery report`)")
        }
    }

    /// A message of several lines to stderr, such as a usage error.
    static func errorMessage(_ text: String) {
        FileHandle.standardError.write(Data((TerminalText.escaped(text, .text) + "\n").utf8))
    }

    /// Text for stdout in the given form: a table or other text Chancery laid out, CSV or JSON.
    static func output(_ text: String, as form: TerminalText.Form = .text) {
        FileHandle.standardOutput.write(Data(TerminalText.escaped(text, form).utf8))
    }
}
