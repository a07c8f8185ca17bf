import ChanceryCorpus

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
    /// Slots hold the hash's high 32 bits and id + 1 (low 32 bits); 0 is empty.
    /// Keeping part of the hash in the slot avoids touching the arena for most mismatches.
    private var slots: [UInt64] = Array(repeating: 0, count: 1024)

    public init() {}

    /// Number of distinct terms.
    public var count: Int { hashes.count }

    /// The id of `term`'s bytes, adding it when new.
    public mutating func intern(_ term: UnsafeBufferPointer<UInt8>) -> Int32 {
        var hash = Self.basis
        for byte in term { hash = Self.step(hash, byte) }
        return intern(term, hash: Self.finish(hash, term.count), lowercasing: false)
    }

    /// The id of the lower-cased form of `bytes[range]`, adding it when new.
    ///
    /// ASCII tokens (almost all of them) are hashed while being lower-cased and
    /// compared lower-casing on the fly, without a copy; others go through
    /// `Tokenizer.fold` first.
    public mutating func intern(folding bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, scratch: inout [UInt8]) -> Int32 {
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        var hash = Self.basis
        for byte in slice {
            if byte >= 0x80 {
                Tokenizer.fold(bytes, range, into: &scratch)
                return scratch.withUnsafeBufferPointer { intern($0) }
            }
            hash = Self.step(hash, Self.lower(byte))
        }
        return intern(slice, hash: Self.finish(hash, slice.count), lowercasing: true)
    }

    @inline(__always)
    private static func lower(_ byte: UInt8) -> UInt8 { byte &+ ((byte &- 0x41) < 26 ? 0x20 : 0) }

    /// Looks up (and adds) bytes with a known hash; `lowercasing` compares and stores them lower-cased.
    private mutating func intern(_ term: UnsafeBufferPointer<UInt8>, hash: UInt64, lowercasing: Bool) -> Int32 {
        let tag = hash & 0xFFFF_FFFF_0000_0000
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = slots[slot]
            if stored == 0 { break }
            if stored & 0xFFFF_FFFF_0000_0000 == tag {
                let id = Int(stored & 0xFFFF_FFFF) - 1
                if equals(id, term, lowercasing: lowercasing) { return Int32(id) }
            }
            slot = (slot + 1) & mask
        }
        let id = Int32(hashes.count)
        if lowercasing {
            for byte in term { arena.append(Self.lower(byte)) }
        } else {
            arena.append(contentsOf: term)
        }
        starts.append(arena.count)
        hashes.append(hash)
        slots[slot] = tag | UInt64(id + 1)
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
            var hash = Self.basis
            for byte in bytes { hash = Self.step(hash, byte) }
            hash = Self.finish(hash, bytes.count)
            var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
            while slots[slot] != 0 {
                let id = Int(slots[slot] & 0xFFFF_FFFF) - 1
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

    private func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>, lowercasing: Bool = false) -> Bool {
        let start = starts[id], end = starts[id + 1]
        guard end - start == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { arenaBytes in
            if lowercasing {
                for k in 0..<bytes.count where arenaBytes[start + k] != Self.lower(bytes[k]) { return false }
                return true
            }
            return memcmpEqual(arenaBytes.baseAddress! + start, bytes.baseAddress, bytes.count)
        }
    }

    private mutating func grow() {
        var bigger = [UInt64](repeating: 0, count: slots.count * 2)
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & (bigger.count - 1)
            while bigger[slot] != 0 { slot = (slot + 1) & (bigger.count - 1) }
            bigger[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(id + 1)
        }
        slots = bigger
    }

    /// FNV-1a over the bytes, computed a byte at a time so that it can run while a token is lower-cased,
    /// then mixed (multiply and xor-shift) so that the table's low bits and the slot tag's high bits both vary.
    static var basis: UInt64 { 0xCBF2_9CE4_8422_2325 }

    @inline(__always)
    static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    @inline(__always)
    static func finish(_ hash: UInt64, _ count: Int) -> UInt64 {
        var h = (hash ^ UInt64(count)) &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
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
