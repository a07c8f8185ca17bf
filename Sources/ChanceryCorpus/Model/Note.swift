/// A footnote or source note, kept apart from the body it annotates.
public struct Note: Hashable, Sendable, Codable {
    /// The note's number as printed; FRUS source notes are "0".
    public var number: String
    public var text: String

    public init(number: String, text: String) {
        self.number = number
        self.text = text
    }
}

/// A person the document names, as the edition marks them up.
public struct PersonMention: Hashable, Sendable, Codable {
    /// The edition's identifier for the person (TEI `persName/@corresp`, "#p_RD1"), when it has one.
    public var reference: String?
    /// The name as printed.
    public var name: String

    public init(reference: String?, name: String) {
        self.reference = reference
        self.name = name
    }
}
