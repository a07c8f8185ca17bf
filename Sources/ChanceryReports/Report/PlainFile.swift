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
        try bytes.withUnsafeBytes { try write($0, to: path) }
    }

    /// Writes a string's UTF-8 bytes as they are stored, without copying them (a manifest can run to tens of megabytes).
    /// Errors name the file as `name` (the path when not given).
    static func write(_ text: String, to path: String, named name: String? = nil) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0), to: path, named: name) }
    }

    private static func write(_ buffer: UnsafeRawBufferPointer, to path: String, named name: String? = nil) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw ReportError("cannot write \(name ?? path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var offset = 0
        while offset < buffer.count {
            let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                throw ReportError("cannot write \(name ?? path): \(String(cString: strerror(errno)))")
            }
            offset += count
        }
    }
}
