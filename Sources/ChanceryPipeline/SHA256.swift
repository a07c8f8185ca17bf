internal import Crypto
import Foundation

/// SHA-256 (FIPS 180-4), for the provenance manifest: a digest of every input, every output, the lexicon and the stopword list.
///
/// The digest is swift-crypto's (`Crypto.SHA256`; on Linux, BoringSSL compiled into the
/// package, which uses the processor's SHA instructions where it has them); this type keeps
/// the lower-case hex form the manifest and summary.md print, and a value's copies go
/// their own way. Documentation/Dependencies.md gives the measurements behind the choice.
public struct SHA256: Sendable {
    private var hasher = Crypto.SHA256()

    public init() {}

    public mutating func update(_ bytes: some Collection<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        if done == nil {
            Array(bytes).withUnsafeBytes { hasher.update(bufferPointer: $0) }
        }
    }

    /// The digest as lower-case hex. This ends the digest: a hasher is not updated or finalized again.
    public mutating func finalize() -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in hasher.finalize() {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// The hex digest of some bytes.
    public static func hex(_ bytes: some Collection<UInt8>) -> String {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The hex digest of a file, read a megabyte at a time; the digest of no bytes when it cannot be read.
    public static func hexOfFile(_ path: String) -> String {
        var hasher = SHA256()
        if let handle = FileHandle(forReadingAtPath: path) {
            defer { try? handle.close() }
            while let block = try? handle.read(upToCount: 1 << 20), !block.isEmpty {
                hasher.update(block)
            }
        }
        return hasher.finalize()
    }
}
