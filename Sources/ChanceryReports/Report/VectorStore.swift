#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ChanceryAnalytics
import Foundation

/// Each document's words and counts, kept in a temporary file instead of memory.
///
/// A gigabyte of cables has some eighty million document × word entries: in
/// memory they would be the largest thing a report holds, yet they are read
/// only twice (ranking each document's words, and `document_terms.csv`). The
/// file is unlinked as soon as it is made, so nothing is left behind whatever
/// happens to the run. When no temporary file can be made or written (a full
/// disk), the entries stay in memory: the report is slower to hold, not wrong.
///
/// Appends come from one thread, before any read; reads (`pread`) may come from
/// several threads at once.
final class VectorStore: @unchecked Sendable {
    typealias Entry = (term: Int32, count: Int32)

    private enum Location {
        case file(offset: Int, count: Int)
        case memory([Entry])
    }

    private var descriptor: Int32 = -1
    /// False once a write failed: what is on disk stays readable, later documents stay in memory.
    private var writable = false
    private var end = 0
    private var locations: [Location] = []
    /// Tokens counted in each document (the denominator of its relative frequencies).
    private(set) var tokens: [Int] = []

    init() {
        var template = Array((NSTemporaryDirectory() + "/chancery-vectors-XXXXXX").utf8CString)
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

    var count: Int { locations.count }

    /// Appends documents' vectors in order.
    func append(_ vectors: [DocumentTermVector]) {
        for vector in vectors {
            tokens.append(vector.tokens)
            locations.append(write(vector.entries) ?? .memory(vector.entries))
        }
    }

    private func write(_ entries: [Entry]) -> Location? {
        guard writable else { return nil }
        let start = end
        let written = entries.withUnsafeBytes { bytes -> Bool in
            var offset = 0
            while offset < bytes.count {
                let count = pwrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset, off_t(start + offset))
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
        guard written else {
            writable = false
            return nil
        }
        end += entries.count * MemoryLayout<Entry>.stride
        return .file(offset: start, count: entries.count)
    }

    /// The entries of document `index`, in the order they were recorded.
    func entries(_ index: Int) -> [Entry] {
        switch locations[index] {
        case let .memory(entries):
            return entries
        case let .file(offset, count):
            guard count > 0 else { return [] }
            return [Entry](unsafeUninitializedCapacity: count) { buffer, initialized in
                // The buffer may be larger than asked for: read exactly this document's entries.
                let raw = UnsafeMutableRawBufferPointer(start: buffer.baseAddress, count: count * MemoryLayout<Entry>.stride)
                var done = 0
                while done < raw.count {
                    let got = pread(descriptor, raw.baseAddress! + done, raw.count - done, off_t(offset + done))
                    if got < 0, errno == EINTR { continue }
                    // The file was written by this process and is not shared: a short read means it is gone.
                    precondition(got > 0, "the temporary file of document vectors could not be read back")
                    done += got
                }
                initialized = count
            }
        }
    }
}
