#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Directory walking and whole-file reads through POSIX calls.
///
/// FileManager's enumerator and `Data(contentsOf:)` build a URL and several
/// bridged strings per file; on a corpus of tens of thousands of small cables
/// that cost more than reading them (measured with callgrind: about a sixth of
/// the instructions of counting a 10 MB corpus went to URL handling).
enum FileSystem {
    enum Kind { case file, directory, other, missing }

    /// What is at `path`, following symbolic links.
    static func kind(_ path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// Paths of the regular files under `root`, relative to it, hidden entries skipped; order is not defined.
    static func files(under root: String) -> [String] {
        var result: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? root : root + "/" + relative
            guard let directory = opendir(folder) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                guard !name.hasPrefix(".") else { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var type = entry.pointee.d_type
                if type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) {
                    switch kind(root + "/" + path) {
                    case .file: type = UInt8(DT_REG)
                    case .directory: type = UInt8(DT_DIR)
                    default: continue
                    }
                }
                if type == UInt8(DT_DIR) {
                    pending.append(path)
                } else if type == UInt8(DT_REG) {
                    result.append(path)
                }
            }
        }
        return result
    }

    /// The whole file's bytes and what the file was when it was opened; the error text is the system's (strerror).
    static func read(_ path: String) -> Result<(bytes: [UInt8], fingerprint: FileFingerprint), ReadError> {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .failure(ReadError(errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(ReadError(errno)) }
        let fingerprint = FileFingerprint(info)
        // Read straight into the array's storage (not zeroed first), with one byte more than the size so the
        // read that finds the end needs no second buffer; a file that grew while read is read on in steps.
        var bytes: [UInt8] = []
        var capacity = max(0, Int(info.st_size)) + 1
        while true {
            var failure: Int32?
            var ended = false
            let previous = bytes
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, filled in
                filled = previous.count
                if filled > 0 { _ = UnsafeMutableBufferPointer(rebasing: buffer[..<filled]).initialize(from: previous) }
                while filled < capacity {
                    let count = Glibc.read(descriptor, buffer.baseAddress! + filled, capacity - filled)
                    if count < 0, errno == EINTR { continue }
                    if count < 0 {
                        failure = errno
                        return
                    }
                    if count == 0 {
                        ended = true
                        return
                    }
                    filled += count
                }
            }
            if let failure { return .failure(ReadError(failure)) }
            if ended { return .success((bytes, fingerprint)) }
            capacity = max(capacity + 4096, capacity * 2)
        }
    }

    /// A failed system call, with the system's message.
    struct ReadError: Error, CustomStringConvertible {
        let code: Int32
        init(_ code: Int32) { self.code = code }
        var description: String { String(cString: strerror(code)) }
    }
}

/// What a file was when it was read: its size, its modification time and which file it is.
///
/// Compared again at the end of a run, it tells whether an input changed or
/// vanished while its digest was being vouched for, without reading it twice.
public struct FileFingerprint: Sendable, Hashable {
    public var size: Int
    /// Modification time, nanoseconds since 1970.
    public var modified: Int
    public var device: UInt64
    public var inode: UInt64

    init(_ info: stat) {
        size = Int(info.st_size)
        modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    /// The file at `path` as it is now; nil when it is gone or cannot be examined.
    public static func of(_ path: String) -> FileFingerprint? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileFingerprint(info)
    }
}
