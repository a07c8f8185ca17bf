import Foundation

/// The document properties stored in the workbook (File ▸ Properties in Excel).
///
/// `created` is fixed rather than "now", so the same tables give the same
/// bytes on every run: historians cite their outputs, and a file that changes
/// with the clock cannot be checked against a citation.
public struct WorkbookProperties: Sendable, Hashable {
    public var title: String
    public var subject: String
    public var author: String
    public var comments: String
    public var keywords: String
    /// The creation date stored in the file (whole seconds, UTC).
    public var created: Date

    /// 2001-01-01T00:00:00Z, the default creation date: any fixed instant would do.
    ///
    /// libxlsxwriter reads a creation time of 0 (1970-01-01T00:00:00Z) as
    /// "now", so that one instant is written one second later.
    public static let fixedCreationDate = Date(timeIntervalSince1970: 978_307_200)

    public init(
        title: String = "", subject: String = "", author: String = "Chancery",
        comments: String = "", keywords: String = "", created: Date = fixedCreationDate
    ) {
        self.title = title
        self.subject = subject
        self.author = author
        self.comments = comments
        self.keywords = keywords
        self.created = created
    }

    /// Seconds since 1970 as libxlsxwriter stores them, never 0 (which it reads as "now").
    var createdUnixTime: Int {
        let seconds = Int(created.timeIntervalSince1970.rounded(.down))
        return seconds == 0 ? 1 : seconds
    }
}
