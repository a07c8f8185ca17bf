import ChanceryCorpus
import Synchronization

/// Rows of a document-term matrix kept in a temporary file instead of memory (`RecordStore`).
///
/// A gigabyte of cables has some eighty million document × word entries: in
/// memory they would be the largest thing a report holds, yet they are read
/// only twice (ranking each document's words, and `document_terms.csv`).
/// Rows are appended (by the analysis that owns the storage: `append` is not public) before any is read;
/// reads may come from several threads at once.
public final class DiskDocumentTerms: DocumentTermStorage, @unchecked Sendable {
    private let records: RecordStore
    /// Held while appending, so a batch's token counts and its records stay together.
    private let appending = Mutex(())
    /// Tokens counted in each row (the denominator of its relative frequencies).
    private var rowTokens: [Int] = []

    public convenience init() {
        self.init(records: RecordStore(holding: "vectors"))
    }

    package init(records: RecordStore) {
        self.records = records
    }

    public var rowCount: Int { records.count }

    /// Whether every row so far is on disk (a full disk keeps later rows in memory).
    public var isOnDisk: Bool { records.isOnDisk }

    public func tokens(_ row: Int) -> Int { rowTokens[row] }

    /// Appends rows in order (all appends before any read).
    package func append(_ rows: [DocumentTermVector]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(rows.reduce(0) { $0 + $1.entries.count } * MemoryLayout<TermCount>.stride)
        var ends: [Int] = []
        for row in rows {
            row.entries.withUnsafeBytes { bytes += $0 }
            ends.append(bytes.count)
        }
        appending.withLock { _ in
            rowTokens += rows.map(\.tokens)
            records.append(bytes, ends: ends)
        }
    }

    public func entries(_ row: Int) -> [TermCount] {
        // Read straight into the result, not through a buffer of bytes.
        let count = records.length(row) / MemoryLayout<TermCount>.stride
        return [TermCount](unsafeUninitializedCapacity: count) { buffer, initialized in
            records.read(row, into: UnsafeMutableRawBufferPointer(buffer))
            initialized = count
        }
    }
}
