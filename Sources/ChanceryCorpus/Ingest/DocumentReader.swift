import Foundation

/// What reading one file gave: its documents, and the problems that cost documents.
public struct FileReadResult: Sendable {
    public var file: InputFile
    public var documents: [Document]
    public var problems: [InputError]
}

/// Reads one file of any supported format, detecting the format from the content.
///
/// Order of detection: XML (the first non-blank character is `<`) is read as
/// TEI; text whose first line is bold and that has a bold `Citation:` heading
/// is a Wilson Center export; other text is plain text. Before that, the bytes
/// must be UTF-8 text: an empty file, a binary file (a NUL byte) and invalid
/// UTF-8 are reported with the byte offset and skipped.
public enum DocumentReader {
    public static func read(_ file: InputFile) -> FileReadResult {
        let path = file.relativePath
        func failed(_ error: InputError) -> FileReadResult {
            FileReadResult(file: file, documents: [], problems: [error])
        }
        var bytes: [UInt8]
        switch FileSystem.read(file.path) {
        case let .success(read): bytes = read
        case let .failure(error):
            return failed(InputError(file: path, location: .file, code: .unreadable, message: "cannot read the file: \(error)"))
        }
        if let problem = checkText(bytes, file: path) { return failed(problem) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }

        let id = documentID(for: file.relativePath)
        if bytes.withUnsafeBufferPointer(TEIReader.looksLike) {
            let (documents, problems) = TEIReader.read(bytes, file: path, idPrefix: id)
            return FileReadResult(file: file, documents: documents, problems: problems)
        }
        let text = TextNormalizer.unifyLineEnds(String(decoding: bytes, as: UTF8.self))
        let lines = Self.lines(of: text)
        do throws(InputError) {
            let document = WilsonExportReader.looksLike(lines)
                ? try WilsonExportReader.read(lines, file: path, id: id)
                : try PlainTextReader.read(lines, file: path, id: id)
            return FileReadResult(file: file, documents: [document], problems: [])
        } catch {
            return failed(error)
        }
    }

    /// The lines of a text, split on LF bytes (a Character split costs several times more).
    static func lines(of text: String) -> [Substring] {
        let utf8 = text.utf8
        var lines: [Substring] = []
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == 0x0A {
                lines.append(text[start..<index])
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        lines.append(text[start...])
        return lines
    }

    /// The path without its extension: "frus-dev-wilsonfmt/d1".
    static func documentID(for relativePath: String) -> String {
        var parts = relativePath.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard let name = parts.popLast() else { return relativePath }
        parts.append(InputFiles.splitExtension(name).stem)
        return parts.joined(separator: "/")
    }

    /// An error when the bytes are not UTF-8 text worth reading.
    static func checkText(_ bytes: [UInt8], file: String) -> InputError? {
        if bytes.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
            return InputError(file: file, location: .file, code: .empty, message: bytes.isEmpty ? "empty file" : "the file holds only whitespace")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return InputError(file: file, location: .byte(0), code: .invalidUTF8,
                              message: "UTF-16 text; Chancery reads UTF-8 (convert with: iconv -f UTF-16 -t UTF-8)")
        }
        return bytes.withUnsafeBufferPointer { buffer -> InputError? in
            if let nul = buffer.firstIndex(of: 0) {
                return InputError(file: file, location: .byte(nul), code: .binary,
                                  message: "binary file (NUL byte at byte \(nul)); Chancery reads UTF-8 text and TEI XML")
            }
            if let bad = UTF8Check.firstInvalidByte(in: buffer) {
                let (line, column) = UTF8Check.lineAndColumn(of: bad, in: buffer)
                let hex = String(buffer[bad], radix: 16, uppercase: true)
                return InputError(file: file, location: .byte(bad), code: .invalidUTF8,
                                  message: "invalid UTF-8 byte 0x\(hex) (line \(line), column \(column)); if the file is Windows-1252 or Latin-1, convert it with: iconv -f WINDOWS-1252 -t UTF-8")
            }
            return nil
        }
    }
}
