#if canImport(Glibc)
import Glibc
#endif

extension UnsafeBufferPointer where Element == UInt8 {
    /// Offset of the first `byte` at or after `start`, found with the C library's vectorized memchr.
    func firstOffset(of byte: UInt8, from start: Int) -> Int? {
        guard start < count, let base = baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(byte), count - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }
}
