import ChanceryCorpus
import ChanceryYAML
import Foundation
import Yams

/// A topic lexicon: named topics, each with patterns, read from a quanteda YAML dictionary.
///
/// The format is quanteda's `dictionary(file = ..., format = "YAML")`: a
/// mapping from topic keys to lists of patterns; a key may hold another
/// mapping, whose keys become `parent.child` topics. A single pattern may be
/// written without a list.
///
/// ```yaml
/// aid:
///   - gratis assistance
///   - aid
///   - credit*
/// trade:
///   talks: [trade talks, trade negotiations]
///   agreements: [trade agreement*, barter]
/// ```
public struct Lexicon: Sendable, Hashable {
    public struct Topic: Sendable, Hashable {
        public var name: String
        public var patterns: [LexiconPattern]

        public init(name: String, patterns: [LexiconPattern]) {
            self.name = name
            self.patterns = patterns
        }
    }

    /// Topics in the order the file gives them.
    public var topics: [Topic]
    /// Where the lexicon came from (a file name), for reports.
    public var source: String

    public init(topics: [Topic], source: String) {
        self.topics = topics
        self.source = source
    }

    /// Reads a lexicon file; errors name the file, line, column, topic and pattern.
    ///
    /// The file is read as an option file (`OptionFile`): a regular file of at most 10 MB of UTF-8 text; an
    /// error says where text that is not UTF-8 starts and how to convert it.
    public init(contentsOf url: URL) throws(LexiconError) {
        let text: String
        do {
            text = try OptionFile.text(url.path, kind: "lexicon")
        } catch {
            throw LexiconError(file: error.file, line: error.line, column: error.column, message: error.message)
        }
        try self.init(yaml: text, source: url.path)
    }

    /// Reads a lexicon from YAML text.
    public init(yaml: String, source: String) throws(LexiconError) {
        self.source = source
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw LexiconError(yaml: error, file: source, text: yaml)
        } catch {
            throw LexiconError(file: source, line: nil, column: nil, message: "\(error)")
        }
        if let root, let node = YAMLChecks.nodePastLimit(root, limit: OptionFile.maximumBytes) {
            throw LexiconError(file: source, line: node.mark?.line, column: node.mark?.column,
                               message: YAMLChecks.tooLargeMessage("lexicon", limit: OptionFile.maximumBytes))
        }
        guard let root, let mapping = root.mapping else {
            throw LexiconError(file: source, line: root?.mark?.line, column: root?.mark?.column,
                               message: "a lexicon is a mapping from topic names to lists of patterns")
        }
        var topics: [Topic] = []
        try Self.collect(mapping, prefix: "", source: source, into: &topics)
        guard !topics.isEmpty else {
            throw LexiconError(file: source, line: nil, column: nil, message: "the lexicon has no topics")
        }
        self.topics = topics
    }

    private static func collect(_ mapping: Node.Mapping, prefix: String, source: String, into topics: inout [Topic]) throws(LexiconError) {
        var seen: Set<String> = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.string, !key.trimmingWhitespace.isEmpty else {
                throw LexiconError(file: source, line: keyNode.mark?.line, column: keyNode.mark?.column, message: "a topic name must be text")
            }
            let name = prefix + key.trimmingWhitespace
            guard seen.insert(name).inserted else {
                throw LexiconError(file: source, line: keyNode.mark?.line, column: keyNode.mark?.column, topic: name, message: "topic \"\(name)\" appears twice")
            }
            switch value {
            case let .mapping(nested):
                try collect(nested, prefix: name + ".", source: source, into: &topics)
            case let .sequence(list):
                var patterns: [LexiconPattern] = []
                for item in list {
                    patterns.append(try pattern(item, topic: name, source: source))
                }
                guard !patterns.isEmpty else {
                    throw LexiconError(file: source, line: value.mark?.line, column: value.mark?.column, topic: name, message: "topic \"\(name)\" has no patterns")
                }
                topics.append(Topic(name: name, patterns: patterns))
            case .scalar:
                topics.append(Topic(name: name, patterns: [try pattern(value, topic: name, source: source)]))
            case .alias:
                throw LexiconError(file: source, line: value.mark?.line, column: value.mark?.column, topic: name, message: "aliases are not supported in lexicons")
            }
        }
    }

    private static func pattern(_ node: Node, topic: String, source: String) throws(LexiconError) -> LexiconPattern {
        guard let text = node.scalar?.string else {
            throw LexiconError(file: source, line: node.mark?.line, column: node.mark?.column, topic: topic,
                               message: "topic \"\(topic)\": each pattern must be text, not a list or mapping")
        }
        do {
            return try LexiconPattern(text)
        } catch {
            // A pattern refused for its length is shown by its start.
            let shown = text.unicodeScalars.count > 60 ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(59))) + "…" : text
            throw LexiconError(file: source, line: node.mark?.line, column: node.mark?.column, topic: topic, pattern: text,
                               message: "topic \"\(topic)\": pattern \"\(shown)\": \(error)")
        }
    }
}

/// A lexicon that cannot be used, with the place in its file.
public struct LexiconError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var topic: String?
    public var pattern: String?
    public var message: String

    public init(file: String, line: Int?, column: Int?, topic: String? = nil, pattern: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.topic = topic
        self.pattern = pattern
        self.message = message
    }

    init(yaml error: YamlError, file: String, text yaml: String = "") {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _):
            let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            self.init(file: file, line: mark.line, column: mark.column, message: "YAML syntax: \(text)")
        case let .duplicatedKeysInMapping(duplicates, context):
            // Yams points at the key's first place; the mistake is the repeat.
            let key = duplicates.first ?? "?"
            let first = context.mark
            let place = YAMLChecks.repeatedKeyPlace(in: yaml, key: key, first: first)
            self.init(file: file, line: place?.line ?? first.line, column: place?.column ?? first.column,
                      message: "the key \"\(key)\" appears twice in one mapping (first at line \(first.line)); topic names must be unique")
        case let .composer(context, problem, mark, _):
            let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            self.init(file: file, line: mark.line, column: mark.column, message: "YAML: \(text)")
        default:
            self.init(file: file, line: nil, column: nil, message: "YAML: \(error)")
        }
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): error: \(message)"
    }
}

extension Lexicon {
    /// Whether some topic of the lexicon is `key` or nested under it.
    public func has(_ key: TopicKey) -> Bool {
        topics.contains { key.matches($0.name) }
    }
}
