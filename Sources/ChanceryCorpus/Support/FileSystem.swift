#if canImport(Glibc)
import Glibc
#endif

/// Directory walking and whole-file reads through POSIX calls, on paths as the file system has them (bytes).
///
/// FileManager's enumerator and `Data(contentsOf:)` build a URL and several
/// bridged strings per file; on a corpus of tens of thousands of small cables
/// that cost more than reading them (measured with callgrind: about a sixth of
/// the instructions of counting a 10 MB corpus went to URL handling). Paths
/// stay bytes because a Linux file name need not be UTF-8 (`caf\xE9.txt`): a
/// `String` would replace the byte and open another name.
enum FileSystem {
    enum Kind: Equatable {
        case file, directory
        /// A named pipe, a device or a socket: never read (a device such as /dev/zero never ends).
        case special(String)
        /// The system's reason, and the errno it came with.
        case missing(String, Int32)
    }

    /// What is at `path`, following symbolic links.
    static func kind(_ path: [UInt8]) -> Kind {
        var info = stat()
        guard withCString(path, { stat($0, &info) }) == 0 else {
            let code = errno
            return .missing(reason(code), code)
        }
        return kind(of: info)
    }

    static func kind(of info: stat) -> Kind {
        switch info.st_mode & S_IFMT {
        case S_IFREG: .file
        case S_IFDIR: .directory
        case S_IFIFO: .special("a named pipe")
        case S_IFCHR: .special("a character device")
        case S_IFBLK: .special("a block device")
        case S_IFSOCK: .special("a socket")
        default: .special("not a regular file")
        }
    }

    /// The system's message for an errno, with the two a user meets most put plainly.
    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file or folder"
        case ELOOP: "a loop of symbolic links (a link that leads back to itself)"
        default: String(cString: strerror(code))
        }
    }

    /// The canonical absolute path (links, `.` and `..` resolved); the errno when it cannot be made.
    static func realPath(_ path: [UInt8]) -> Result<[UInt8], ReadError> {
        guard let resolved = withCString(path, { realpath($0, nil) }) else { return .failure(ReadError(errno)) }
        defer { free(resolved) }
        return .success(Array(UnsafeBufferPointer(start: UnsafeRawPointer(resolved).assumingMemoryBound(to: UInt8.self), count: strlen(resolved))))
    }

    /// Runs `body` with `path` as a NUL-terminated C string.
    static func withCString<R>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) -> R) -> R {
        (path + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }

    /// A file found under the root.
    struct Found {
        /// Path relative to the root, as the walk reached it (through a link's name when it followed one).
        var relative: [UInt8]
        /// The path to open.
        var path: [UInt8]
    }

    /// A file or folder under the root that is not read, and why.
    struct Passed {
        var relative: [UInt8]
        var code: InputError.Code
        var message: String
        var isError: Bool
    }

    /// What a walk found: files to read (in no defined order) and what it passed by.
    struct Walk {
        var files: [Found] = []
        var passed: [Passed] = []
    }

    /// The regular files under `root`, hidden entries skipped.
    ///
    /// Symbolic links are followed only when they resolve inside the root
    /// (its real path): a link out of it (`notes.txt -> /etc/passwd`) is
    /// passed by as an error, never read. Every real folder is visited once
    /// (device and inode), so `self -> .` and a link to a folder already read
    /// add nothing and cannot loop; a link to a file already read is passed
    /// by. The real tree is walked before any link is followed, so the real
    /// path of a file is the one kept. A folder that cannot be opened is an
    /// error; named pipes, devices and sockets are passed by (opening a pipe
    /// blocks, a device may never end).
    static func walk(_ root: [UInt8]) -> Walk {
        var walk = Walk()
        guard case let .success(rootReal) = realPath(root) else { return walk }
        var folders: Set<FileIdentity> = []
        var fileSet: Set<[UInt8]> = []
        var links: [[UInt8]] = []
        var rootInfo = stat()
        guard withCString(root, { stat($0, &rootInfo) }) == 0 else { return walk }
        folders.insert(FileIdentity(rootInfo))

        /// Walks one real folder and what lies under it (depth first, names in byte order), leaving links for later.
        func walkFolder(relative start: [UInt8], path startPath: [UInt8]) {
            var pending = [(relative: start, path: startPath)]
            while let (relative, path) = pending.popLast() {
                guard let directory = withCString(path, { opendir($0) }) else {
                    walk.passed.append(Passed(relative: relative.isEmpty ? Array(".".utf8) : relative + [0x2F], code: .unreadable,
                                              message: "cannot read the folder: \(reason(errno))", isError: true))
                    continue
                }
                var entries: [(name: [UInt8], type: UInt8)] = []
                while let entry = readdir(directory) {
                    let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
                    guard name.first != 0x2E else { continue }  // hidden, "." and ".."
                    entries.append((name, entry.pointee.d_type))
                }
                closedir(directory)
                entries.sort { $0.name.lexicographicallyPrecedes($1.name) }
                var subfolders: [(relative: [UInt8], path: [UInt8])] = []
                for (name, type) in entries {
                    let childRelative = relative.isEmpty ? name : relative + [0x2F] + name
                    let childPath = path + [0x2F] + name
                    var info = stat()
                    // d_type saves a system call per file on the file systems that fill it in.
                    let mode: mode_t
                    switch Int32(type) {
                    case Int32(DT_REG): mode = S_IFREG
                    case Int32(DT_LNK): mode = S_IFLNK
                    default:
                        guard withCString(childPath, { lstat($0, &info) }) == 0 else {
                            walk.passed.append(Passed(relative: childRelative, code: .unreadable,
                                                      message: "cannot examine it: \(reason(errno))", isError: true))
                            continue
                        }
                        mode = info.st_mode & S_IFMT
                    }
                    switch mode {
                    case S_IFREG:
                        walk.files.append(Found(relative: childRelative, path: childPath))
                        fileSet.insert(childRelative)
                    case S_IFLNK:
                        links.append(childRelative)
                    case S_IFDIR:
                        // A folder mounted twice (a bind mount) is still one folder.
                        guard folders.insert(FileIdentity(info)).inserted else {
                            walk.passed.append(Passed(relative: childRelative + [0x2F], code: .repeatedFolder,
                                                      message: "not read again: the same folder as one already read", isError: false))
                            continue
                        }
                        subfolders.append((childRelative, childPath))
                    default:
                        walk.passed.append(Passed(relative: childRelative, code: .notRegular,
                                                  message: "not read: \(describe(kind(of: info))), not a document file", isError: false))
                    }
                }
                pending += subfolders.reversed()
            }
        }

        walkFolder(relative: [], path: root)
        // Links last, in name order, so that what they lead to is known; a folder reached through a link may hold more links.
        var next = 0
        while next < links.count {
            let relative = links[next]
            next += 1
            let path = root + [0x2F] + relative
            let real: [UInt8]
            switch realPath(path) {
            case let .success(resolved): real = resolved
            case let .failure(error):
                let message = error.code == ENOENT ? "a broken symbolic link: what it points to does not exist"
                    : "a symbolic link that cannot be followed: \(reason(error.code))"
                walk.passed.append(Passed(relative: relative, code: .unreadable, message: message, isError: true))
                continue
            }
            guard let inside = Self.relative(real, to: rootReal) else {
                walk.passed.append(Passed(relative: relative, code: .outsideInput,
                                          message: "not read: a symbolic link to \(display(real)), outside the input folder", isError: true))
                continue
            }
            var info = stat()
            guard withCString(real, { stat($0, &info) }) == 0 else {
                walk.passed.append(Passed(relative: relative, code: .unreadable, message: "cannot examine it: \(reason(errno))", isError: true))
                continue
            }
            switch kind(of: info) {
            case .file:
                if fileSet.contains(inside) {
                    walk.passed.append(Passed(relative: relative, code: .repeatedFile,
                                              message: "not read again: a link to \(display(inside)), which is read", isError: false))
                } else {
                    walk.files.append(Found(relative: relative, path: real))
                    fileSet.insert(inside)
                }
            case .directory:
                guard folders.insert(FileIdentity(info)).inserted else {
                    let target = inside.isEmpty ? "the input folder itself" : display(inside) + "/"
                    walk.passed.append(Passed(relative: relative, code: .repeatedFolder,
                                              message: "not read again: a link to \(target), which is read", isError: false))
                    continue
                }
                let before = links.count
                walkFolder(relative: relative, path: real)
                // Links met inside wait their turn after the ones already known, still in name order among themselves.
                links[before...].sort { $0.lexicographicallyPrecedes($1) }
            case let kind:
                walk.passed.append(Passed(relative: relative, code: .notRegular,
                                          message: "not read: a link to \(describe(kind)), not a document file", isError: false))
            }
        }
        return walk
    }

    /// `path` relative to `folder` when it is the folder or inside it (both real paths); nil otherwise.
    static func relative(_ path: [UInt8], to folder: [UInt8]) -> [UInt8]? {
        if path == folder { return [] }
        let prefix = folder == [0x2F] ? folder : folder + [0x2F]
        guard path.starts(with: prefix) else { return nil }
        return Array(path[prefix.count...])
    }

    static func describe(_ kind: Kind) -> String {
        switch kind {
        case .file: "a file"
        case .directory: "a folder"
        case let .special(what): what
        case let .missing(reason, _): reason
        }
    }

    /// A path's bytes for people: UTF-8 as it is, a byte that is not UTF-8 as `\xE9`.
    static func display(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var out = ""
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(encoded):
                out.unicodeScalars.append(Unicode.UTF8.decode(encoded))
                offset += encoded.count
            case let .error(length):
                for byte in bytes[offset..<(offset + length)] {
                    out += "\\x" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
                }
                offset += length
            case .emptyInput:
                return out
            }
        }
    }

    /// The whole file's bytes and what the file was when it was opened; the error text is the system's (strerror).
    ///
    /// Only a regular file is read: the file is opened without blocking (a
    /// named pipe put in a file's place would wait for a writer) and checked
    /// before any byte is read, so /dev/zero or a pipe is refused, not read
    /// forever.
    static func read(_ path: [UInt8]) -> Result<(bytes: [UInt8], fingerprint: FileFingerprint), ReadError> {
        let descriptor = withCString(path) { open($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC) }
        guard descriptor >= 0 else { return .failure(ReadError(errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(ReadError(errno)) }
        if case let .special(what) = kind(of: info) { return .failure(ReadError(EINVAL, message: "\(what), not a regular file")) }
        if kind(of: info) == .directory { return .failure(ReadError(EISDIR)) }
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
        let message: String?
        init(_ code: Int32, message: String? = nil) {
            self.code = code
            self.message = message
        }
        var description: String { message ?? String(cString: strerror(code)) }
    }
}

/// Which file system object a path is: its device and inode.
struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}

extension String {
    /// The string with `0` in front up to `width` characters ("E" → "0E").
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
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
        of(bytes: Array(path.utf8))
    }

    static func of(bytes path: [UInt8]) -> FileFingerprint? {
        var info = stat()
        guard FileSystem.withCString(path, { stat($0, &info) }) == 0 else { return nil }
        return FileFingerprint(info)
    }
}
