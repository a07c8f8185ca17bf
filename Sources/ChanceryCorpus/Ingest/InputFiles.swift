import Foundation

/// A file to read, with the path a report shows for it.
public struct InputFile: Hashable, Sendable {
    public var url: URL
    /// Path relative to the folder given (the file name when a single file was given).
    public var relativePath: String
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
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw InputError(file: path, location: .file, code: .unreadable, message: "no such file or folder")
        }
        guard isDirectory.boolValue else {
            return ([InputFile(url: url, relativePath: url.lastPathComponent)], [])
        }
        var files: [InputFile] = []
        var ignored: [String] = []
        let base = url.standardizedFileURL.resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(
            at: url, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]
        ) else {
            throw InputError(file: path, location: .file, code: .unreadable, message: "cannot list the folder")
        }
        for case let file as URL in enumerator {
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let full = file.standardizedFileURL.resolvingSymlinksInPath().path
            let relative = full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : file.lastPathComponent
            let stem = file.deletingPathExtension().lastPathComponent.lowercased()
            if readableExtensions.contains(file.pathExtension.lowercased()), !ignoredStems.contains(stem) {
                files.append(InputFile(url: file, relativePath: relative))
            } else {
                ignored.append(relative)
            }
        }
        files.sort { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
        ignored.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return (files, ignored)
    }
}
