import ChanceryCorpus
import ChanceryAnalytics

/// Each document's words and counts, kept in a temporary file instead of memory.
///
/// A gigabyte of cables has some eighty million document × word entries: in
/// memory they would be the largest thing a report holds, yet they are read
/// only twice (ranking each document's words, and `document_terms.csv`).
/// Appends come from one thread, before any read; reads may come from several threads at once.
final class VectorStore: @unchecked Sendable {
    typealias Entry = (term: Int32, count: Int32)

    private let records: RecordStore
    /// Tokens counted in each document (the denominator of its relative frequencies).
    private(set) var tokens: [Int] = []

    init(records: RecordStore = RecordStore(holding: "vectors")) {
        self.records = records
    }

    var count: Int { records.count }

    /// Appends documents' vectors in order.
    func append(_ vectors: [DocumentTermVector]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(vectors.reduce(0) { $0 + $1.entries.count } * MemoryLayout<Entry>.stride)
        var ends: [Int] = []
        for vector in vectors {
            tokens.append(vector.tokens)
            vector.entries.withUnsafeBytes { bytes += $0 }
            ends.append(bytes.count)
        }
        records.append(bytes, ends: ends)
    }

    /// The entries of document `index`, in the order they were recorded.
    func entries(_ index: Int) -> [Entry] {
        // Read straight into the result, not through a buffer of bytes.
        let count = records.length(index) / MemoryLayout<Entry>.stride
        return [Entry](unsafeUninitializedCapacity: count) { buffer, initialized in
            records.read(index, into: UnsafeMutableRawBufferPointer(buffer))
            initialized = count
        }
    }
}
