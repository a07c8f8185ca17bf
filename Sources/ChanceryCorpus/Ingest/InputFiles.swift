import Foundation

/// A file to read, with the path a report shows for it.
public struct InputFile: Hashable, Sendable {
    /// The path to open (as given, or the folder given joined with `relativePath`).
    public var path: String
    /// Path relative to the folder given (the file name when a single file was given).
    public var relativePath: String

    public init(path: String, relativePath: String) {
        self.path = path
        self.relativePath = relativePath
    }

    public var url: URL { URL(fileURLWithPath: path) }

    /// The file's bytes, read as Chancery reads its inputs (POSIX calls, no URL); the error names the file.
    public func bytes() throws(InputError) -> [UInt8] {
        try read().bytes
    }

    /// The file's bytes and what the file was when it was opened; the error names the file and gives the system's reason.
    func read() throws(InputError) -> (bytes: [UInt8], fingerprint: FileFingerprint) {
        switch FileSystem.read(path) {
        case let .success(read): return read
        case let .failure(error):
            throw InputError(file: relativePath, location: .file, code: .unreadable, message: "cannot read the file: \(error)")
        }
    }
}

/// Lists the files of a corpus: recursive, sorted, hidden files and folders skipped.
///
/// Only `.txt`, `.text`, `.md`, `.markdown`, `.xml`, `.tei` and files without
/// an extension are read; `README` and `LICENSE` files, and files of other
/// types (a gold `.jsonl`, a `.csv`, a `.pdf`), are listed as ignored, not
/// as failures.
public enum InputFiles {
    static let readableExtensions: Set<String> = ["txt", "text", "md", "markdown", "xml", "tei", ""]
    static let ignoredStems: Set<String> = ["readme", "license", "licence", "changelog", "notice", "copying"]

    public static func list(_ path: String) throws(InputError) -> (files: [InputFile], ignored: [String]) {
        switch FileSystem.kind(path) {
        case .missing:
            throw InputError(file: path, location: .file, code: .unreadable, message: "no such file or folder")
        case .file, .other:
            let name = path.split(separator: "/").last.map(String.init) ?? path
            return ([InputFile(path: path, relativePath: name)], [])
        case .directory:
            break
        }
        let root = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        var files: [InputFile] = []
        var ignored: [String] = []
        for relative in FileSystem.files(under: root) {
            let name = relative.split(separator: "/").last.map(String.init) ?? relative
            let (stem, fileExtension) = splitExtension(name)
            if readableExtensions.contains(fileExtension.lowercased()), !ignoredStems.contains(stem.lowercased()) {
                files.append(InputFile(path: root + "/" + relative, relativePath: relative))
            } else {
                ignored.append(relative)
            }
        }
        files.sort { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
        ignored.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return (files, ignored)
    }

    /// "d1.txt" → ("d1", "txt"); "README" → ("README", ""); ".txt" stays a stem.
    static func splitExtension(_ name: String) -> (stem: String, extension: String) {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return (name, "") }
        return (String(name[..<dot]), String(name[name.index(after: dot)...]))
    }
}
