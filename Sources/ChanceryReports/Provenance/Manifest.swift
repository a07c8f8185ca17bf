import ChanceryAnalytics
import ChanceryCorpus
import ChanceryPipeline

/// `manifest.json`: what a report was made from and how, so a figure can be cited and checked.
///
/// Written by hand, keys in a fixed order, no timestamps: the same inputs and
/// options give the same bytes.
enum Manifest {
    struct Input {
        var file: String
        var bytes: Int
        var sha256: String
    }

    static func render(_ report: CorpusAnalysis, writing: ReportOptions, version: String, inputs: [Input],
                       outputs: [(file: String, sha256: String)]) -> String {
        let options = report.options
        let q = TableJSON.quote
        var out = "{\n"
        // Reserved once: a corpus of a quarter of a million files has a manifest of tens of megabytes,
        // which growing by doubling (and joining lists of lines) would hold two or three times over.
        out.reserveCapacity(4096 + inputs.reduce(0) { $0 + $1.file.utf8.count + 120 } + outputs.reduce(0) { $0 + $1.file.utf8.count + 110 })
        out += "  \"chancery_version\": \(q(version)),\n"
        out += "  \"command\": [\(writing.command.map(q).joined(separator: ", "))],\n"
        out += "  \"corpus\": \(q(report.root)),\n"
        out += "  \"options\": {\n"
        out += "    \"formats\": [\(writing.formats.sorted().map { q($0.rawValue) }.joined(separator: ", "))],\n"
        out += "    \"editorial_brackets\": \(q(options.editorial.rawValue)),\n"
        out += "    \"ngrams\": [\(options.ngrams.lowerBound), \(options.ngrams.upperBound)],\n"
        out += "    \"minimum_phrase_count\": \(options.minimumNgramCount),\n"
        out += "    \"drop_numbers\": \(options.dropNumbers),\n"
        out += "    \"keyness\": {\"by\": \"year\", \"against\": \"all other documents\", \"measure\": \"G2\", \"correction\": \(q(options.correction.rawValue)), \"keys_per_year\": \(options.keysPerYear), \"p_below\": \(CorpusAnalysis.keyPValueBelow), "
        out += "\"multiple_testing_correction\": \"none\", \"min_count_target\": \(CorpusAnalysis.keyMinimumTargetCount), \"words_only\": true, \"letters_only\": true, "
        out += "\"positive_keys_only\": true, \"caution_below_documents\": \(CorpusAnalysis.keyMinimumDocuments)},\n"
        out += "    \"kwic\": {\"window\": \(options.kwic.window), \"cut_at_sentence\": \(options.kwic.cutAtSentence)},\n"
        out += "    \"keywords_per_document\": \(options.keywordsPerDocument),\n"
        out += "    \"tfidf\": \"count * log10(N / df)\",\n"
        out += "    \"excel_bom\": \(writing.excelBOM)\n"
        out += "  },\n"
        out += "  \"tokenizer\": {\n"
        out += "    \"normalization\": \"Unicode NFC\",\n"
        out += "    \"tokens\": \"runs of letters and digits; inner hyphens, inner apostrophes, digit separators and initialisms join\",\n"
        out += "    \"case_folding\": \"Unicode lower case; typographic apostrophes and hyphens made plain\",\n"
        out += "    \"counted\": \"document bodies; routing headers, signatures and notes are not counted\"\n"
        out += "  },\n"
        let stopwords = options.stopwords.words.sorted().joined(separator: "\n")
        out += "  \"stopwords\": {\"name\": \(q(options.stopwords.name)), \"words\": \(options.stopwords.words.count), \"sha256_of_sorted_words\": \(q(SHA256.hex(Array(stopwords.utf8))))},\n"
        out += "  \"lexicon\": {\"source\": \(q(options.lexicon.source)), \"sha256\": \(q(SHA256.hex(writing.lexiconBytes))), \"topics\": [\(options.lexicon.topics.map { q($0.name) }.joined(separator: ", "))]},\n"
        out += "  \"gazetteer\": {\"events\": \(options.gazetteer.events.count)},\n"
        out += "  \"documents_read\": \(report.documents.count),\n"
        out += "  \"files\": \(inputs.count),\n"
        func problems(_ list: [InputError]) -> String {
            list.map { "{\"file\": \(q($0.file)), \"location\": \(q($0.place)), \"reason\": \(q($0.message)), \"code\": \(q($0.code.rawValue))}" }
                .joined(separator: ", ")
        }
        out += "  \"skipped\": [\(problems(report.skipped))],\n"
        out += "  \"warnings\": [\(problems(ReportTables.warnings(report)))],\n"
        out += "  \"not_read\": [\(problems(report.ignored))],\n"
        out += "  \"inputs\": [\n"
        for (index, input) in inputs.enumerated() {
            out += "    {\"file\": \(q(input.file)), \"bytes\": \(input.bytes), \"sha256\": \(q(input.sha256))}"
            out += index + 1 < inputs.count ? ",\n" : "\n"
        }
        out += "  ],\n"
        out += "  \"outputs\": [\n"
        for (index, output) in outputs.enumerated() {
            out += "    {\"file\": \(q(output.file)), \"sha256\": \(q(output.sha256))}"
            out += index + 1 < outputs.count ? ",\n" : "\n"
        }
        out += "  ]\n"
        out += "}\n"
        return out
    }
}
