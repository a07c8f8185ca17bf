import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// `map` on all cores, results in the original order whatever the threads do.
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let slots = Slots<T>(count: count)
        self.withUnsafeBufferPointer { buffer in
            nonisolated(unsafe) let elements = buffer
            DispatchQueue.concurrentPerform(iterations: elements.count) { index in
                slots.set(index, transform(elements[index]))
            }
        }
        return slots.values
    }
}

/// One slot per index, written by concurrent workers.
private final class Slots<T: Sendable>: Sendable {
    private let storage: Mutex<[T?]>

    init(count: Int) { storage = Mutex(Array(repeating: nil, count: count)) }

    func set(_ index: Int, _ value: T) {
        storage.withLock { $0[index] = value }
    }

    var values: [T] { storage.withLock { $0.compactMap { $0 } } }
}
