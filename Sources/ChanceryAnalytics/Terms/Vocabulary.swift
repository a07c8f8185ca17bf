import ChanceryCorpus

/// Interns terms as small integers, keyed by their UTF-8 bytes.
///
/// Counting millions of tokens through `Dictionary<String, Int>` costs a
/// String and a SipHash per token. This table (open addressing, linear
/// probing) instead hashes a token's bytes eight at a time while lower-casing
/// them in place, and keeps each term's first sixteen bytes, its length and
/// part of its hash in the slot itself: almost all terms are sixteen bytes or
/// shorter, so a lookup touches one slot and never the arena where the terms
/// are stored. Ids are dense and given in order of first appearance.
public struct Vocabulary: Sendable {
    /// One slot: the term's first sixteen bytes (zero-padded), a hash tag with the length, and id + 1 (0 = empty).
    struct Slot: Sendable {
        var prefix: UInt64 = 0
        var prefix2: UInt64 = 0
        var tagAndLength: UInt32 = 0
        var idPlusOne: Int32 = 0
    }

    private var arena: [UInt8] = []
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    private var slots = [Slot](repeating: Slot(), count: 1024)

    public init() {}

    /// Number of distinct terms.
    public var count: Int { hashes.count }

    /// The id of `term`'s bytes, adding it when new.
    public mutating func intern(_ term: UnsafeBufferPointer<UInt8>) -> Int32 {
        // Without the ASCII-only check a key is always made.
        let key = Self.key(term, lowercasing: false, readableEnd: term.count)!
        return intern(term, key: key, lowercasing: false)
    }

    /// The id of the lower-cased form of `bytes[range]`, adding it when new.
    ///
    /// ASCII tokens (almost all of them) are lower-cased eight bytes at a time
    /// while they are hashed, without a copy; others go through
    /// `Tokenizer.fold` first.
    public mutating func intern(folding bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, scratch: inout [UInt8]) -> Int32 {
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        // Reading whole words past the token is safe up to the end of the body buffer.
        guard let key = Self.asciiKey(slice, readableEnd: bytes.count - range.lowerBound) else {
            Tokenizer.fold(bytes, range, into: &scratch)
            return scratch.withUnsafeBufferPointer { intern($0) }
        }
        return intern(slice, key: key, lowercasing: true)
    }

    /// A term's hash and first sixteen bytes, as the table compares them.
    struct Key {
        var hash: UInt64
        var prefix: UInt64
        var prefix2: UInt64
    }

    /// Terms up to this many bytes are told apart by their slot alone, without the arena.
    static let slotBytes = 16

    /// Key of ASCII bytes lower-cased, or nil when a byte is not ASCII.
    @inline(__always)
    static func asciiKey(_ term: UnsafeBufferPointer<UInt8>, readableEnd: Int) -> Key? {
        key(term, lowercasing: true, asciiOnly: true, readableEnd: readableEnd)
    }

    /// Key of bytes taken as they are (already folded), or lower-cased ASCII when `lowercasing`;
    /// nil when `asciiOnly` and a byte is not ASCII.
    @inline(__always)
    static func key(_ term: UnsafeBufferPointer<UInt8>, lowercasing: Bool, asciiOnly: Bool = false, readableEnd: Int) -> Key? {
        guard let base = term.baseAddress else { return Key(hash: finish(seed, 0), prefix: 0, prefix2: 0) }
        var hash = seed
        var prefix: UInt64 = 0
        var prefix2: UInt64 = 0
        var offset = 0
        while offset < term.count {
            var word = load(base + offset, available: term.count - offset, readable: readableEnd - offset)
            if asciiOnly, word & 0x8080_8080_8080_8080 != 0 { return nil }
            if lowercasing { word = lowerASCII(word) }
            if offset == 0 { prefix = word } else if offset == 8 { prefix2 = word }
            hash = mix(hash, word)
            offset += 8
        }
        return Key(hash: finish(hash, term.count), prefix: prefix, prefix2: prefix2)
    }

    /// Up to eight bytes little-endian, zero beyond `available`; a whole word is read when `readable` allows.
    @inline(__always)
    private static func load(_ pointer: UnsafePointer<UInt8>, available: Int, readable: Int) -> UInt64 {
        if readable >= 8 {
            let word = UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self)
            return available >= 8 ? word : word & ((1 << UInt64(available * 8)) - 1)
        }
        var word: UInt64 = 0
        for k in 0..<min(available, 8) { word |= UInt64(pointer[k]) << UInt64(k * 8) }
        return word
    }

    /// Lower-cases the ASCII capitals of eight bytes at once (bytes must all be below 0x80).
    @inline(__always)
    private static func lowerASCII(_ word: UInt64) -> UInt64 {
        let atLeastA = word &+ 0x3F3F_3F3F_3F3F_3F3F        // high bit set where byte >= 'A'
        let aboveZ = word &+ 0x2525_2525_2525_2525          // high bit set where byte > 'Z'
        let capitals = atLeastA & ~aboveZ & 0x8080_8080_8080_8080
        return word | (capitals >> 2)
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

    @inline(__always)
    private static func lower(_ byte: UInt8) -> UInt8 { byte &+ ((byte &- 0x41) < 26 ? 0x20 : 0) }

    /// The tag stored beside a slot's prefix: high hash bits, and the length (capped at 255) in the low byte.
    @inline(__always)
    private static func tagAndLength(_ hash: UInt64, _ count: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: hash >> 40) << 8 | UInt32(min(count, 255))
    }

    /// Looks up (and adds) a term with its key; `lowercasing` compares and stores ASCII lower-cased.
    ///
    /// There is no cache in front of the table: the slots of frequent words stay in the processor's
    /// caches by themselves, and a two-way cache of 4,096 entries made counting 11 % slower, not faster
    /// (in-memory counting of the 100 MB benchmark corpus: 0.854 → 0.762 s without it, best of five).
    private mutating func intern(_ term: UnsafeBufferPointer<UInt8>, key: Key, lowercasing: Bool) -> Int32 {
        lookUp(term, key: key, tag: Self.tagAndLength(key.hash, term.count), lowercasing: lowercasing)
    }

    /// Finds (or adds) a term in the table proper.
    private mutating func lookUp(_ term: UnsafeBufferPointer<UInt8>, key: Key, tag: UInt32, lowercasing: Bool) -> Int32 {
        let (found, slot): (Int32?, Int) = slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: key.hash) & mask
            while true {
                let stored = slots[slot]
                if stored.idPlusOne == 0 { return (nil, slot) }
                if stored.tagAndLength == tag, stored.prefix == key.prefix, stored.prefix2 == key.prefix2 {
                    let id = Int(stored.idPlusOne) - 1
                    if term.count <= Self.slotBytes || restMatches(id, term, lowercasing: lowercasing) { return (Int32(id), slot) }
                }
                slot = (slot + 1) & mask
            }
        }
        if let found { return found }
        let id = Int32(hashes.count)
        if lowercasing {
            for byte in term { arena.append(Self.lower(byte)) }
        } else {
            arena.append(contentsOf: term)
        }
        starts.append(arena.count)
        hashes.append(key.hash)
        slots[slot] = Slot(prefix: key.prefix, prefix2: key.prefix2, tagAndLength: tag, idPlusOne: id + 1)
        if hashes.count * 2 > slots.count { grow() }
        return id
    }

    /// Whether the bytes after the sixteenth equal the stored term's (lengths already agree up to 255).
    private func restMatches(_ id: Int, _ term: UnsafeBufferPointer<UInt8>, lowercasing: Bool) -> Bool {
        let start = starts[id], end = starts[id + 1]
        guard end - start == term.count else { return false }
        return arena.withUnsafeBufferPointer { arena in
            for k in Self.slotBytes..<term.count {
                let byte = lowercasing ? Self.lower(term[k]) : term[k]
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
            let tag = Self.tagAndLength(key.hash, bytes.count)
            var slot = Int(truncatingIfNeeded: key.hash) & (slots.count - 1)
            while slots[slot].idPlusOne != 0 {
                let stored = slots[slot]
                if stored.tagAndLength == tag, stored.prefix == key.prefix, stored.prefix2 == key.prefix2 {
                    let id = Int(stored.idPlusOne) - 1
                    if bytes.count <= Self.slotBytes || restMatches(id, bytes, lowercasing: false) { return Int32(id) }
                }
                slot = (slot + 1) & (slots.count - 1)
            }
            return nil
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
