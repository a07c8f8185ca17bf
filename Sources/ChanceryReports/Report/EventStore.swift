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
final class EventStore: @unchecked Sendable {
    private let records: RecordStore
    /// The document (its index in the report) of each event, in the order added.
    private(set) var owners: [Int32] = []
    private var keys: [Timeline.SortKey] = []

    init(records: RecordStore = RecordStore(holding: "events")) {
        self.records = records
    }

    var count: Int { records.count }

    /// Appends a round's events in order, each with its document's index in the report.
    func append(_ events: [TemporalEvent], owners eventOwners: [Int32]) {
        var writer = EventBytes.Writer()
        var ends: [Int] = []
        ends.reserveCapacity(events.count)
        for event in events {
            writer.write(event)
            ends.append(writer.bytes.count)
            keys.append(Timeline.SortKey(event))
        }
        owners += eventOwners
        records.append(writer.bytes, ends: ends)
    }

    /// The events' timeline order (`order[k]`: the record of the k-th event), with ties in the order added;
    /// `documentID` names a document by its index. The sort keys are not needed afterwards and are let go.
    func timelineOrder(documentID: (Int32) -> String) -> [Int32] {
        defer { keys = [] }
        return Timeline.order(of: keys) { documentID(owners[$0]) }.map { Int32($0) }
    }

    /// Event `record`, with its document's id.
    func event(_ record: Int, documentID: String) -> TemporalEvent {
        records.withRecord(record) { bytes in
            var reader = EventBytes.Reader(bytes: bytes)
            return reader.readEvent(documentID: documentID)
        }
    }
}
