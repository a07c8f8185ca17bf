import ChanceryCorpus
import Foundation

// Tokenizer throughput on a folder of documents: reads every file into memory
// first, so the figure is tokenizing alone (no disk), then reads and tokenizes
// whole documents (ingest + sentences + tokens), one core each. The scan and the
// case-fold go through the tokenizer's String entry points (`forEachToken(in:_:)`,
// `terms(in:)`; the byte kernels behind them are `package`): the fold figure
// includes the array of terms.
//
//   swift run -c release TokenizerThroughput /tmp/corpus-50m

let arguments = CommandLine.arguments
guard arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: TokenizerThroughput FOLDER\n".utf8))
    exit(2)
}
let files = try InputFiles.list(arguments[1]).files
var texts: [String] = []
for file in files {
    texts.append(String(decoding: try Data(contentsOf: file.url), as: UTF8.self))
}
let bytes = texts.reduce(0) { $0 + $1.utf8.count }
let megabytes = Double(bytes) / 1_048_576

func seconds(_ work: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

var tokens = 0
let scanTime = seconds {
    for text in texts {
        Tokenizer.forEachToken(in: text) { _, _ in tokens += 1 }
    }
}
print(String(format: "tokenizer scan     %8.1f MB in %6.3f s  %7.1f MB/s  %d tokens", megabytes, scanTime, megabytes / scanTime, tokens))

var folded = 0
let foldTime = seconds {
    for text in texts {
        for term in Tokenizer.terms(in: text) { folded &+= term.utf8.count }
    }
}
print(String(format: "scan + case-fold   %8.1f MB in %6.3f s  %7.1f MB/s", megabytes, foldTime, megabytes / foldTime))

var documentTokens = 0
let documentTime = seconds {
    for result in files.map { DocumentReader.read($0) } {
        for document in result.documents {
            documentTokens += TokenizedDocument(document).tokens.count
        }
    }
}
print(String(format: "read + tokenize    %8.1f MB in %6.3f s  %7.1f MB/s  %d body tokens", megabytes, documentTime, megabytes / documentTime, documentTokens))
