import ArgumentParser
import ChanceryCorpus
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

/// Writes to the terminal's streams.
enum Console {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
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

    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
