#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a small file with plain system calls.
///
/// Foundation's `Data.write(to:)` syncs every file to disk; a report writes
/// one page per document (tens of thousands), and the report folder as a
/// whole is renamed into place only when complete, so per-file syncs buy
/// nothing but time.
enum PlainFile {
    static func write(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw ReportError("cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var offset = 0
        try bytes.withUnsafeBytes { buffer in
            while offset < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw ReportError("cannot write \(path): \(String(cString: strerror(errno)))")
                }
                offset += count
            }
        }
    }
}
