import ChanceryAnalytics
import ChanceryCorpus
import Foundation

// Term counting throughput, one core: unigrams and bigrams, no stopwords
// (the same work as baselines/count_terms.py). Files are read one at a time,
// as a stream; peak memory is the process's, measured from outside
// (/usr/bin/time -v), so run one mode per process.
//
//   swift run -c release TermCounting text /tmp/corpus-100m        # raw file text as a body
//   swift run -c release TermCounting documents /tmp/corpus-100m   # full reading: formats, metadata, header/closing
//   swift run -c release TermCounting unigrams /tmp/corpus-100m    # raw text, unigrams only

let arguments = CommandLine.arguments
guard arguments.count == 3, ["text", "documents", "unigrams"].contains(arguments[1]) else {
    FileHandle.standardError.write(Data("usage: TermCounting text|documents|unigrams FOLDER\n".utf8))
    exit(2)
}
let mode = arguments[1]
let files = try InputFiles.list(arguments[2]).files
let options = TermOptions(ngrams: mode == "unigrams" ? 1...1 : 1...2, stopwords: .none)
var counter = TermCounter(options: options)
var bytes = 0

let start = DispatchTime.now().uptimeNanoseconds
for file in files {
    if mode == "documents" {
        let result = DocumentReader.read(file)
        bytes += (try? FileManager.default.attributesOfItem(atPath: file.url.path)[.size] as? Int) ?? 0
        for document in result.documents { counter.add(TokenizedDocument(document)) }
    } else {
        // Read as Chancery reads its inputs: Data(contentsOf:) costs a URL and more per file (26,010 files of the 100 MB
        // corpus, from the page cache: 0.21–0.40 s against 0.14–0.16 s for InputFile.bytes(), three runs).
        let data = try file.bytes()
        bytes += data.count
        let document = Document(id: file.relativePath, file: file.relativePath, format: .plainText, title: "", date: nil,
                                body: String(decoding: data, as: UTF8.self))
        // Words alone need no sentences: the counter scans the body directly (see TermCounter.add(_: Document)).
        if mode == "unigrams" { counter.add(document) } else { counter.add(TokenizedDocument(document)) }
    }
}
let frequencies = TermFrequencies(counter)
let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
let megabytes = Double(bytes) / 1_048_576
print(String(format: "chancery %-9@ %8.1f MB in %6.2f s  %7.1f MB/s  %d tokens  %d distinct terms",
             mode, megabytes, seconds, megabytes / seconds, counter.tokens, frequencies.rows.count))
