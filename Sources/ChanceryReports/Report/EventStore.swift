import ChanceryAnalytics
import ChanceryCorpus
import ChanceryTime

/// The dated events of a report, kept in a temporary file instead of memory.
///
/// A gigabyte of cables has some three quarters of a million events, each with
/// its sentence: about half a kilobyte apiece in memory, read only when the
/// timeline and the pages are written. Here each event is a record of a few
/// hundred bytes on disk (`RecordStore`); memory keeps only what orders the
/// timeline (`Timeline.SortKey`) and which document each event came from.
///
/// Events are stored without their document's id (the report's document, whose
/// id may yet be numbered as a repeat, names it when the event is read back) and
/// without their expression list, which the report does not keep.
///
/// A document being analysed stores its events as it makes them (`EventRecords`),
/// from whichever thread analyses it: one document's events do not wait in memory,
/// however many it has. They join the timeline, in document order, when its
/// report is merged (`append(_:owner:)`); the records' places in the file, which
/// depend on the order the threads wrote them in, are never shown.
final class EventStore: @unchecked Sendable {
    private let records: RecordStore
    /// The document (its index in the report) of each event, in the order added.
    private(set) var owners: [Int32] = []
    /// The record of each event, in the order added.
    private var recordOf: [Int32] = []
    private var keys: [Timeline.SortKey] = []

    init(records: RecordStore = RecordStore(holding: "events")) {
        self.records = records
    }

    var count: Int { owners.count }

    /// Appends a round's events in order, each with its document's index in the report.
    func append(_ events: [TemporalEvent], owners eventOwners: [Int32]) {
        var batch = EventRecords()
        for event in events { batch.append(event, to: self) }
        batch.finish(in: self)
        keys += batch.keys
        owners += eventOwners
        for range in batch.batches { recordOf += range }
    }

    /// Appends a document's events, stored as it was analysed, as the events of document `owner`.
    func append(_ events: EventRecords, owner: Int32) {
        precondition(events.isFinished, "the events of a document appended before its last batch was stored")
        keys += events.keys
        owners += repeatElement(owner, count: events.keys.count)
        for range in events.batches { recordOf += range }
    }

    /// Stores records already in byte form; returns their numbers. May be called from several threads at once.
    fileprivate func store(_ bytes: [UInt8], ends: [Int]) -> Range<Int32> {
        let first = records.append(bytes, ends: ends)
        return Int32(first)..<Int32(first + ends.count)
    }

    /// The events' timeline order (`order[k]`: the k-th event of the timeline, by its place in the order added),
    /// with ties in the order added; `documentID` names a document by its index. The sort keys are not needed
    /// afterwards and are let go.
    func timelineOrder(documentID: (Int32) -> String) -> [Int32] {
        defer { keys = [] }
        return Timeline.order(of: keys) { documentID(owners[$0]) }.map { Int32($0) }
    }

    /// The event added `index`-th, with its document's id.
    func event(_ index: Int, documentID: String) -> TemporalEvent {
        records.withRecord(Int(recordOf[index])) { bytes in
            var reader = EventBytes.Reader(bytes: bytes)
            return reader.readEvent(documentID: documentID)
        }
    }
}

/// One document's events as its analysis makes them: stored in the report's `EventStore` a batch at a time
/// (a batch is written once it holds `batchBytes`), with their timeline sort keys kept in memory.
///
/// A document dense in dates has as many events as sentences; held as `TemporalEvent`s (about half a kilobyte
/// each) until the document was merged, a 100 MB one's took more memory than its text.
struct EventRecords: Sendable {
    private var writer = EventBytes.Writer()
    /// Where each event of the batch being made ends in `writer.bytes`.
    private var ends: [Int] = []
    /// The sort key of each event, in order.
    private(set) var keys: [Timeline.SortKey] = []
    /// The records of the batches stored, in order.
    private(set) var batches: [Range<Int32>] = []

    /// Bytes of events gathered before they are stored as a batch.
    let batchBytes: Int

    init(batchBytes: Int = 1 << 20) {
        self.batchBytes = batchBytes
    }

    var count: Int { keys.count }

    /// Whether every event appended is stored.
    var isFinished: Bool { ends.isEmpty }

    /// Bytes held in memory for the events not yet stored, for tests that bound it.
    var pendingBytes: Int { writer.bytes.capacity + ends.capacity * MemoryLayout<Int>.stride }

    mutating func append(_ event: TemporalEvent, to store: EventStore) {
        writer.write(event)
        ends.append(writer.bytes.count)
        keys.append(Timeline.SortKey(event))
        if writer.bytes.count >= batchBytes { storeBatch(in: store, keepingCapacity: true) }
    }

    /// Stores the events not yet stored; what is kept in memory is their sort keys (until they join the store's
    /// timeline) and their batches' numbers.
    mutating func finish(in store: EventStore) {
        storeBatch(in: store, keepingCapacity: false)
    }

    private mutating func storeBatch(in store: EventStore, keepingCapacity: Bool) {
        if !ends.isEmpty { batches.append(store.store(writer.bytes, ends: ends)) }
        writer.bytes.removeAll(keepingCapacity: keepingCapacity)
        ends.removeAll(keepingCapacity: keepingCapacity)
    }
}
