#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization

/// Records of bytes kept in a temporary file instead of memory, read back by number.
///
/// What a large report holds for each document or event but reads only when
/// it writes (the words of each document, the events of the timeline) goes
/// here. The file is unlinked as soon as it is made, so nothing is left behind
/// whatever happens to the run. When no temporary file can be made or written
/// (a full disk), later records stay in memory: the report is larger to hold,
/// not wrong.
///
/// Appends may come from several threads at once (the documents being analysed
/// store their KWIC lines and events as they go), each call's records numbered
/// in a row; all appends come before any read, and reads (`pread`) may come from
/// several threads at once.
package final class RecordStore: @unchecked Sendable {
    /// Held while appending.
    private let appending = Mutex(())
    private var descriptor: Int32 = -1
    /// Bytes of the records in the file; records from here on are in `memory`.
    private var fileEnd = 0
    private var writable = false
    private var memory: [UInt8] = []
    /// Record k is bytes `starts[k]..<starts[k + 1]` of the file followed by `memory`.
    private var starts: [Int] = [0]

    /// A store named after what it holds (`vectors`, `events`), for anyone who sees the file before it is unlinked;
    /// its file is made in `folder`.
    package init(holding what: String, in folder: String = NSTemporaryDirectory()) {
        var template = Array((folder + "/chancery-\(what)-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if made >= 0 {
            template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
            descriptor = made
            writable = true
        }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    package var count: Int { starts.count - 1 }

    /// Whether every record so far is on disk.
    package var isOnDisk: Bool { descriptor >= 0 && memory.isEmpty }

    /// Appends records given as one buffer of bytes and where each record ends in it; returns the number of the
    /// first (the others follow it).
    @discardableResult
    package func append(_ bytes: [UInt8], ends: [Int]) -> Int {
        appending.withLock { _ in
            let first = starts.count - 1
            let base = starts[first]
            if writable, memory.isEmpty, write(bytes, at: base) {
                fileEnd += bytes.count
            } else {
                writable = false
                memory += bytes
            }
            for end in ends { starts.append(base + end) }
            return first
        }
    }

    private func write(_ bytes: [UInt8], at start: Int) -> Bool {
        bytes.withUnsafeBytes { bytes -> Bool in
            var offset = 0
            while offset < bytes.count {
                let count = pwrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset, off_t(start + offset))
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
    }

    /// The length in bytes of record `index`.
    package func length(_ index: Int) -> Int { starts[index + 1] - starts[index] }

    /// Copies record `index` into `destination`, which holds `length(index)` bytes or more.
    package func read(_ index: Int, into destination: UnsafeMutableRawBufferPointer) {
        let start = starts[index], count = length(index)
        precondition(destination.count >= count, "a record read into too small a buffer")
        guard count > 0 else { return }
        if start >= fileEnd {
            memory.withUnsafeBytes { destination.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[(start - fileEnd)..<(start - fileEnd + count)])) }
            return
        }
        var done = 0
        while done < count {
            let got = pread(descriptor, destination.baseAddress! + done, count - done, off_t(start + done))
            if got < 0, errno == EINTR { continue }
            // The file was written by this process and is not shared: a short read means it is gone.
            precondition(got > 0, "a temporary file of the report could not be read back")
            done += got
        }
    }

    /// Calls `body` with the bytes of record `index`.
    package func withRecord<Result>(_ index: Int, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        let start = starts[index], end = starts[index + 1]
        if start >= fileEnd {
            return try memory.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[(start - fileEnd)..<(end - fileEnd)])) }
        }
        let bytes = [UInt8](unsafeUninitializedCapacity: end - start) { buffer, initialized in
            read(index, into: UnsafeMutableRawBufferPointer(buffer))
            initialized = end - start
        }
        return try bytes.withUnsafeBytes(body)
    }
}
