import Foundation

/// A file to read, with the path a report shows for it.
public struct InputFile: Hashable, Sendable {
    /// The path to open (as given, or the folder given joined with `relativePath`), for people: a byte of
    /// the name that is not UTF-8 is shown as `\xE9`.
    public var path: String
    /// Path relative to the folder given (the file name when a single file was given), shown as `path` is.
    public var relativePath: String
    /// The path's bytes as the file system has them, which is what is opened.
    let pathBytes: [UInt8]

    public init(path: String, relativePath: String) {
        self.path = path
        self.relativePath = relativePath
        pathBytes = Array(path.utf8)
    }

    init(pathBytes: [UInt8], relativeBytes: [UInt8]) {
        path = FileSystem.display(pathBytes)
        relativePath = FileSystem.display(relativeBytes)
        self.pathBytes = pathBytes
    }

    public var url: URL { URL(fileURLWithPath: path) }

    /// The file's bytes, read as Chancery reads its inputs (POSIX calls, no URL); the error names the file.
    public func bytes() throws(InputError) -> [UInt8] {
        try read().bytes
    }

    /// The file as it is now (size, modification time, identity); nil when it is gone.
    public func fingerprint() -> FileFingerprint? {
        FileFingerprint.of(bytes: pathBytes)
    }

    /// The file's bytes and what the file was when it was opened; the error names the file and gives the system's reason.
    func read() throws(InputError) -> (bytes: [UInt8], fingerprint: FileFingerprint) {
        switch FileSystem.read(pathBytes) {
        case let .success(read): return read
        case let .failure(error):
            throw InputError(file: relativePath, location: .file, code: .unreadable, message: "cannot read the file: \(error)")
        }
    }
}

/// The files of a corpus, and what was passed by on the way.
public struct InputListing: Sendable {
    /// The files to read, sorted by their relative paths' bytes.
    public var files: [InputFile]
    /// Notes: files and folders not read on purpose (another type, a README, a second way to a folder or file
    /// already read, a named pipe or device), each with the reason.
    public var ignored: [InputError]
    /// Errors: files and folders that should have been read and were not (a folder that cannot be opened,
    /// a symbolic link out of the input folder or to nothing).
    public var skipped: [InputError]

    public init(files: [InputFile], ignored: [InputError] = [], skipped: [InputError] = []) {
        self.files = files
        self.ignored = ignored
        self.skipped = skipped
    }
}

/// Lists the files of a corpus: recursive, sorted, hidden files and folders skipped.
///
/// Only `.txt`, `.text`, `.md`, `.markdown`, `.xml`, `.tei` and files without
/// an extension are read; `README` and `LICENSE` files, and files of other
/// types (a gold `.jsonl`, a `.csv`, a `.pdf`), are listed as ignored, with
/// the reason. What `FileSystem.walk` says about links, loops and folders
/// that cannot be read comes along.
public enum InputFiles {
    static let readableExtensions: Set<String> = ["txt", "text", "md", "markdown", "xml", "tei", ""]
    static let ignoredStems: Set<String> = ["readme", "license", "licence", "changelog", "notice", "copying"]

    /// The files under `path` (or `path` itself when it is a file); throws when `path` cannot be read at all.
    ///
    /// A symbolic link given as `path` is followed wherever it leads; links
    /// inside a folder only when they stay inside it.
    public static func list(_ path: String) throws(InputError) -> InputListing {
        let bytes = Array(path.utf8)
        switch FileSystem.kind(bytes) {
        case let .missing(reason, _):
            throw InputError(file: path, location: .file, code: .unreadable, message: reason)
        case let .special(what):
            throw InputError(file: path, location: .file, code: .notRegular,
                             message: "\(what), not a file or folder of documents; Chancery reads text and TEI XML files")
        case .file:
            let name = path.split(separator: "/").last.map(String.init) ?? path
            // A file named on its own is read whatever its name, unless its type is one Chancery never reads (a PDF).
            let fileExtension = splitExtension(name).extension
            guard readableExtensions.contains(fileExtension.lowercased()) else {
                throw InputError(file: path, location: .file, code: .ignoredType, message: typeReason(fileExtension))
            }
            return InputListing(files: [InputFile(path: path, relativePath: name)], ignored: [], skipped: [])
        case .directory:
            break
        }
        let root = path.count > 1 && path.hasSuffix("/") ? Array(path.utf8.dropLast()) : bytes
        let walk = FileSystem.walk(root)
        if let unreadable = walk.passed.first(where: { $0.relative == Array(".".utf8) }) {
            throw InputError(file: path, location: .file, code: unreadable.code, message: unreadable.message)
        }
        var files: [(relative: [UInt8], path: [UInt8])] = []
        var ignored: [(relative: [UInt8], error: InputError)] = []
        var skipped: [(relative: [UInt8], error: InputError)] = []
        for found in walk.files {
            let name = found.relative.split(separator: 0x2F).last.map(Array.init) ?? found.relative
            let (stem, fileExtension) = splitExtension(FileSystem.display(name))
            if !readableExtensions.contains(fileExtension.lowercased()) {
                ignored.append((found.relative, note(found.relative, .ignoredType, typeReason(fileExtension))))
            } else if ignoredStems.contains(stem.lowercased()) {
                ignored.append((found.relative, note(found.relative, .ignoredName, "not read: a \(stem) file, not a document")))
            } else {
                files.append((found.relative, found.path))
            }
        }
        for passed in walk.passed {
            let error = InputError(file: FileSystem.display(passed.relative), location: .file, code: passed.code, message: passed.message,
                                   severity: passed.isError ? .error : .note)
            if passed.isError { skipped.append((passed.relative, error)) } else { ignored.append((passed.relative, error)) }
        }
        func byPath<T>(_ a: (relative: [UInt8], T), _ b: (relative: [UInt8], T)) -> Bool {
            a.relative.lexicographicallyPrecedes(b.relative)
        }
        return InputListing(files: files.sorted(by: byPath).map { InputFile(pathBytes: $0.path, relativeBytes: $0.relative) },
                            ignored: ignored.sorted(by: byPath).map(\.error), skipped: skipped.sorted(by: byPath).map(\.error))
    }

    private static func note(_ relative: [UInt8], _ code: InputError.Code, _ message: String) -> InputError {
        InputError(file: FileSystem.display(relative), location: .file, code: code, message: message, severity: .note)
    }

    /// Why a file of this extension is not read, with the command that makes text of the common kinds.
    static func typeReason(_ fileExtension: String) -> String {
        let readable = ".txt, .text, .md, .markdown, .xml, .tei or no extension"
        switch fileExtension.lowercased() {
        case "pdf":
            return "not read: a PDF; Chancery reads text (\(readable)): make text of it first, e.g. pdftotext -layout FILE.pdf FILE.txt"
        case "docx", "doc", "odt", "rtf", "html", "htm", "epub":
            return "not read: .\(fileExtension) is not text Chancery reads (\(readable)): convert it first, e.g. pandoc -t plain FILE.\(fileExtension) -o FILE.txt"
        default:
            return "not read: .\(fileExtension) is not a document type Chancery reads (\(readable))"
        }
    }

    /// "d1.txt" → ("d1", "txt"); "README" → ("README", ""); ".txt" stays a stem.
    static func splitExtension(_ name: String) -> (stem: String, extension: String) {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return (name, "") }
        return (String(name[..<dot]), String(name[name.index(after: dot)...]))
    }
}
