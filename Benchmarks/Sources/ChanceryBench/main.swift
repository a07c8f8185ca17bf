import ChanceryAnalytics
import ChanceryCorpus
import ChanceryReports
import Foundation

// One phase of Chancery's work on a folder, timed, with the process's peak memory.
// Run one phase per process (peak RSS is per process):
//
//   ChanceryBench ingest   FOLDER   # read + parse + tokenize every document
//   ChanceryBench terms    FOLDER   # + count words and phrases (1-3 grams), fixed chunks merged in order
//   ChanceryBench topics   FOLDER   # + default lexicon hits and KWIC lines
//   ChanceryBench timeline FOLDER   # + temporal tagging and the merged timeline
//   ChanceryBench xlsx-terms FOLDER OUT.xlsx   # + write the terms table as an XLSX sheet
//
// Documents are processed in chunks of files on all cores, as `chancery report` does.

let arguments = CommandLine.arguments

// `ChanceryBench xlsx-rows N OUT.xlsx`: N rows × 5 columns written as one sheet (constant-memory mode past 100,000 rows).
if arguments.count == 4, arguments[1] == "xlsx-rows", let count = Int(arguments[2]) {
    let start = DispatchTime.now().uptimeNanoseconds
    let table = Table(name: "rows", title: "Rows", columns: [
        Column("term", .text), Column("document", .text), Column("count", .integer), Column("share", .decimal), Column("date", .date),
    ], rowCount: count) { sink in
        let day = try HistoricalDate(year: 1962, month: 12, day: 8)
        for index in 0..<count {
            try sink([.text("term \(index % 5000)"), .text("document-\(index / 100)"), .integer(index), .decimal(Double(index) / 7), .date(day.adding(days: index % 3000))])
        }
    }
    try XLSXWriter.write(tables: [table], to: URL(fileURLWithPath: arguments[3]))
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    print(String(format: "chancery xlsx-rows  %9d rows %8.2f s  peak RSS %7.1f MB", count, seconds, Double(usage.ru_maxrss) / 1024))
    exit(0)
}
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: ChanceryBench ingest|terms|topics|timeline|xlsx-terms FOLDER [OUT.xlsx]\n".utf8))
    exit(2)
}
let phase = arguments[1]
let (files, _) = try InputFiles.list(arguments[2])
let bytes = files.reduce(0) { total, file in
    total + ((try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0)
}
let lexiconURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Corpora/lexicons/cold-war-cables.yml")
let lexicon = try Lexicon(contentsOf: lexiconURL)

struct ChunkResult: Sendable {
    var tokens = 0
    var counter: TermCounter?
    var hits = 0
    var kwic = 0
    var events: [TemporalEvent] = []
}

let start = DispatchTime.now().uptimeNanoseconds
let chunks = stride(from: 0, to: files.count, by: 64).map { Array(files[$0..<min($0 + 64, files.count)]) }
let matcher = TopicMatcher(lexicon: lexicon)
let tagger = TemporalTagger()
let options = TermOptions(ngrams: 1...3)
let results = chunks.concurrentMap { chunk -> ChunkResult in
    var result = ChunkResult()
    var cache = TopicMatcher.CandidateCache()
    if phase == "terms" || phase == "xlsx-terms" { result.counter = TermCounter(options: options) }
    for file in chunk {
        for document in DocumentReader.read(file).documents {
            let tokenized = TokenizedDocument(document)
            result.tokens += tokenized.tokens.count
            switch phase {
            case "terms", "xlsx-terms":
                result.counter?.add(tokenized)
            case "topics":
                let matches = matcher.matches(in: tokenized, terms: tokenized.terms, cache: &cache)
                result.hits += matches.count
                result.kwic += KeywordInContext.lines(matches, in: tokenized) { _ in "" }.count
            case "timeline":
                result.events += EventBuilder(tagger: tagger).events(tokenized)
            default:
                break
            }
        }
    }
    return result
}
var detail = ""
switch phase {
case "terms", "xlsx-terms":
    var counter = TermCounter(options: options)
    for result in results { if let part = result.counter { counter.merge(part) } }
    let frequencies = TermFrequencies(counter)
    detail = "\(frequencies.rows.count) terms"
    if phase == "xlsx-terms", arguments.count >= 4 {
        try XLSXWriter.write(tables: [AnalysisTables.terms(frequencies)], to: URL(fileURLWithPath: arguments[3]))
        detail += ", written to \(arguments[3])"
    }
case "topics":
    detail = "\(results.reduce(0) { $0 + $1.hits }) hits, \(results.reduce(0) { $0 + $1.kwic }) KWIC lines"
case "timeline":
    detail = "\(Timeline(events: results.flatMap(\.events)).events.count) events"
default:
    detail = "\(results.reduce(0) { $0 + $1.tokens }) tokens"
}
let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
let megabytes = Double(bytes) / 1_048_576
print(String(format: "chancery %-10@ %9.1f MB %8.2f s %8.1f MB/s  peak RSS %7.1f MB  %@",
             phase, megabytes, seconds, megabytes / seconds, Double(usage.ru_maxrss) / 1024, detail))
