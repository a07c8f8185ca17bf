/// Dense ids for 64-bit keys: an open-addressing table for n-gram keys built from term ids.
///
/// A bigram is the pair of its word ids packed into one 64-bit key; a trigram
/// is its leading bigram's id and its last word id. Looking these up costs a
/// multiply and a probe, where `Dictionary` with a `Hasher` costs a SipHash.
struct IntegerKeyMap: Sendable {
    /// A key beside its id, so that a lookup reads one place (a large corpus has millions of phrases: most
    /// lookups miss the processor's caches).
    private struct Slot {
        var key: UInt64
        var id: Int32
    }

    private var slots: [Slot]
    private(set) var count = 0
    private static let empty = UInt64.max

    init(capacity: Int = 1024) {
        var size = 1024
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: Slot(key: Self.empty, id: 0), count: size)
    }

    /// The id of `key`, given the next dense id (`count`) when new.
    mutating func intern(_ key: UInt64) -> Int32 {
        precondition(key != Self.empty, "the key that marks an empty slot cannot be stored")
        let (found, slot) = find(key)
        if let found { return found }
        let id = Int32(count)
        slots[slot] = Slot(key: key, id: id)
        count += 1
        if count * 2 > slots.count { grow() }
        return id
    }

    func id(of key: UInt64) -> Int32? {
        find(key).id
    }

    /// The id of `key` if present, and the slot where it is (or would go).
    private func find(_ key: UInt64) -> (id: Int32?, slot: Int) {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = Self.slot(key, mask)
            while true {
                let stored = slots[slot]
                if stored.key == Self.empty { return (nil, slot) }
                if stored.key == key { return (stored.id, slot) }
                slot = (slot + 1) & mask
            }
        }
    }

    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        let mixed = (key ^ (key >> 29)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> 20) & mask
    }

    private mutating func grow() {
        var bigger = Array(repeating: Slot(key: Self.empty, id: 0), count: slots.count * 2)
        let mask = bigger.count - 1
        for old in slots where old.key != Self.empty {
            var slot = Self.slot(old.key, mask)
            while bigger[slot].key != Self.empty { slot = (slot + 1) & mask }
            bigger[slot] = old
        }
        slots = bigger
    }

    /// Two ids in one key; ids are never negative, so a key is never the empty slot's marker.
    static func pack(_ high: Int32, _ low: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: high)) << 32 | UInt64(UInt32(bitPattern: low))
    }
}
