import ChanceryCorpus
import ChanceryYAML
import Foundation
import Yams

/// A named event that documents refer to by name ("the Cuban Missile Crisis", "the Twentieth Congress").
public struct NamedEvent: Hashable, Sendable, Codable {
    public var name: String
    /// The date a mention of the event takes on a timeline, at the precision the gazetteer gives.
    public var date: HistoricalDate
    public var start: HistoricalDate?
    public var end: HistoricalDate?
    /// Names the event goes by in the documents, matched case-insensitively word by word, a leading "the" optional.
    public var aliases: [String]
    /// A family of events a rule recognizes without aliases: `party congress` ("the party congress in Bulgaria", "the 22nd Congress").
    public var series: String?
    /// The event's number in its series (22 for the CPSU's Twenty-Second Congress).
    public var number: Int?
    /// The country the event belongs to.
    public var country: String?
    /// Words that name the country or party in text ("Soviet", "CPSU"), for telling one congress from another.
    public var identifiers: [String]
    /// Where the dates come from.
    public var source: String

    public init(
        name: String, date: HistoricalDate, start: HistoricalDate? = nil, end: HistoricalDate? = nil,
        aliases: [String] = [], series: String? = nil, number: Int? = nil, country: String? = nil,
        identifiers: [String] = [], source: String
    ) {
        self.name = name
        self.date = date
        self.start = start
        self.end = end
        self.aliases = aliases
        self.series = series
        self.number = number
        self.country = country
        self.identifiers = identifiers
        self.source = source
    }
}

/// A list of named events read from YAML: the built-in one (`Corpora/gazetteer/events.yaml`) and any a user adds.
///
/// The format, one mapping per event under `events:`:
///
/// ```yaml
/// events:
///   - name: Cuban Missile Crisis
///     date: 1962-10          # ISO 8601 at the precision a mention takes
///     start: 1962-10-16      # optional
///     end: 1962-10-28        # optional
///     aliases: [Cuban Missile Crisis, Cuba issue, Caribbean crisis]
///     source: "Where the dates come from"
///   - name: Eighth Congress of the Bulgarian Communist Party
///     series: party congress # recognized by rule: "the party congress in Bulgaria", "the Eighth Congress"
///     number: 8
///     country: Bulgaria
///     identifiers: [Bulgaria, Bulgarian]
///     start: 1962-11-05
///     source: "..."
/// ```
///
/// `date` defaults to `start`. Errors name the file, line and column.
public struct EventGazetteer: Sendable {
    public private(set) var events: [NamedEvent]
    /// Alias word sequences by their first word.
    private(set) var aliasIndex: [String: [(terms: [String], event: Int)]] = [:]
    /// Events of a series (index into `events`), by series name.
    private(set) var seriesIndex: [String: [Int]] = [:]

    public init(events: [NamedEvent] = []) {
        self.events = []
        add(events)
    }

    /// The events that ship with Chancery (the text of `Corpora/gazetteer/events.yaml`).
    public static let builtIn: EventGazetteer = {
        do {
            return try EventGazetteer(yaml: BuiltInGazetteer.yaml, file: "events.yaml")
        } catch {
            preconditionFailure("the built-in gazetteer does not parse: \(error)")
        }
    }()

    /// An empty gazetteer: no named events are recognized.
    public static let empty = EventGazetteer()

    /// Reads a gazetteer file: a regular file of at most 10 MB of UTF-8 text (`OptionFile`).
    public init(contentsOf url: URL) throws(GazetteerError) {
        let text: String
        do {
            text = try OptionFile.text(url.path, kind: "gazetteer")
        } catch {
            throw GazetteerError(file: error.file, line: error.line, column: error.column, message: error.message)
        }
        try self.init(yaml: text, file: url.lastPathComponent)
    }

    /// Parses gazetteer YAML; `file` names it in errors.
    public init(yaml: String, file: String = "<gazetteer>") throws(GazetteerError) {
        self.events = []
        add(try GazetteerParser(yaml: yaml, file: file).events())
    }

    /// This gazetteer with `other`'s events added after its own.
    public func merging(_ other: EventGazetteer) -> EventGazetteer {
        var merged = self
        merged.add(other.events)
        return merged
    }

    private mutating func add(_ new: [NamedEvent]) {
        for event in new {
            let index = events.count
            events.append(event)
            for alias in event.aliases {
                var terms = Tokenizer.terms(in: alias)
                if terms.first == "the", terms.count > 1 { terms.removeFirst() }
                guard let first = terms.first else { continue }
                aliasIndex[first, default: []].append((terms, index))
            }
            if let series = event.series { seriesIndex[series, default: []].append(index) }
        }
        for key in aliasIndex.keys { aliasIndex[key]?.sort { $0.terms.count > $1.terms.count } }
    }

    /// Words that can start an alias: the tagger's triggers for named events.
    var firstWords: Set<String> { Set(aliasIndex.keys) }

    /// Events of a series ("party congress") with the given number and country words, nearest before `reference`.
    func seriesEvents(_ series: String) -> [NamedEvent] {
        (seriesIndex[series] ?? []).map { events[$0] }
    }
}

/// A gazetteer file that cannot be read: where and why.
public struct GazetteerError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int?, column: Int?, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `events.yaml:12:11: error: date "1962-02-31" does not exist ...`
    public var description: String { OptionFileError.describe(file: file, line: line, column: column, message: message) }
}

/// Reads the YAML node tree and checks every field, pointing at the offending node.
private struct GazetteerParser {
    let yaml: String
    let file: String

    func error(_ node: Node?, _ message: String) -> GazetteerError {
        GazetteerError(file: file, line: node?.mark?.line, column: node?.mark?.column, message: message)
    }

    func events() throws(GazetteerError) -> [NamedEvent] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let yamlError as YamlError {
            switch yamlError {
            case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
                throw GazetteerError(file: file, line: mark.line, column: mark.column, message: "not valid YAML: \(problem)")
            case let .duplicatedKeysInMapping(duplicates, context):
                let key = duplicates.first ?? "?"
                let place = YAMLChecks.repeatedKeyPlace(in: yaml, key: key, first: context.mark)
                throw GazetteerError(file: file, line: place?.line ?? context.mark.line, column: place?.column ?? context.mark.column,
                                     message: "the key \"\(key)\" appears twice in one mapping (first at line \(context.mark.line))")
            default:
                throw GazetteerError(file: file, line: nil, column: nil, message: "not valid YAML: \(yamlError)")
            }
        } catch {
            throw GazetteerError(file: file, line: nil, column: nil, message: "not valid YAML: \(error)")
        }
        guard let root else { return [] }
        if let node = YAMLChecks.nodePastLimit(root, limit: OptionFile.maximumBytes) {
            throw error(node, YAMLChecks.tooLargeMessage("gazetteer", limit: OptionFile.maximumBytes))
        }
        guard let mapping = root.mapping, let list = mapping["events"] else {
            throw self.error(root, "expected a mapping with an `events:` list at the top")
        }
        guard let sequence = list.sequence else { throw self.error(list, "`events` must be a list of events") }
        var events: [NamedEvent] = []
        var names: Set<String> = []
        for item in sequence {
            let event = try self.event(item)
            guard names.insert(event.name).inserted else { throw self.error(item, "event \"\(event.name)\" is listed twice") }
            events.append(event)
        }
        return events
    }

    private static let keys: Set<String> = ["name", "date", "start", "end", "aliases", "series", "number", "country", "identifiers", "source"]

    private func event(_ node: Node) throws(GazetteerError) -> NamedEvent {
        guard let mapping = node.mapping else { throw error(node, "an event must be a mapping with `name`, `date` or `start`, and `source`") }
        for (key, _) in mapping {
            guard let name = key.string, Self.keys.contains(name) else {
                throw error(key, "unknown field \"\(key.string ?? "?")\"; the fields are \(Self.keys.sorted().joined(separator: ", "))")
            }
        }
        guard let name = mapping["name"]?.string, !name.isEmpty else { throw error(node, "an event needs a `name`") }
        let start = try date(mapping["start"], field: "start")
        let end = try date(mapping["end"], field: "end")
        guard let date = try date(mapping["date"], field: "date") ?? start else {
            throw error(node, "event \"\(name)\" needs a `date` or a `start`")
        }
        if let start, let end, end < start { throw error(mapping["end"], "event \"\(name)\" ends (\(end)) before it starts (\(start))") }
        guard let source = mapping["source"]?.string, !source.isEmpty else {
            throw error(node, "event \"\(name)\" needs a `source` saying where its dates come from")
        }
        let aliases = try strings(mapping["aliases"], field: "aliases")
        let series = mapping["series"]?.string
        if aliases.isEmpty, series == nil { throw error(node, "event \"\(name)\" needs `aliases` (or a `series` such as `party congress`)") }
        var number: Int?
        if let node = mapping["number"] {
            guard let value = node.string.flatMap(Int.init), value > 0 else { throw error(node, "`number` must be a positive whole number") }
            number = value
        }
        return NamedEvent(
            name: name, date: date, start: start, end: end, aliases: aliases, series: series, number: number,
            country: mapping["country"]?.string, identifiers: try strings(mapping["identifiers"], field: "identifiers"),
            source: source
        )
    }

    private func date(_ node: Node?, field: String) throws(GazetteerError) -> HistoricalDate? {
        guard let node else { return nil }
        guard let text = node.string else { throw error(node, "`\(field)` must be an ISO 8601 date such as 1962-10-16, 1962-10 or 1962") }
        if let date = HistoricalDate(iso: text) { return date }
        // Say why a well-formed date does not exist, rather than only that it did not parse.
        let parts = text.split(separator: "-").compactMap { Int($0) }
        if parts.count == 3 {
            do {
                _ = try HistoricalDate(year: parts[0], month: parts[1], day: parts[2])
            } catch {
                throw self.error(node, "date \"\(text)\" does not exist: \(error)")
            }
        }
        throw error(node, "`\(field)` \"\(text)\" is not an ISO 8601 date such as 1962-10-16, 1962-10 or 1962")
    }

    private func strings(_ node: Node?, field: String) throws(GazetteerError) -> [String] {
        guard let node else { return [] }
        if let single = node.scalar { return [single.string] }
        guard let sequence = node.sequence else { throw error(node, "`\(field)` must be a list of names") }
        var result: [String] = []
        for item in sequence {
            guard let text = item.string, !text.isEmpty else { throw error(item, "`\(field)` must list names as text") }
            result.append(text)
        }
        return result
    }
}
