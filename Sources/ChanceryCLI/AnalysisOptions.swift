import ArgumentParser
import ChanceryAnalytics
import ChanceryCorpus
import ChanceryPipeline
import ChanceryReports
import Foundation

/// How a command prints its table: a readable table, CSV or JSON.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print CSV (RFC 4180, UTF-8) instead of a table.")
    var csv = false

    @Flag(help: "Print JSON (an array of objects) instead of a table.")
    var json = false

    @Flag(help: "With --csv: start with a UTF-8 byte order mark, for Excel.")
    var excelBOM = false

    @Option(help: "Show only the first N rows (a table shows 40 unless told).")
    var top: Int?

    func validate() throws {
        if csv && json { throw ValidationError("--csv and --json cannot be used together") }
        if let top { try OptionRanges.check("--top", top, atLeast: 1) }
    }

    /// Rows to keep before rendering: `--top`, or 40 for a terminal table.
    var rowLimit: Int? { top ?? (csv || json ? nil : 40) }

    /// Writes the table in the chosen form; a terminal table notes how many rows were left out.
    func print(_ table: Table, totalRows: Int? = nil) throws {
        if csv {
            Console.output(try CSVWriter(excelBOM: excelBOM).string(table), as: .csv)
        } else if json {
            Console.output(try TableJSON.string(table), as: .json)
        } else {
            let rows = try table.allRows()
            let columns = table.columns
            var text = TextTable.render([columns.map(\.name)] + rows.map { row in
                row.enumerated().map { index, cell in Self.display(cell, column: index < columns.count ? columns[index] : nil) }
            }, alignRight: columns.map(\.alignRight))
            if let totalRows, totalRows > rows.count {
                text += "... \(NumberText.integer(totalRows - rows.count)) more rows (use --top N, --csv or --json)\n"
            }
            Console.output(text)
        }
    }

    /// A cell for the terminal: decimals rounded (a scientific column's all in one notation), long text shortened
    /// (a right-aligned column, a KWIC line's left context, loses its start, so that the words beside the match stay).
    static func display(_ cell: Cell, column: Column?) -> String {
        switch cell {
        case let .decimal(value) where column?.scientific == true: return NumberText.scientific(value, places: 2)
        case let .decimal(value): return NumberText.decimal(value, places: value.magnitude < 0.01 && value != 0 ? 6 : 3)
        case let .text(text):
            let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
            guard flat.count > 60 else { return flat }
            return column?.alignRight == true ? "…" + String(flat.suffix(59)) : String(flat.prefix(59)) + "…"
        default: return cell.plainText
        }
    }
}

/// How terms are counted: stopwords, editorial words, numbers.
struct CountingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Stopwords: english (built in), none, or a file with one word per line.", valueName: "english|none|FILE"))
    var stopwords = "english"

    @Option(help: ArgumentHelp(
        "Words inside editorial brackets: insertions (default: [aid], [Kim Il Sung], [denied?] count; redaction notices, [...] and notes do not), all, or exclude (none; include is the old name of all).",
        valueName: "insertions|all|exclude"))
    var editorial: EditorialPolicy = .insertions

    @Flag(help: "Leave out tokens without letters (1962, 1,197).")
    var dropNumbers = false

    func stopwordList() throws -> StopwordList {
        switch stopwords {
        case "english": return .english
        case "none": return .none
        default:
            do {
                return try StopwordList(contentsOf: URL(fileURLWithPath: stopwords))
            } catch {
                throw ValidationError(error.description)
            }
        }
    }

    func termOptions(ngrams: ClosedRange<Int> = 1...1) throws -> TermOptions {
        TermOptions(ngrams: ngrams, stopwords: try stopwordList(), editorial: editorial, dropNumbers: dropNumbers)
    }

    /// An analysis of `parts` that counts as these options say (`report`, `terms`).
    func analysisOptions(lexicon: Lexicon = Lexicon(topics: [], source: "none"), parts: AnalysisParts,
                         ngrams: ClosedRange<Int> = 1...1) throws -> AnalysisOptions {
        var options = AnalysisOptions(lexicon: lexicon, parts: parts)
        options.stopwords = try stopwordList()
        options.editorial = editorial
        options.dropNumbers = dropNumbers
        options.ngrams = ngrams
        return options
    }
}

extension EditorialPolicy: ExpressibleByArgument {
    /// A policy's name, or `include` (the old name of `all`).
    public init?(argument: String) {
        self.init(name: argument)
    }
}
extension KeynessCorrection: ExpressibleByArgument {}
extension KeywordMethod: ExpressibleByArgument {}

/// The lexicon option shared by `topics`, `kwic --topic` and `report`.
struct LexiconOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A topic lexicon in quanteda's YAML dictionary format (default: Corpora/lexicons/cold-war-cables.yml).", valueName: "FILE"))
    var lexicon: String?

    var url: URL { lexicon.map { URL(fileURLWithPath: $0) } ?? DefaultLexicon.url }

    /// The lexicon file's bytes, for its digest in the manifest (read with the same bounds as the lexicon).
    func bytes() throws -> [UInt8] {
        do {
            return try OptionFile.bytes(url.path, kind: "lexicon")
        } catch {
            throw ValidationError(error.description)
        }
    }

    func load() throws -> Lexicon {
        let url = self.url
        if lexicon == nil, !FileManager.default.fileExists(atPath: url.path) {
            throw ValidationError("the default lexicon is not at \(url.path) (it ships in the source tree's Corpora/lexicons/); pass --lexicon FILE")
        }
        do {
            var loaded = try Lexicon(contentsOf: url)
            // Reports name the default by its place in the source tree, the same on every machine.
            if lexicon == nil { loaded.source = "Corpora/lexicons/cold-war-cables.yml (default)" }
            return loaded
        } catch {
            throw ValidationError(error.description)
        }
    }
}

/// Where the default lexicon lives: Corpora/lexicons/ in the source tree this binary was built from.
enum DefaultLexicon {
    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpora/lexicons/cold-war-cables.yml")
}
