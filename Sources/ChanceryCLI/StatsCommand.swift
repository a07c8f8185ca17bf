import ArgumentParser
import ChanceryAnalytics
import ChanceryCorpus
import ChanceryPipeline
import ChanceryReports
import Foundation

/// `chancery stats PATH [--json]`: how big the collection is and what it covers.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Documents, tokens, types, date range, formats, years and languages of a corpus.",
        discussion: "Tokens are body words, editorial brackets included; types are distinct lower-cased terms."
    )

    @OptionGroup var input: CorpusOptions

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        // The words are counted for the types, nothing else is worked out, and each body is let go once counted.
        let analysis = try CorpusOptions.analyse(input.path, options: AnalysisOptions(parts: .statistics))
        if json {
            Console.output(try StatsRendering.json(analysis.statistics), as: .json)
        } else {
            Console.output(StatsRendering.table(analysis.statistics, root: analysis.root))
        }
        try ExitStatus.finish(analysis)
    }
}

/// Text and JSON forms of corpus statistics.
enum StatsRendering {
    static func json(_ statistics: CorpusStatistics) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(statistics), as: UTF8.self) + "\n"
    }

    static func table(_ s: CorpusStatistics, root: String) -> String {
        var rows: [(String, String)] = [
            ("Documents", NumberText.integer(s.documents)),
            ("Tokens", NumberText.integer(s.tokens)),
            ("Types", NumberText.integer(s.types)),
            ("Type/token ratio", NumberText.decimal(s.typeTokenRatio, places: 3)),
            ("Mean length", NumberText.decimal(s.meanLength, places: 1) + " tokens"),
            ("Median length", NumberText.decimal(s.medianLength, places: 1) + " tokens"),
        ]
        if let first = s.firstDate, let last = s.lastDate {
            rows.append(("Date range", "\(first) to \(last)"))
        }
        rows.append(("Undated", NumberText.integer(s.undated)))
        var out = "Corpus \(TerminalText.escaped(root, .line))\n\n" + TextTable.render(rows.map { [$0.0, $0.1] }, alignRight: [false, true])
        for (title, counts) in [("Formats", s.formats), ("Years", s.years), ("Original languages", s.languages), ("Editorial brackets", s.editorialSpans)] where !counts.isEmpty {
            out += "\n\(title)\n" + TextTable.render(counts.map { ["  " + $0.label, NumberText.integer($0.count)] }, alignRight: [false, true])
        }
        for (title, entries) in [("Skipped", s.skipped), ("Warnings", s.warnings), ("Not read (by type, name or link)", s.ignored)]
        where !entries.isEmpty {
            out += "\n\(title) (\(entries.count))\n"
            for entry in entries {
                let place = entry.location.isEmpty ? "" : ":\(entry.location)"
                out += "  " + TerminalText.escaped("\(entry.file)\(place): \(entry.reason)", .line) + "\n"
            }
        }
        return out
    }
}
