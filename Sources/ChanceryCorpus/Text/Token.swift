/// One word of a document body.
public struct Token: Hashable, Sendable {
    /// UTF-8 offsets of the surface form in the body.
    public var range: Range<Int>
    /// Index of the sentence the token belongs to.
    public var sentence: Int
    /// True when the token lies inside an editorial bracket ("[aid]", "[Kim Il Sung]").
    public var isEditorial: Bool
    /// True when the token has no letters ("1962", "1,197", "106-00645-04").
    public var isNumeric: Bool

    public init(range: Range<Int>, sentence: Int, isEditorial: Bool, isNumeric: Bool) {
        self.range = range
        self.sentence = sentence
        self.isEditorial = isEditorial
        self.isNumeric = isNumeric
    }
}
