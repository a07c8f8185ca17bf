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
    /// Where in the document the name is printed.
    public enum Part: String, Hashable, Sendable, Codable {
        case body, title, header, closing, note
    }

    /// The edition's identifier for the person (TEI `persName/@corresp`, "#p_RD1"), when it has one.
    public var reference: String?
    /// The name as printed.
    public var name: String
    /// Where the name is printed: the body, the title, the header (participants, opener), the closing, a footnote.
    public var part: Part
    /// The name the edition's list of persons gives for `reference`, in reading order ("George K.C. Yeh" for
    /// "Yeh, George K.C."), when the volume has such a list and the reference is in it.
    public var listedName: String?

    public init(reference: String?, name: String, part: Part = .body, listedName: String? = nil) {
        self.reference = reference
        self.name = name
        self.part = part
        self.listedName = listedName
    }
}
