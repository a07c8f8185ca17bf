import ArgumentParser
import ChanceryCorpus
import Foundation

/// `chancery documents PATH [--json]`: what Chancery read from each file.
struct DocumentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "documents",
        abstract: "List the documents read: id, date, format, title; --json for everything read, body and editorial marks included."
    )

    @OptionGroup var input: CorpusOptions

    @Flag(help: "Print every document as JSON: metadata, header, body, closing, editorial spans, notes, persons.")
    var json = false

    func run() throws {
        let corpus = try input.load()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Console.output(String(decoding: try encoder.encode(corpus.documents), as: UTF8.self) + "\n", as: .json)
        } else {
            let rows = [["id", "date", "format", "title"]] + corpus.documents.map {
                [$0.id, $0.date?.value.iso ?? "undated", $0.format.rawValue, $0.title]
            }
            Console.output(TextTable.render(rows))
        }
        try ExitStatus.finish(corpus)
    }
}
