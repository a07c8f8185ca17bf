import ChanceryAnalytics
import ChanceryCorpus

/// The KWIC lines of an analysis, kept in a temporary file instead of memory.
///
/// A document's lines are read when `kwic.csv`, the workbook's KWIC sheet and
/// its page are written; a `KWICLine` is some two hundred bytes in memory (three
/// pieces of text on the heap, the document's id and date repeated), and a
/// document dense in topic hits has lines worth twice its text. Here a line is a
/// few bytes of numbers (topic, sentence, offset, the gaps beside the match) and
/// its three pieces of text, in batches of lines of one document (`KWICRecords`),
/// each batch a record of a `RecordStore`: a document being analysed stores them
/// as it makes them, from whichever thread analyses it.
/// The document's id and date are its analysis's when the lines are read back (so a
/// document numbered as a repeat names its lines too), the topic's name the
/// lexicon's.
final class KWICStore: @unchecked Sendable {
    private let records: RecordStore
    /// The lexicon's topic names, by number.
    let topics: [String]

    init(topics: [String], records: RecordStore = RecordStore(holding: "kwic")) {
        self.topics = topics
        self.records = records
    }

    /// Stores a batch of lines in byte form; returns its record. May be called from several threads at once.
    fileprivate func store(_ bytes: [UInt8]) -> Int32 {
        Int32(records.append(bytes, ends: [bytes.count]))
    }

    /// Calls `body` with the lines of the batches, in order, each with the given document id and date; with
    /// `topic` (a topic's number), only that topic's lines.
    fileprivate func forEachLine(_ batches: [Int32], documentID: String, date: HistoricalDate?, topic only: Int?,
                                 _ body: (KWICLine) throws -> Void) rethrows {
        for batch in batches {
            try records.withRecord(Int(batch)) { bytes in
                var reader = EventBytes.Reader(bytes: bytes)
                while reader.position < bytes.count {
                    let topic = reader.integer()
                    guard only == nil || only == topic else {
                        for _ in 0..<3 { reader.position += reader.integer() }
                        for _ in 0..<3 { _ = reader.integer() }
                        continue
                    }
                    let left = reader.string(), match = reader.string(), right = reader.string()
                    let sentenceIndex = reader.integer(), offset = reader.integer(), gaps = reader.integer()
                    try body(KWICLine(documentID: documentID, date: date, topic: topics[topic], left: left, match: match, right: right,
                                      sentenceIndex: sentenceIndex, offset: offset, gapBefore: gaps & 1 != 0, gapAfter: gaps & 2 != 0))
                }
                precondition(reader.position == bytes.count, "the KWIC lines of an analysis's temporary file do not read back whole")
            }
        }
    }
}

/// One document's KWIC lines as its analysis makes them, stored in the analysis's `KWICStore` a batch at a time
/// (a batch is written once it holds `batchBytes`): what the document's analysis keeps of them is the numbers of
/// its batches and which topics have lines.
struct KWICRecords: Sendable {
    let store: KWICStore
    private var writer = EventBytes.Writer()
    /// The records of the batches stored, in order.
    private(set) var batches: [Int32] = []
    /// The topics (by number) that have lines, each once.
    private(set) var topics: [Int32] = []
    private(set) var count = 0
    /// Bytes of lines gathered before they are stored as a batch.
    let batchBytes: Int

    init(store: KWICStore, batchBytes: Int = 1 << 20) {
        self.store = store
        self.batchBytes = batchBytes
    }

    /// Whether every line appended is stored.
    var isFinished: Bool { writer.bytes.isEmpty }

    /// Bytes held in memory for the lines not yet stored and the batches' numbers, for tests that bound it.
    var heldBytes: Int {
        writer.bytes.capacity + batches.capacity * MemoryLayout<Int32>.stride + topics.capacity * MemoryLayout<Int32>.stride
    }

    /// Appends a line of topic number `topic` (its `topic` name is the lexicon's; its document's id and date are
    /// not stored).
    mutating func append(_ line: KWICLine, topic: Int) {
        if !topics.contains(Int32(topic)) { topics.append(Int32(topic)) }
        writer.integer(topic)
        writer.string(line.left)
        writer.string(line.match)
        writer.string(line.right)
        writer.integer(line.sentenceIndex)
        writer.integer(line.offset)
        // Whether whitespace stood before (1) and after (2) the match.
        writer.integer((line.gapBefore ? 1 : 0) | (line.gapAfter ? 2 : 0))
        count += 1
        if writer.bytes.count >= batchBytes { storeBatch(keepingCapacity: true) }
    }

    /// Stores the lines not yet stored; the document's analysis keeps only their batches' numbers.
    mutating func finish() {
        storeBatch(keepingCapacity: false)
    }

    private mutating func storeBatch(keepingCapacity: Bool) {
        if !writer.bytes.isEmpty { batches.append(store.store(writer.bytes)) }
        writer.bytes.removeAll(keepingCapacity: keepingCapacity)
    }

    /// Whether the lines include some of topic `name`.
    func hasLines(topic name: String) -> Bool {
        guard let topic = store.topics.firstIndex(of: name) else { return false }
        return topics.contains(Int32(topic))
    }

    /// Calls `body` with the lines in order, each with the given document id and date; with `topic`, only the
    /// lines of the topic of that name.
    func forEachLine(documentID: String, date: HistoricalDate?, topic name: String? = nil, _ body: (KWICLine) throws -> Void) rethrows {
        precondition(isFinished, "the KWIC lines of a document read before its last batch was stored")
        var only: Int?
        if let name {
            guard let topic = store.topics.firstIndex(of: name), topics.contains(Int32(topic)) else { return }
            only = topic
        }
        try store.forEachLine(batches, documentID: documentID, date: date, topic: only, body)
    }
}
