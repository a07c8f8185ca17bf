/// Dense ids for 64-bit keys: an open-addressing table for n-gram keys built from term ids.
///
/// A bigram is the pair of its word ids packed into one 64-bit key; a trigram
/// is its leading bigram's id and its last word id. Looking these up costs a
/// multiply and a probe, where `Dictionary` with a `Hasher` costs a SipHash.
struct IntegerKeyMap: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private(set) var count = 0
    private static let empty = UInt64.max

    init(capacity: Int = 1024) {
        var size = 1024
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: Self.empty, count: size)
        values = Array(repeating: 0, count: size)
    }

    /// The id of `key`, given the next dense id (`count`) when new.
    mutating func intern(_ key: UInt64) -> Int32 {
        let mask = keys.count - 1
        var slot = Self.slot(key, mask)
        while true {
            let stored = keys[slot]
            if stored == key { return values[slot] }
            if stored == Self.empty { break }
            slot = (slot + 1) & mask
        }
        let id = Int32(count)
        keys[slot] = key
        values[slot] = id
        count += 1
        if count * 2 > keys.count { grow() }
        return id
    }

    func id(of key: UInt64) -> Int32? {
        let mask = keys.count - 1
        var slot = Self.slot(key, mask)
        while keys[slot] != Self.empty {
            if keys[slot] == key { return values[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        let mixed = (key ^ (key >> 29)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> 20) & mask
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: Self.empty, count: oldKeys.count * 2)
        values = Array(repeating: 0, count: oldKeys.count * 2)
        let mask = keys.count - 1
        for (index, key) in oldKeys.enumerated() where key != Self.empty {
            var slot = Self.slot(key, mask)
            while keys[slot] != Self.empty { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = oldValues[index]
        }
    }

    static func pack(_ high: Int32, _ low: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: high)) << 32 | UInt64(UInt32(bitPattern: low))
    }
}
