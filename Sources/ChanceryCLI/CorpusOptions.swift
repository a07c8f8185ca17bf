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

/// Writes to the terminal's streams.
enum Console {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
