/// Interns terms as small integers, keyed by their UTF-8 bytes.
///
/// Counting millions of tokens through `Dictionary<String, Int>` costs a
/// String and a SipHash per token; this table hashes the folded bytes in
/// place (open addressing, linear probing) and stores each distinct term once
/// in a byte arena. Ids are dense and given in order of first appearance.
public struct Vocabulary: Sendable {
    private var arena: [UInt8] = []
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Slots hold id + 1; 0 is empty.
    private var slots: [Int32] = Array(repeating: 0, count: 1024)

    public init() {}

    /// Number of distinct terms.
    public var count: Int { hashes.count }

    /// The id of `term`'s bytes, adding it when new.
    public mutating func intern(_ term: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = Self.hash(term)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while true {
            let stored = slots[slot]
            if stored == 0 { break }
            let id = Int(stored - 1)
            if hashes[id] == hash, equals(id, term) { return Int32(id) }
            slot = (slot + 1) & (slots.count - 1)
        }
        let id = Int32(hashes.count)
        arena.append(contentsOf: term)
        starts.append(arena.count)
        hashes.append(hash)
        slots[slot] = id + 1
        if hashes.count * 2 > slots.count { grow() }
        return id
    }

    /// The id of a term given as a String, adding it when new.
    public mutating func intern(_ term: String) -> Int32 {
        var term = term
        return term.withUTF8 { intern($0) }
    }

    /// The id of `term` if it is known.
    public func id(of term: String) -> Int32? {
        var term = term
        return term.withUTF8 { bytes -> Int32? in
            let hash = Self.hash(bytes)
            var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
            while slots[slot] != 0 {
                let id = Int(slots[slot] - 1)
                if hashes[id] == hash, equals(id, bytes) { return Int32(id) }
                slot = (slot + 1) & (slots.count - 1)
            }
            return nil
        }
    }

    /// The term with this id.
    public func term(_ id: Int32) -> String {
        String(decoding: arena[starts[Int(id)]..<starts[Int(id) + 1]], as: UTF8.self)
    }

    private func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[id], end = starts[id + 1]
        guard end - start == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { arenaBytes in
            memcmpEqual(arenaBytes.baseAddress! + start, bytes.baseAddress, bytes.count)
        }
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: 0, count: slots.count * 2)
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & (bigger.count - 1)
            while bigger[slot] != 0 { slot = (slot + 1) & (bigger.count - 1) }
            bigger[slot] = Int32(id + 1)
        }
        slots = bigger
    }

    /// A fast 64-bit hash of bytes: eight bytes at a time, multiply and fold (not for adversarial keys' sake but speed;
    /// probing stays linear in the worst case, never unsafe).
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ word) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < bytes.count {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 29
        return h
    }
}

/// Byte equality of two buffers of `count` bytes.
@inline(__always)
private func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>?, _ count: Int) -> Bool {
    guard let b else { return count == 0 }
    var i = 0
    while i + 8 <= count {
        if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self) { return false }
        i += 8
    }
    while i < count {
        if a[i] != b[i] { return false }
        i += 1
    }
    return true
}
