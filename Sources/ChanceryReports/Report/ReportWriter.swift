import ChanceryAnalytics
import ChanceryCorpus
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
/// leaves either the previous report or none, never half of one. A previous
/// Chancery report (a folder with `manifest.json`) is replaced; any other
/// existing folder that is not empty is refused.
public enum ReportWriter {
    /// What a report folder holds, paths relative to it, in writing order.
    public struct Written: Sendable {
        public var files: [String]
    }

    public static func write(_ report: CorpusReport, to destination: String, version: String) throws -> Written {
        let fileManager = FileManager.default
        let target = URL(fileURLWithPath: destination).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        try checkDestination(target)
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw ReportError("cannot create \(parent.path): \(error.localizedDescription)")
        }
        let temporary = parent.appendingPathComponent(".\(target.lastPathComponent).chancery-partial-\(ProcessInfo.processInfo.processIdentifier)")
        try? fileManager.removeItem(at: temporary)
        do {
            try fileManager.createDirectory(at: temporary, withIntermediateDirectories: false)
        } catch {
            throw ReportError("cannot write in \(parent.path): \(error.localizedDescription)")
        }
        var finished = false
        defer { if !finished { try? fileManager.removeItem(at: temporary) } }

        let files = try writeContents(report, into: temporary, version: version)
        try swapIntoPlace(temporary, target)
        finished = true
        return Written(files: files)
    }

    /// Refuses a destination that holds something other than a previous report.
    static func checkDestination(_ target: URL) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw ReportError("\(target.path) exists and is not a folder; choose another --out") }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: target.path)) ?? []
        if !contents.isEmpty, !contents.contains("manifest.json") {
            throw ReportError("\(target.path) exists and is not a Chancery report (no manifest.json); choose another --out or empty it")
        }
    }

    private static func swapIntoPlace(_ temporary: URL, _ target: URL) throws {
        let fileManager = FileManager.default
        var old: URL?
        if fileManager.fileExists(atPath: target.path) {
            let aside = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).chancery-old-\(ProcessInfo.processInfo.processIdentifier)")
            try? fileManager.removeItem(at: aside)
            do {
                try fileManager.moveItem(at: target, to: aside)
            } catch {
                throw ReportError("cannot replace the previous report at \(target.path): \(error.localizedDescription)")
            }
            old = aside
        }
        do {
            try fileManager.moveItem(at: temporary, to: target)
        } catch {
            if let old { try? fileManager.moveItem(at: old, to: target) }
            throw ReportError("cannot move the new report into \(target.path): \(error.localizedDescription)")
        }
        if let old { try? fileManager.removeItem(at: old) }
    }

    private static func writeContents(_ report: CorpusReport, into folder: URL, version: String) throws -> [String] {
        let options = report.options
        var written: [String] = []
        let tables = ReportTablesSet(report, version: version)

        if options.formats.contains(.csv) {
            let writer = CSVWriter(excelBOM: options.excelBOM)
            for table in tables.csv {
                let name = "\(table.name).csv"
                do {
                    try writer.write(table, to: folder.appendingPathComponent(name))
                } catch {
                    throw ReportError("cannot write \(name): \(error.localizedDescription)")
                }
                written.append(name)
            }
        }
        if options.formats.contains(.xlsx) {
            let properties = WorkbookProperties(
                title: "Chancery report: \(report.corpus.root)", subject: "Corpus statistics, terms, topics and timeline",
                comments: "Made by Chancery \(version); see manifest.json")
            do {
                try XLSXWriter.write(tables: tables.xlsx, charts: tables.charts, properties: properties,
                                     to: folder.appendingPathComponent("chancery.xlsx"))
            } catch {
                throw ReportError(error.description)
            }
            written.append("chancery.xlsx")
        }
        if options.formats.contains(.markdown) {
            try text(SummaryMarkdown.render(report, version: version), to: folder.appendingPathComponent("summary.md"))
            written.append("summary.md")
            let documentsFolder = folder.appendingPathComponent("documents")
            try FileManager.default.createDirectory(at: documentsFolder, withIntermediateDirectories: false)
            var topTerms: [String: [DocumentTermRow]] = [:]
            for row in report.documentTerms where row.term.contains(where: \.isLetter) {
                topTerms[row.documentID, default: []].append(row)
            }
            var keywords: [String: [DocumentKeyword]] = [:]
            for keyword in report.keywords { keywords[keyword.documentID, default: []].append(keyword) }
            for document in report.documents {
                let context = DocumentMarkdown.Context(topTerms: Array((topTerms[document.document.id] ?? []).prefix(10)),
                                                       keywords: keywords[document.document.id] ?? [])
                let name = "documents/\(document.slug).md"
                try text(DocumentMarkdown.render(document, context: context), to: folder.appendingPathComponent(name))
                written.append(name)
            }
        }

        let inputs = report.corpus.files.concurrentMap { file -> Manifest.Input in
            let bytes = (try? Data(contentsOf: file.url)).map { [UInt8]($0) } ?? []
            return Manifest.Input(file: file.relativePath, bytes: bytes.count, sha256: SHA256.hex(bytes))
        }
        let outputs = written.concurrentMap { name -> (file: String, sha256: String) in
            let bytes = (try? Data(contentsOf: folder.appendingPathComponent(name))).map { [UInt8]($0) } ?? []
            return (name, SHA256.hex(bytes))
        }
        try text(Manifest.render(report, version: version, inputs: inputs, outputs: outputs), to: folder.appendingPathComponent("manifest.json"))
        written.append("manifest.json")
        return written
    }

    private static func text(_ text: String, to url: URL) throws {
        do {
            try Data(text.utf8).write(to: url)
        } catch {
            throw ReportError("cannot write \(url.lastPathComponent): \(error.localizedDescription)")
        }
    }
}

/// The tables of a report, and the charts over them.
struct ReportTablesSet {
    var csv: [Table]
    var xlsx: [Table]
    var charts: [ChartSpec]

    init(_ report: CorpusReport, version: String) {
        let documents = ReportTables.documents(report.documents)
        let terms = AnalysisTables.terms(report.terms)
        let documentTerms = AnalysisTables.documentTerms(report.documentTerms)
        let keyness = AnalysisTables.keyness(report.keyness)
        let topics = AnalysisTables.topics(report.topics)
        let topicYears = AnalysisTables.topicPeriods(report.topicYears, grouping: .year)
        let kwic = AnalysisTables.kwic(report.documents.flatMap(\.kwic))
        let timeline = AnalysisTables.timeline(report.timeline.events)
        let keywords = AnalysisTables.keywords(report.keywords, method: .tfidf)
        let skipped = ReportTables.skipped(report.corpus.skipped)
        let years = ReportTables.years(report.statistics)
        csv = [documents, terms, documentTerms, keyness, topics, topicYears, kwic, timeline, keywords, skipped]
        xlsx = [ReportTables.summary(report, version: version), documents, terms, keyness, topics, topicYears, kwic, timeline,
                keywords, skipped, years, documentTerms]
        charts = [
            ChartSpec(.column, title: "Documents per year", table: "Years", category: "year", values: ["documents"], placement: .onSheet("Summary")),
            ChartSpec(.line, title: "Topic hits per year", table: topicYears.title, category: "year", seriesColumn: "topic",
                      valueColumn: "hits", placement: .onSheet("Summary")),
            ChartSpec(.bar, title: "Top 20 terms", table: "Terms", category: "term", values: ["count"], firstRows: 20, placement: .onSheet("Summary")),
        ]
    }
}
