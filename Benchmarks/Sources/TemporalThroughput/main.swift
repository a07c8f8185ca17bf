import ChanceryAnalytics
import ChanceryCorpus
import ChanceryTime
import Foundation

// Temporal tagging throughput on a folder of documents, against tokenization
// of the same bodies. Documents are read and parsed first (not timed); then,
// one core each: the tokenizer's byte scan alone, TokenizedDocument
// (sentences + tokens, the tagger's input), and tagging those tokenized
// documents. MB are the bodies' UTF-8 bytes.
//
//   swift run -c release TemporalThroughput /tmp/corpus-100m

let arguments = CommandLine.arguments
guard arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: TemporalThroughput FOLDER\n".utf8))
    exit(2)
}
let files = try InputFiles.list(arguments[1]).files
let documents = files.map(DocumentReader.read).flatMap(\.documents)
let bytes = documents.reduce(0) { $0 + $1.body.utf8.count }
let megabytes = Double(bytes) / 1_048_576

func seconds(_ work: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

var scanned = 0
let scanTime = seconds {
    for document in documents {
        Tokenizer.forEachToken(in: document.body) { _, _ in scanned += 1 }
    }
}
print(String(format: "tokenizer scan       %8.1f MB in %6.3f s  %7.1f MB/s  %d tokens", megabytes, scanTime, megabytes / scanTime, scanned))

var tokenized: [TokenizedDocument] = []
tokenized.reserveCapacity(documents.count)
let tokenizeTime = seconds {
    for document in documents { tokenized.append(TokenizedDocument(document)) }
}
print(String(format: "TokenizedDocument    %8.1f MB in %6.3f s  %7.1f MB/s", megabytes, tokenizeTime, megabytes / tokenizeTime))

let tagger = TemporalTagger()
var expressions = 0
let tagTime = seconds {
    for document in tokenized { expressions += tagger.tag(document).expressions.count }
}
print(String(format: "temporal tagging     %8.1f MB in %6.3f s  %7.1f MB/s  %d expressions", megabytes, tagTime, megabytes / tagTime, expressions))
print(String(format: "tagging / TokenizedDocument time: %.2f; tagging / scan time: %.2f", tagTime / tokenizeTime, tagTime / scanTime))

let builder = EventBuilder(tagger: tagger)
var events = 0
let eventTime = seconds {
    for document in tokenized { events += builder.events(document).count }
}
print(String(format: "tagging + events     %8.1f MB in %6.3f s  %7.1f MB/s  %d events", megabytes, eventTime, megabytes / eventTime, events))
