#if canImport(Glibc)
import Glibc
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
        let file = try Writer(path, named: name)
        try file.write(buffer)
    }

    /// A file being written piece by piece (a CSV table streamed a megabyte at a time); closed when let go.
    ///
    /// Errors name the file and give the system's reason ("No space left on device"), which Foundation's
    /// FileHandle turns into "The file doesn't exist" on a disk without free inodes.
    final class Writer {
        private let descriptor: Int32
        private let name: String

        init(_ path: String, named name: String? = nil) throws {
            self.name = name ?? path
            // A new file in a folder Chancery made: O_EXCL and O_NOFOLLOW refuse anything already in its place.
            descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw ReportError("cannot write \(self.name): \(ReportFolder.reason(errno))") }
        }

        deinit { close(descriptor) }

        func write(_ bytes: [UInt8]) throws {
            try bytes.withUnsafeBytes { try write($0) }
        }

        func write(_ buffer: UnsafeRawBufferPointer) throws {
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw ReportError("cannot write \(name): \(ReportFolder.reason(errno))")
                }
                offset += count
            }
        }
    }
}
