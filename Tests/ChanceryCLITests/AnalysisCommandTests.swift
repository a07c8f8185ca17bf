import ChanceryTestSupport
import Foundation
import Testing

/// `chancery terms`, `topics` and `kwic`, run as processes on the demo corpus and the seed.
@Suite struct AnalysisCommandTests {
    static var demo: String { TestData.demoCorpus.path }

    static func csvRows(_ text: String) -> [[String]] {
        text.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func termsHelpNamesTheTFIDFVariant() throws {
        let output = try ChanceryProcess.run(["terms", "--help"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("log10"))
        #expect(output.stdout.contains("Juilland"))
    }

    @Test func termsAsCSVHaveTheContractColumns() throws {
        let output = try ChanceryProcess.run(["terms", Self.demo, "--csv", "--ngram", "1-2"])
        #expect(output.status == 0, "\(output.stderr)")
        let rows = Self.csvRows(output.stdout)
        #expect(rows.first == ["term", "n", "count", "per_10k", "doc_freq", "tfidf_max", "dispersion_d"])
        #expect(rows.count > 100)
        #expect(rows.contains { $0.first == "self-reliance" })
        #expect(rows.contains { $0[1] == "2" })
    }

    @Test func keynessOfAYearAgainstTheRest() throws {
        let output = try ChanceryProcess.run(["terms", Self.demo, "--target", "1962", "--json", "--top", "5"])
        #expect(output.status == 0, "\(output.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 5)
        #expect(rows.allSatisfy { $0["group"] as? String == "1962" && ($0["g2"] as? Double ?? 0) > 0 })
        #expect(Set(rows[0].keys) == ["group", "term", "n", "count_target", "count_reference", "g2", "log_ratio", "p_value",
                                      "target_documents", "target_tokens", "reference_documents", "reference_tokens"])
        // Both sides' documents (issue 16): 1962 is two of the demo's 14 documents.
        #expect(rows.allSatisfy { $0["target_documents"] as? Int == 2 && $0["reference_documents"] as? Int == 12 })
        // p-values in one notation, in CSV (every digit) and in the terminal (issue 16).
        let csv = try ChanceryProcess.run(["terms", Self.demo, "--target", "1962", "--csv"])
        // p_value is followed by the four columns of the sides' sizes.
        let pColumn = csv.stdout.split(separator: "\r\n").dropFirst().compactMap { $0.split(separator: ",").dropLast(4).last.map(String.init) }
        #expect(pColumn.count > 5)
        #expect(pColumn.allSatisfy { $0.wholeMatch(of: /[0-9](\.[0-9]{1,16})?e[-+][0-9]{2,3}/) != nil }, "\(pColumn.prefix(3))")
        #expect(pColumn.compactMap(Double.init).count == pColumn.count)
        let table = try ChanceryProcess.run(["terms", Self.demo, "--target", "1962", "--top", "5"])
        let last = table.stdout.split(separator: "\n").dropFirst().prefix(5).compactMap { $0.split(separator: " ").dropLast(4).last.map(String.init) }
        #expect(last.count == 5 && last.allSatisfy { $0.wholeMatch(of: /[0-9]\.[0-9]{2}e[-+][0-9]{2,3}/) != nil }, "\(last)")
    }

    @Test func keynessTargetErrorsAreUsageErrors() throws {
        let output = try ChanceryProcess.run(["terms", Self.demo, "--target", "no-such-document"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("no document with id no-such-document"))
        // A reference folder with nothing to read is named as such, not as "every document is in the target".
        let empty = try TestData.temporaryFolder("chancery-empty-reference")
        defer { try? FileManager.default.removeItem(at: empty) }
        let reference = try ChanceryProcess.run(["terms", Self.demo, "--target", "1962", "--reference", empty.path])
        #expect(reference.status == 2)
        #expect(reference.stderr.contains("--reference \(empty.path): no document could be read"), "\(reference.stderr)")
    }

    @Test func collocatesOfAid() throws {
        let output = try ChanceryProcess.run(["terms", Self.demo, "--collocates", "aid", "--window", "4", "--min-freq", "1", "--csv"])
        #expect(output.status == 0)
        #expect(Self.csvRows(output.stdout).first == ["node", "collocate", "count", "node_freq", "collocate_freq", "log_dice", "mi"])
    }

    @Test func topicsPerYearListEveryTopicEveryYear() throws {
        let output = try ChanceryProcess.run(["topics", Self.demo, "--by", "year", "--csv"])
        #expect(output.status == 0, "\(output.stderr)")
        let rows = Self.csvRows(output.stdout)
        #expect(rows.first == ["year", "topic", "documents", "documents_with_hits", "hits", "tokens", "per_1k"])
        #expect(rows.contains { $0[0] == "1887" && $0[1] == "trade" })
    }

    @Test func aBrokenLexiconIsAUsageErrorNamingThePlace() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lexicon = folder.appendingPathComponent("broken.yml")
        try "aid:\n  - aid\n  - \"*\"\n".write(to: lexicon, atomically: true, encoding: .utf8)
        let output = try ChanceryProcess.run(["topics", Self.demo, "--lexicon", lexicon.path])
        #expect(output.status == 2)
        #expect(output.stderr.contains("broken.yml:3:5: error: topic \"aid\": pattern \"*\""))
    }

    @Test(needsSharedCorpora) func kwicOfTheSeed() throws {
        let output = try ChanceryProcess.run(["kwic", try TestData.shared("seed").path, "self-reliance", "--csv"])
        #expect(output.status == 0)
        let rows = Self.csvRows(output.stdout)
        #expect(rows.first == ["document_id", "date", "date_precision", "topic", "left", "match", "right", "sentence_index"])
        #expect(rows.count == 3)
        #expect(rows.dropFirst().allSatisfy { $0[1] == "1962-12-08" && $0[5].lowercased() == "self-reliance" })
    }

    @Test func keywordsWithoutALexicon() throws {
        let output = try ChanceryProcess.run(["topics", Self.demo, "--keywords", "--per-document", "3", "--csv"])
        #expect(output.status == 0)
        let rows = Self.csvRows(output.stdout)
        #expect(rows.first == ["document_id", "rank", "term", "count", "tfidf"])
        #expect(rows.count > 14)
    }

    /// Keywords of a single document: TF-IDF is 0 for every word and there is no rest for keyness, so the table
    /// is empty and the run says why on stderr and points to `--method frequency`, which ranks the document's own words.
    @Test func keywordsOfOneDocumentSayWhyAndOfferFrequency() throws {
        let document = TestData.demoCorpus.appendingPathComponent("03_petrovsky-pak-credits.txt").path
        for method in ["tfidf", "keyness"] {
            let output = try ChanceryProcess.run(["topics", document, "--keywords", "--method", method, "--csv"])
            #expect(output.status == 0)
            #expect(Self.csvRows(output.stdout).count == 1, "\(method): the header alone")
            #expect(output.stderr.contains("no keywords") && output.stderr.contains("--method frequency"), "\(method): \(output.stderr)")
        }
        let frequency = try ChanceryProcess.run(["topics", document, "--keywords", "--method", "frequency", "--per-document", "3", "--csv"])
        #expect(frequency.status == 0 && !frequency.stderr.contains("no keywords"))
        let rows = Self.csvRows(frequency.stdout)
        #expect(rows.first == ["document_id", "rank", "term", "count", "per_1k"])
        #expect(rows.count == 4)
        // The commonest words of the document, numbers and stopwords left out, as `terms` counts them.
        let terms = Self.csvRows(try ChanceryProcess.run(["terms", document, "--drop-numbers", "--csv"]).stdout)
        #expect(rows.dropFirst().map { $0[2] } == terms.dropFirst().prefix(3).map { $0[0] })
        #expect(rows.dropFirst().map { $0[3] } == terms.dropFirst().prefix(3).map { $0[2] })
        // On the seed cable, a real single document, the same holds.
        if TestData.shouldRunSharedTests {
            let seed = try ChanceryProcess.run(["topics", try TestData.shared("seed").path, "--keywords"])
            #expect(seed.status == 0 && seed.stderr.contains("TF-IDF is 0"))
        }
    }

    /// In the terminal, a KWIC table reads as a concordance: the left context is right-aligned against the match
    /// column (its start cut, not its end, when long), so every keyword stands in one column with its left
    /// neighbour beside it.
    @Test func kwicTableRightAlignsTheLeftContext() throws {
        let table = try ChanceryProcess.run(["kwic", Self.demo, "aid", "--top", "100"])
        let json = try ChanceryProcess.run(["kwic", Self.demo, "aid", "--top", "100", "--json"]).stdout
        let cells = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(table.status == 0)
        let lines = table.stdout.split(separator: "\n").map(String.init)
        let header = try #require(lines.first)
        let match = try #require(header.range(of: "  match")).lowerBound
        let column = header.distance(from: header.startIndex, to: match)
        let rows = lines.dropFirst().filter { !$0.hasPrefix("...") }
        #expect(rows.count == cells.count && cells.count > 20)
        for (line, row) in zip(rows, cells) {
            let text = row["left"] as? String ?? "", match = row["match"] as? String ?? ""
            let left = text.count > 60 ? "…" + String(text.suffix(59)) : text
            #expect(String(line.prefix(column)).hasSuffix(left), "\(line)")
            #expect(String(line.dropFirst(column + 2).prefix(match.count)) == match, "\(line)")
        }
    }
}
