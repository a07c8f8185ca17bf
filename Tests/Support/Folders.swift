/// Helpers for reading what a report wrote: the files of a folder, the lines of /etc/passwd to look for, a CSV reader.
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Files under a folder (no folders), by relative path, with their bytes.
public enum FileTree {
    public static func files(under folder: URL) throws -> [String: Data] {
        try Snapshot.of(folder).filter { name, _ in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
    }
}

/// The lines of /etc/passwd worth looking for in outputs (none of it may ever show).
public enum PasswordFile {
    public static func lines() throws -> [String] {
        guard let text = try? String(contentsOfFile: "/etc/passwd", encoding: .utf8) else { return ["root:x:0:0:"] }
        return text.split(separator: "\n").map(String.init).filter { $0.count >= 12 }
    }
}

/// A small RFC 4180 reader, for checking cells.
public enum CSV {
    public static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar?
        while let scalar = pending ?? scalars.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = scalars.next()
                    if next == "\"" { cell.unicodeScalars.append("\"") } else { quoted = false; pending = next }
                } else {
                    cell.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                row.append(cell)
                cell = ""
            } else if scalar == "\r" {
                continue
            } else if scalar == "\n" {
                row.append(cell)
                rows.append(row)
                row = []
                cell = ""
            } else {
                cell.unicodeScalars.append(scalar)
            }
        }
        if !cell.isEmpty || !row.isEmpty { rows.append(row + [cell]) }
        return rows
    }
}

