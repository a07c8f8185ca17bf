import ChanceryAnalytics
import ChanceryCorpus
import ChanceryPipeline
import ChanceryTime

/// `documents/<slug>.md`: one document's page of notes.
enum DocumentMarkdown {
    static func render(_ report: DocumentAnalysis, topTerms: [DocumentTermRow], keywords: [DocumentKeyword], events: [TemporalEvent]) -> String {
        let page = StringPage()
        do {
            try render(report, topTerms: topTerms, keywords: keywords, eventCount: events.count,
                       forEachEvent: { each in for event in events { try each(event) } }, to: page)
        } catch {
            // Only the page's `write` throws, and appending to a string does not.
            preconditionFailure("a page made in memory failed: \(error)")
        }
        return page.text
    }

    /// The page of `render(_:topTerms:keywords:events:)`, handed to `page` in pieces of `pieceBytes` or so, in order:
    /// a document dense in topic hits and dates has a page larger than its text, and neither the page nor its
    /// KWIC lines and events are held whole (the events are read one at a time by `forEachEvent`, `eventCount` of
    /// them).
    static func render(_ report: DocumentAnalysis, topTerms: [DocumentTermRow], keywords: [DocumentKeyword], eventCount: Int,
                       forEachEvent: ((TemporalEvent) throws -> Void) throws -> Void, to page: some PageOutput,
                       pieceBytes: Int = 1 << 20) throws {
        let e: (String) -> String = { MarkdownText.escape($0) }
        let document = report.document
        let metadata = document.metadata
        var out = "# \(e(document.title.isEmpty ? document.id : document.title))\n\n"
        func handOver() throws {
            try page.write(out)
            out = ""
        }

        var fields: [[String]] = [["Document", MarkdownText.code(document.id)]]
        if let date = document.date {
            fields.append(["Date", "\(date.value.iso) (\(date.value.precision.rawValue); \(date.provenance.rawValue): \"\(e(date.text))\")"])
        } else {
            fields.append(["Date", "undated"])
        }
        let optional: [(String, String?)] = [
            ("Place", metadata.place), ("Original language", metadata.originalLanguage), ("Translator", metadata.translator),
            ("Archive reference", metadata.archiveReference), ("Contents", metadata.contentsKind), ("Number", metadata.number),
            ("Collection", metadata.collection), ("Dateline", metadata.dateline),
        ]
        for (label, value) in optional { if let value { fields.append([label, e(value)]) } }
        if let citation = metadata.citation {
            fields.append(["Citation", e(citation) + (metadata.sourceURL.map { " " + MarkdownText.link("(source)", $0) } ?? "")])
        } else if let url = metadata.sourceURL {
            fields.append(["Source", MarkdownText.link(url, url)])
        }
        fields.append(["File", e(document.file) + " (\(document.format.rawValue))"])
        out += MarkdownText.table(["", ""], fields) + "\n"

        if let summary = metadata.summary { out += "## Summary\n\n\(e(summary))\n\n" }
        if let source = metadata.sourceNote { out += "Source note: \(e(source))\n\n" }

        out += "## Length\n\n"
        out += "\(NumberText.integer(report.tokens)) tokens, \(NumberText.integer(report.types)) types, \(report.sentences) sentences, "
        out += "\(report.paragraphs) paragraphs"
        if !document.header.isEmpty { out += "; \(document.header.count) header lines" }
        if !document.closing.isEmpty { out += "; \(document.closing.count) closing lines" }
        out += ".\n"
        if !document.editorialKinds.isEmpty {
            var kinds: [String: Int] = [:]
            for kind in document.editorialKinds { kinds[kind.rawValue, default: 0] += 1 }
            out += "Editorial brackets: " + kinds.keys.sorted().map { "\($0) \(kinds[$0]!)" }.joined(separator: ", ") + "."
            if document.redactionCount > 0 { out += " **\(document.redactionCount) passages still withheld.**" }
            out += "\n"
        }
        out += "\n"

        if !topTerms.isEmpty || !keywords.isEmpty {
            out += "## Terms\n\n"
            if !topTerms.isEmpty {
                out += "Most frequent: " + topTerms.map { "\(e($0.term)) (\($0.count))" }.joined(separator: ", ") + ".\n\n"
            }
            if !keywords.isEmpty {
                out += "Keywords (highest TF-IDF: frequent here, rare elsewhere): " + keywords.map { e($0.term) }.joined(separator: ", ") + ".\n\n"
            }
        }

        if !report.topicRows.isEmpty {
            out += "## Topics\n\n"
            out += MarkdownText.table(["Topic", "Hits", "per 1k", "Words matched"], report.topicRows.map {
                [e($0.topic), String($0.hits), NumberText.decimal($0.per1k, places: 2), MarkdownText.cell($0.matchedTermsText)]
            }, alignRight: [1, 2]) + "\n"
            for topic in report.topicRows.map(\.topic) where report.hasKWICLines(topic: topic) {
                out += "### \(e(topic))\n\n"
                try report.forEachKWICLine(topic: topic) { line in
                    out += "- \(kwicLine(line)) *(sentence \(line.sentenceNumber))*\n"
                    if out.utf8.count >= pieceBytes { try handOver() }
                }
                out += "\n"
            }
        }

        // The people named in the whole document (`peopleNamed`).
        var people = People()
        for person in report.persons { people.add(person.name) }
        if eventCount > 0 {
            out += "## Dated events\n\n"
            out += "*When* gives what the text says of the date: a bound (\"before 1962-10\"), a part of a period (\"early 1962-12\"), "
            out += "a vague reference placed at the date it is counted from, or a length of time with the dates it runs between.\n\n"
            out += MarkdownText.tableHeader(["When", "Expression", "How dated", "Sentence"])
            try forEachEvent { event in
                out += MarkdownText.tableRow([when(event), MarkdownText.cell(event.expression), event.resolution.rawValue,
                                              MarkdownText.cell(event.sentence.shortened(160))])
                if out.utf8.count >= pieceBytes { try handOver() }
            }
            out += "\n"
        }

        if !people.names.isEmpty {
            out += "## People and organizations named\n\n" + people.names.map(e).joined(separator: "; ") + "\n\n"
        }
        out += "[Back to the corpus summary](../summary.md)\n"
        try page.write(out)
    }

    /// An event's date in words, with what the bare date leaves out (Markdown, escaped): its modifier ("before
    /// 1962-10", "early 1962-12", "spring 1961"), its vagueness ("before 1962-12-07 (vague: “Recently”)": `PAST_REF`
    /// placed at the date it is counted from), its time of day, and for a duration its length and the dates it
    /// runs between ("duration: 50 days, 1962-10-18 to 1962-12-07"). Issue 16: the page showed these as bare dates.
    static func when(_ event: TemporalEvent) -> String {
        // A decade in words ("1950s"), not TIMEX3's "195X".
        let date = event.date.precision == .decade ? String(event.date.iso.dropLast()) + "0s" : event.date.iso
        let quoted = "“" + MarkdownText.cell(event.expression) + "”"
        switch event.kind {
        case .duration:
            let length = event.duration.map(durationText) ?? MarkdownText.cell(event.expression)
            var text = "duration: \(length)"
            if event.isVague { text += " (vague: \(quoted))" }
            if let start = event.impliedStart {
                text += ", \(start.iso) to \(date)"
            } else {
                text += ", up to \(date)"
            }
            return text
        case .set:
            return "recurring (\(MarkdownText.cell(event.value))), from \(date)"
        case .date, .time:
            break
        }
        var text = date
        switch event.modifier {
        case .before?: text = "before " + date
        case .after?: text = "after " + date
        case .start?: text = "early " + date
        case .mid?: text = "mid " + date
        case .end?: text = "late " + date
        case .approximate?: text = "about " + date
        case .spring?: text = "spring " + date
        case .summer?: text = "summer " + date
        case .autumn?: text = "autumn " + date
        case .winter?: text = "winter " + date
        case nil: break
        }
        if event.kind == .time, let time = timeOfDay(event.value) { text += " " + time }
        if event.value == "PAST_REF" {
            text = "before " + text
        } else if event.value == "FUTURE_REF" {
            text = "after " + text
        } else if event.isVague, event.modifier == nil {
            text = "about " + text
        }
        if event.isVague { text += " (vague: \(quoted))" }
        return text
    }

    /// "50 days", "1 year", "some months" (no number given).
    static func durationText(_ duration: TemporalDuration) -> String {
        let unit = duration.unit.rawValue
        guard let amount = duration.amount else { return "some \(unit)s" }
        return amount == 1 ? "1 \(unit)" : "\(amount) \(unit)s"
    }

    /// The time of a TIMEX3 time value in words: "17:00" of `1961-02-25T17:00`, "morning" of `1961-02-25TMO`.
    static func timeOfDay(_ value: String) -> String? {
        guard let t = value.lastIndex(of: "T") else { return nil }
        let time = value[value.index(after: t)...]
        switch time {
        case "MO": return "morning"
        case "AF": return "afternoon"
        case "EV": return "evening"
        case "NI": return "night"
        case "DT": return "daytime"
        default: return time.contains(":") ? String(time) : nil
        }
    }

    /// "left **match** right", with a space beside the match where the body had whitespace and none where it had
    /// none (`trade "on`, `trade"on`, `[self-reliance]`): the line as written, the match in bold.
    static func kwicLine(_ line: KWICLine) -> String {
        MarkdownText.escape(line.left) + (line.gapBefore && !line.left.isEmpty ? " " : "") + "**\(MarkdownText.escape(line.match))**"
            + (line.gapAfter && !line.right.isEmpty ? " " : "") + MarkdownText.escape(line.right)
    }

    /// The people and organizations the document names (`DocumentAnalysis.persons`: the edition's tags, then the
    /// names read in every sentence, not only the dated ones), in order, once each.
    static func peopleNamed(_ report: DocumentAnalysis) -> [String] {
        var people = People()
        for person in report.persons { people.add(person.name) }
        return people.names
    }

    /// Names in order of first appearance, once each (ignoring case).
    struct People {
        private var seen: Set<String> = []
        private(set) var names: [String] = []

        mutating func add(_ name: String) {
            if seen.insert(name.lowercased()).inserted { names.append(name) }
        }
    }
}

/// Where a page goes, a piece at a time, as `DocumentMarkdown` makes it.
protocol PageOutput: AnyObject {
    func write(_ piece: String) throws
}

/// A page made in memory.
final class StringPage: PageOutput {
    private(set) var text = ""

    func write(_ piece: String) {
        text += piece
    }
}
