import ChanceryCorpus

/// Interns terms as small integers, keyed by their UTF-8 bytes.
///
/// Counting millions of tokens through `Dictionary<String, Int>` costs a
/// String and a SipHash per token. This table (open addressing, linear
/// probing) instead hashes a token's bytes eight at a time while lower-casing
/// them in place, and keeps each term's first eight bytes, its length and part
/// of its hash in a 16-byte slot: most tokens are words of eight bytes or
/// fewer, found by one slot. Bytes 9–16 sit in an array by id (frequent terms
/// have low ids, so theirs are close together), and only longer terms are
/// compared with the arena where the terms are stored. Ids are dense and given
/// in order of first appearance.
public struct Vocabulary: Sendable {
    /// One slot of the table: the term's first eight bytes (zero-padded), a hash tag with the length, and id + 1
    /// (0 = empty). Terms of eight bytes or fewer, most tokens, are told apart by their slot alone.
    struct Slot: Sendable {
        var prefix: UInt64 = 0
        var tagAndLength: UInt32 = 0
        var idPlusOne: UInt32 = 0
    }

    private var arena: [UInt8] = []
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Bytes 9–16 of each term (zero-padded), by id: frequent terms come first, close together.
    private var prefixes2: [UInt64] = []
    private var slots = [Slot](repeating: Slot(), count: 1024)

    public init() {}

    /// Number of distinct terms.
    public var count: Int { hashes.count }

    /// The id of `term`'s bytes, adding it when new (`intern(_: String)` for a library user).
    package mutating func intern(_ term: UnsafeBufferPointer<UInt8>) -> Int32 {
        // Without the ASCII-only check a key is always made.
        let key = Self.key(term, lowercasing: false, readableEnd: term.count)!
        return intern(term, key: key, lowercasing: false)
    }

    /// The id of the lower-cased form of `bytes[range]`, adding it when new.
    ///
    /// ASCII tokens (almost all of them) are lower-cased eight bytes at a time
    /// while they are hashed, without a copy; others go through
    /// `Tokenizer.fold` first.
    package mutating func intern(folding bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, scratch: inout [UInt8]) -> Int32 {
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        // Reading whole words past the token is safe up to the end of the body buffer.
        guard let key = Self.asciiKey(slice, readableEnd: bytes.count - range.lowerBound) else {
            Tokenizer.fold(bytes, range, into: &scratch)
            return scratch.withUnsafeBufferPointer { intern($0) }
        }
        return intern(slice, key: key, lowercasing: true)
    }

    /// The ids of the lower-cased forms of a text's tokens, as `intern(folding:_:scratch:)` gives them one by one,
    /// in `ids` (emptied first).
    ///
    /// Known ASCII terms, almost every token, are found with the table held once for the run of them; a new term
    /// or one with other scalars leaves the run to be added or folded.
    package mutating func intern(folding bytes: UnsafeBufferPointer<UInt8>, _ spans: UnsafeBufferPointer<Tokenizer.Span>,
                                 into ids: inout [Int32], scratch: inout [UInt8]) {
        ids.removeAll(keepingCapacity: true)
        ids.append(contentsOf: repeatElement(0, count: spans.count))
        var next = 0
        while next < spans.count {
            next = ids.withUnsafeMutableBufferPointer { ids in
                slots.withUnsafeBufferPointer { slots in
                    prefixes2.withUnsafeBufferPointer { prefixes2 in
                        var k = next
                        while k < spans.count {
                            let range = spans[k].range
                            let term = UnsafeBufferPointer(rebasing: bytes[range])
                            guard let key = Self.asciiKey(term, readableEnd: bytes.count - range.lowerBound),
                                  let id = find(term, key: key, lowercasing: true, slots: slots, prefixes2: prefixes2).id
                            else { break }
                            ids[k] = id
                            k += 1
                        }
                        return k
                    }
                }
            }
            guard next < spans.count else { break }
            ids[next] = intern(folding: bytes, spans[next].range, scratch: &scratch)
            next += 1
        }
    }

    /// A term's hash and first sixteen bytes, as the table compares them.
    struct Key {
        var hash: UInt64
        var prefix: UInt64
        var prefix2: UInt64
    }

    /// Terms up to this many bytes are told apart by their slot alone.
    static let slotPrefixBytes = 8

    /// Terms up to this many bytes are told apart without the arena: by the slot and their bytes 9–16 in `prefixes2`.
    static let slotBytes = 16

    /// Key of ASCII bytes lower-cased, or nil when a byte is not ASCII.
    @inline(__always)
    static func asciiKey(_ term: UnsafeBufferPointer<UInt8>, readableEnd: Int) -> Key? {
        key(term, lowercasing: true, asciiOnly: true, readableEnd: readableEnd)
    }

    /// Key of bytes taken as they are (already folded), or lower-cased ASCII when `lowercasing`;
    /// nil when `asciiOnly` and a byte is not ASCII.
    ///
    /// The hash mixes the first two words (zero-padded) of every term, then any further ones: most terms are
    /// sixteen bytes or shorter and, read where a whole sixteen bytes can be, are hashed without a loop or branch.
    @inline(__always)
    static func key(_ term: UnsafeBufferPointer<UInt8>, lowercasing: Bool, asciiOnly: Bool = false, readableEnd: Int) -> Key? {
        let count = term.count
        var prefix: UInt64 = 0
        var prefix2: UInt64 = 0
        if let base = term.baseAddress {
            if count <= slotBytes, readableEnd >= slotBytes {
                prefix = UnsafeRawPointer(base).loadUnaligned(as: UInt64.self) & lowBytes(count)
                prefix2 = UnsafeRawPointer(base + 8).loadUnaligned(as: UInt64.self) & lowBytes(count - 8)
            } else {
                prefix = load(base, available: count, readable: readableEnd)
                if count > 8 { prefix2 = load(base + 8, available: count - 8, readable: readableEnd - 8) }
            }
        }
        if asciiOnly, (prefix | prefix2) & 0x8080_8080_8080_8080 != 0 { return nil }
        if lowercasing {
            prefix = ASCII.lowercased(prefix)
            prefix2 = ASCII.lowercased(prefix2)
        }
        var hash = mix(mix(seed, prefix), prefix2)
        var offset = slotBytes
        while offset < count, let base = term.baseAddress {
            var word = load(base + offset, available: count - offset, readable: readableEnd - offset)
            if asciiOnly, word & 0x8080_8080_8080_8080 != 0 { return nil }
            if lowercasing { word = ASCII.lowercased(word) }
            hash = mix(hash, word)
            offset += 8
        }
        return Key(hash: finish(hash, count), prefix: prefix, prefix2: prefix2)
    }

    /// A mask of the low `count` bytes of a word (none for zero or less, all for eight or more).
    @inline(__always)
    private static func lowBytes(_ count: Int) -> UInt64 {
        UInt64.max >> UInt64(64 - 8 * min(max(count, 0), 8))
    }

    /// Up to eight bytes little-endian, zero beyond `available`; a whole word is read when `readable` allows.
    @inline(__always)
    private static func load(_ pointer: UnsafePointer<UInt8>, available: Int, readable: Int) -> UInt64 {
        if readable >= 8 {
            let word = UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self)
            return word & lowBytes(available)
        }
        var word: UInt64 = 0
        for k in 0..<min(available, 8) { word |= UInt64(pointer[k]) << UInt64(k * 8) }
        return word
    }

    private static var seed: UInt64 { 0x9E37_79B9_7F4A_7C15 }

    @inline(__always)
    private static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        var h = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 29
        return h
    }

    @inline(__always)
    private static func finish(_ hash: UInt64, _ count: Int) -> UInt64 {
        var h = (hash ^ UInt64(count)) &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 32
        return h
    }

    /// Looks up (and adds) a term with its key; `lowercasing` compares and stores ASCII lower-cased.
    ///
    /// There is no cache in front of the table: the slots of frequent words stay in the processor's
    /// caches by themselves, and a two-way cache of 4,096 entries made counting 11 % slower, not faster
    /// (in-memory counting of the 100 MB benchmark corpus: 0.854 → 0.762 s without it, best of five).
    private mutating func intern(_ term: UnsafeBufferPointer<UInt8>, key: Key, lowercasing: Bool) -> Int32 {
        let (found, slot) = find(term, key: key, lowercasing: lowercasing)
        if let found { return found }
        let id = Int32(hashes.count)
        if lowercasing {
            for byte in term { arena.append(ASCII.lowercased(byte)) }
        } else {
            arena.append(contentsOf: term)
        }
        starts.append(arena.count)
        hashes.append(key.hash)
        prefixes2.append(key.prefix2)
        slots[slot] = Slot(prefix: key.prefix, tagAndLength: Self.tagAndLength(key.hash, term.count), idPlusOne: UInt32(id + 1))
        if hashes.count * 2 > slots.count { grow() }
        return id
    }

    /// The id of a term with this key if the table holds it, and the slot where it is (or would go).
    @inline(__always)
    private func find(_ term: UnsafeBufferPointer<UInt8>, key: Key, lowercasing: Bool) -> (id: Int32?, slot: Int) {
        slots.withUnsafeBufferPointer { slots in
            prefixes2.withUnsafeBufferPointer { prefixes2 in
                find(term, key: key, lowercasing: lowercasing, slots: slots, prefixes2: prefixes2)
            }
        }
    }

    /// `find(_:key:lowercasing:)` with the table's storage in hand.
    @inline(__always)
    private func find(_ term: UnsafeBufferPointer<UInt8>, key: Key, lowercasing: Bool,
                      slots: UnsafeBufferPointer<Slot>, prefixes2: UnsafeBufferPointer<UInt64>) -> (id: Int32?, slot: Int) {
        let tag = Self.tagAndLength(key.hash, term.count)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: key.hash) & mask
        while true {
            let stored = slots[slot]
            if stored.idPlusOne == 0 { return (nil, slot) }
            if stored.tagAndLength == tag, stored.prefix == key.prefix {
                let id = Int(stored.idPlusOne) - 1
                if term.count <= Self.slotPrefixBytes
                    || prefixes2[id] == key.prefix2 && (term.count <= Self.slotBytes || restMatches(id, term, lowercasing: lowercasing)) {
                    return (Int32(id), slot)
                }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The tag stored beside a slot's prefix: high hash bits, and the length (capped at 255) in the low byte.
    @inline(__always)
    private static func tagAndLength(_ hash: UInt64, _ count: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: hash >> 40) << 8 | UInt32(min(count, 255))
    }

    /// Whether the bytes after the sixteenth equal the stored term's (lengths already agree up to 255).
    private func restMatches(_ id: Int, _ term: UnsafeBufferPointer<UInt8>, lowercasing: Bool) -> Bool {
        let start = starts[id], end = starts[id + 1]
        guard end - start == term.count else { return false }
        return arena.withUnsafeBufferPointer { arena in
            for k in Self.slotBytes..<term.count {
                let byte = lowercasing ? ASCII.lowercased(term[k]) : term[k]
                if arena[start + k] != byte { return false }
            }
            return true
        }
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
            guard let key = Self.key(bytes, lowercasing: false, readableEnd: bytes.count) else { return nil }
            return find(bytes, key: key, lowercasing: false).id
        }
    }

    /// The term with this id.
    public func term(_ id: Int32) -> String {
        String(decoding: arena[starts[Int(id)]..<starts[Int(id) + 1]], as: UTF8.self)
    }

    private mutating func grow() {
        var bigger = [Slot](repeating: Slot(), count: slots.count * 2)
        let mask = bigger.count - 1
        for old in slots where old.idPlusOne != 0 {
            var slot = Int(truncatingIfNeeded: hashes[Int(old.idPlusOne) - 1]) & mask
            while bigger[slot].idPlusOne != 0 { slot = (slot + 1) & mask }
            bigger[slot] = old
        }
        slots = bigger
    }
}
