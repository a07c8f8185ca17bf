/// A topic as a user names it (`--topic aid`, `--target topic:economy`): the topic itself and every topic nested
/// under it (`economy` stands for `economy.aid` too, `econ` for neither), letters compared without regard to case.
///
/// The one place this rule lives: the timeline's filter, keyness by topic and the CLI's check that a lexicon
/// has the topic (`Lexicon.has(_:)`) all ask `matches(_:)`. It sits with the document model because both the topic
/// analyses and the timeline (ChanceryTime) filter by it.
public struct TopicKey: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The key as given.
    public let name: String
    private let folded: String

    public init(_ name: String) {
        self.name = name
        folded = name.lowercased()
    }

    public init(stringLiteral name: String) { self.init(name) }

    /// Whether `topic` (a lexicon topic's name) is this topic or nested under it.
    public func matches(_ topic: String) -> Bool {
        let topic = topic.lowercased()
        return topic == folded || (topic.hasPrefix(folded) && topic.utf8.dropFirst(folded.utf8.count).first == UInt8(ascii: "."))
    }

    public var description: String { name }
}
