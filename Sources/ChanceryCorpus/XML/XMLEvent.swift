/// One attribute of a start tag, with its value decoded and normalized.
public struct XMLAttribute: Sendable, Equatable {
    /// The qualified name as written, e.g. `"xml:id"`.
    public var name: String
    /// The value with references decoded and tab, CR and LF turned into spaces.
    public var value: String

    /// Creates an attribute.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// The part of the name after its prefix: `"id"` for `"xml:id"`.
    public var localName: Substring { XMLName.localName(of: name) }
}

extension Array where Element == XMLAttribute {
    /// The value of the first attribute whose qualified name is `name`, if any.
    public func value(of name: String) -> String? {
        first { $0.name == name }?.value
    }
}

/// Helpers for qualified names; the parser does no namespace resolution.
public enum XMLName {
    /// The part of a qualified name after the first colon, or the whole name.
    public static func localName(of qualifiedName: String) -> Substring {
        let whole = Substring(qualifiedName)
        guard let colon = whole.firstIndex(of: ":") else { return whole }
        return whole[whole.index(after: colon)...]
    }

    /// The part of a qualified name before the first colon, if it has one.
    public static func prefix(of qualifiedName: String) -> Substring? {
        let whole = Substring(qualifiedName)
        guard let colon = whole.firstIndex(of: ":") else { return nil }
        return whole[..<colon]
    }
}

/// One step of a document, as returned by `XMLPullParser.next()`.
public enum XMLEvent: Sendable, Equatable {
    /// A start tag; `name` is the qualified name as written.
    case startElement(name: String, attributes: [XMLAttribute])
    /// An end tag; also emitted right after the start of an empty element.
    case endElement(name: String)
    /// Character data with references decoded and CDATA included; may arrive in pieces.
    case text(String)
}
