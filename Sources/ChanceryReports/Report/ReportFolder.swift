#if canImport(Glibc)
import Glibc
#endif
import ChanceryPipeline
import Foundation

/// The place a report goes, and the rule for what may be replaced there.
///
/// A report replaces only what Chancery wrote: a folder that does not exist,
/// an empty folder, or a previous report whose `manifest.json` is Chancery's
/// own (its fields are checked) and whose every file the manifest lists with
/// the digest it still has. Anything else in the folder — a file the manifest
/// does not list (a historian's notes beside the pages), a listed file edited
/// since, another tool's `manifest.json` — is the user's: the report is
/// refused, nothing is touched, and the message names what is in the way.
struct ReportFolder: Sendable {
    /// The folder to write, links resolved (a link given as `--out` is followed, so the link and its target
    /// never part ways).
    let path: String
    /// The folder that holds it, where the temporary folder is made and renamed.
    let parent: String
    /// The folder's last path component.
    let name: String
    /// What was in the folder when it was checked, to tell at the swap whether anything came in since.
    private(set) var contents: Contents?

    /// The files of a previous report, with their sizes and modification times (relative paths).
    struct Contents: Equatable, Sendable {
        var files: [String: Stamp]
        var folders: Set<String>
    }

    struct Stamp: Equatable, Sendable {
        var size: Int
        var modified: Int
        var isLink: Bool
    }

    /// Resolves `destination` and checks what is there; throws, touching nothing, when it may not be replaced.
    init(_ destination: String) throws {
        var target = URL(fileURLWithPath: destination).standardizedFileURL.path
        var info = stat()
        if lstat(target, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
            guard let resolved = realpath(target, nil) else {
                throw ReportError("\(target) is a symbolic link to \(Self.linkTarget(target)), which cannot be reached (\(Self.reason(errno))); "
                                  + "make that folder first or give another --out")
            }
            defer { free(resolved) }
            target = String(cString: resolved)
        }
        let url = URL(fileURLWithPath: target)
        path = target
        parent = url.deletingLastPathComponent().path
        name = url.lastPathComponent
        contents = try Self.check(target)
    }

    /// Checks the folder again just before the new report is moved in: anything added or changed since the
    /// first check is checked in full again (the user may have saved a note there during a long run).
    func recheck() throws {
        let now = try Self.snapshot(path)
        guard now != contents else { return }
        _ = try Self.check(path)
    }

    // MARK: The rule

    /// What is at `path` now: nil when nothing is, or an empty folder; the previous report's files when it is one.
    static func check(_ path: String) throws -> Contents? {
        guard let contents = try snapshot(path) else { return nil }
        if contents.files.isEmpty, contents.folders.isEmpty { return nil }
        guard let stamp = contents.files["manifest.json"], !stamp.isLink else {
            throw ReportError("\(path) is not empty and is not a Chancery report (it has no manifest.json): "
                              + "nothing was changed; choose another --out, or empty the folder")
        }
        let listed = try previousOutputs(path)
        // The user's own files: anything the manifest does not list, and links (Chancery writes none).
        let strangers = contents.files.filter { $0.key != "manifest.json" && (listed[$0.key] == nil || $0.value.isLink) }.keys.sorted()
            + contents.folders.filter { $0 != "documents" }.sorted().map { $0 + "/" }
        if !strangers.isEmpty {
            throw ReportError("\(path) holds a previous Chancery report and \(count(strangers.count, "file")) it did not write: "
                              + "\(names(strangers)); nothing was changed: move them out of the report folder, or choose another --out")
        }
        // Files the manifest lists but that no longer hold what Chancery wrote (a page annotated in place).
        let edited = listed.keys.sorted().filter { file in
            contents.files[file] != nil && SHA256.hexOfFile(path + "/" + file) != listed[file]
        }
        if !edited.isEmpty {
            throw ReportError("\(path) holds a previous Chancery report in which \(count(edited.count, "file")) changed since it was written: "
                              + "\(names(edited)); nothing was changed: copy them elsewhere, or choose another --out")
        }
        return contents
    }

    /// The files the previous report's manifest lists, with their digests; throws when the manifest is not Chancery's.
    static func previousOutputs(_ path: String) throws -> [String: String] {
        let manifestPath = path + "/manifest.json"
        let foreign = { (why: String) in
            ReportError("\(manifestPath) is not the manifest of a Chancery report (\(why)): nothing was changed; "
                        + "choose another --out, or move the folder's files away")
        }
        guard let data = FileManager.default.contents(atPath: manifestPath) else { throw foreign("it cannot be read") }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { throw foreign("it is not a JSON object") }
        guard object["chancery_version"] is String else { throw foreign("no \"chancery_version\"") }
        guard let command = object["command"] as? [String], command.first == "chancery" else { throw foreign("no \"command\" run by chancery") }
        guard let outputs = object["outputs"] as? [[String: Any]] else { throw foreign("no \"outputs\" list") }
        var listed: [String: String] = [:]
        for output in outputs {
            guard let file = output["file"] as? String, let digest = output["sha256"] as? String, digest.count == 64,
                  !file.hasPrefix("/"), !file.split(separator: "/").contains("..") else {
                throw foreign("an output without a file name and SHA-256")
            }
            listed[file] = digest
        }
        return listed
    }

    /// Every file and folder under `path` (hidden ones too), relative to it; nil when nothing is at `path`.
    static func snapshot(_ path: String) throws -> Contents? {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return nil }
            throw ReportError("cannot examine \(path): \(reason(errno))")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw ReportError("\(path) exists and is not a folder: nothing was changed; choose another --out")
        }
        var contents = Contents(files: [:], folders: [])
        var pending = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? path : path + "/" + relative
            guard let directory = opendir(folder) else { throw ReportError("cannot read \(folder): \(reason(errno))") }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                guard name != ".", name != ".." else { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                guard lstat(path + "/" + child, &info) == 0 else { throw ReportError("cannot examine \(path)/\(child): \(reason(errno))") }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    contents.folders.insert(child)
                    pending.append(child)
                default:
                    contents.files[child] = Stamp(size: Int(info.st_size),
                                                  modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec),
                                                  isLink: info.st_mode & S_IFMT == S_IFLNK)
                }
            }
        }
        return contents
    }

    // MARK: What an interrupted run left

    /// The hidden folders a run makes beside the report: `.NAME.chancery-partial-PID` while writing,
    /// `.NAME.chancery-old-PID` for the previous report during the swap, `.NAME.chancery-interrupted-PID`
    /// while a signal handler removes a partial one.
    static let leftoverKinds = ["partial", "old", "interrupted"]

    func temporaryName(_ kind: String, pid: Int32 = getpid()) -> String {
        "\(parent)/.\(name).chancery-\(kind)-\(pid)"
    }

    /// Removes what runs killed before they could clean up (SIGKILL, power loss) left beside this report:
    /// only folders named as a run names them, whose process is gone, and that hold nothing but what a
    /// report writes. Returns a note for each one left in place, and why.
    func removeLeftovers() -> [String] {
        guard let directory = opendir(parent) else { return [] }
        var names: [String] = []
        while let entry = readdir(directory) {
            names.append(withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) })
        }
        closedir(directory)
        var notes: [String] = []
        for entry in names.sorted() {
            guard let pid = Self.leftoverPID(entry, of: name) else { continue }
            // A process of that number still running may be another report being written here right now; one with
            // this process's number is from an earlier process (this one has made none yet).
            if pid != getpid() {
                guard kill(pid, 0) != 0, errno == ESRCH else { continue }
            }
            let path = parent + "/" + entry
            guard let contents = try? Self.snapshot(path), Self.looksWritten(contents) else {
                notes.append("\(path) looks like what an interrupted run of Chancery left, but holds files Chancery does not write; left in place")
                continue
            }
            do {
                try FileManager.default.removeItem(atPath: path)
            } catch {
                notes.append("cannot remove \(path), left by an interrupted run: \(error.localizedDescription)")
            }
        }
        return notes
    }

    /// The process number in `.NAME.chancery-KIND-PID`, for this report's NAME; nil for any other name.
    static func leftoverPID(_ entry: String, of name: String) -> Int32? {
        for kind in leftoverKinds {
            let prefix = ".\(name).chancery-\(kind)-"
            if entry.hasPrefix(prefix), let pid = Int32(entry.dropFirst(prefix.count)), pid > 0 { return pid }
        }
        return nil
    }

    /// Whether every file is one a report writes (its tables, workbook, summary, manifest, pages) and there are no links.
    static func looksWritten(_ contents: Contents) -> Bool {
        contents.folders.allSatisfy { $0 == "documents" } && contents.files.allSatisfy { file, stamp in
            guard !stamp.isLink else { return false }
            if file.hasPrefix("documents/") { return file.hasSuffix(".md") && !file.dropFirst(10).contains("/") }
            return !file.contains("/") && (file.hasSuffix(".csv") || ["chancery.xlsx", "summary.md", "manifest.json"].contains(file))
        }
    }

    // MARK: Making folders and moving them

    /// Makes `path` and the folders above it that are missing, with the system's reason when it cannot.
    static func makeFolders(_ path: String) throws {
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw ReportError("cannot write in \(path): it is not a folder") }
            return
        }
        let above = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if above != path { try makeFolders(above) }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
            throw ReportError("cannot create the folder \(path): \(reason(errno))")
        }
    }

    /// Makes the new folder `path`; it must not exist.
    static func makeFolder(_ path: String, in parent: String) throws {
        guard mkdir(path, 0o755) == 0 else { throw ReportError("cannot write in \(parent): \(reason(errno))") }
    }

    static func move(_ from: String, to: String) -> Int32? {
        rename(from, to) == 0 ? nil : errno
    }

    /// The system's message for an errno, with the cases a user meets put plainly.
    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOSPC: "No space left on device (no free blocks or no free inodes: `df -h` and `df -i` tell which)"
        case ENOENT: "No such file or directory (this file system does not take new folders here, or a folder above is missing)"
        case EROFS: "Read-only file system"
        default: String(cString: strerror(code))
        }
    }

    private static func linkTarget(_ path: String) -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
    }

    private static func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }

    /// The first names of a list, and how many more.
    private static func names(_ list: [String], shown: Int = 8) -> String {
        list.prefix(shown).joined(separator: ", ") + (list.count > shown ? " and \(list.count - shown) more" : "")
    }
}
