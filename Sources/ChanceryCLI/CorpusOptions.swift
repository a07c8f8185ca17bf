import ArgumentParser
import ChanceryCorpus
import Foundation

/// The input every subcommand takes, and the reporting of what could not be read.
struct CorpusOptions: ParsableArguments {
    @Argument(help: "A document file or a folder of documents (read recursively).")
    var path: String

    /// Loads the corpus and writes one line per skipped file or document to stderr.
    func load() throws -> Corpus {
        let corpus: Corpus
        do {
            corpus = try Corpus.load(path)
        } catch {
            throw ValidationError(error.description)
        }
        for problem in corpus.skipped {
            Console.error(problem.description)
        }
        return corpus
    }
}

/// Writes to the terminal's streams, control characters escaped (``TerminalText``).
enum Console {
    /// One line to stderr: a line break inside it (a file name's) is shown as `\n`.
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((TerminalText.escaped(line, .line) + "\n").utf8))
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
