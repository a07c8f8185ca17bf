import Foundation

/// What reading one file gave: its documents, and the problems that cost documents.
public struct FileReadResult: Sendable {
    public var file: InputFile
    public var documents: [Document]
    public var problems: [InputError]
    /// Documents read with something left out (a date that could not be used): warnings, not errors.
    public var warnings: [InputError] = []
    /// The file as it was read; nil when it could not be read (or was given as bytes).
    public var fingerprint: FileFingerprint?
}

/// Reads one file of any supported format, detecting the format from the content.
///
/// Order of detection: XML (the first non-blank character is `<`) is read as
/// TEI; text whose first line is bold and that has a bold `Citation:` heading
/// is a Wilson Center export; other text is plain text. Before that, the bytes
/// must be UTF-8 text: an empty file, a binary file (a NUL byte) and invalid
/// UTF-8 are reported with the byte offset and skipped; XML that stops being
/// UTF-8 part way keeps the documents before the bad byte (`TEIReader`).
public enum DocumentReader {
    public static func read(_ file: InputFile) -> FileReadResult {
        read(file, inspecting: { _ in })
    }

    /// Reads a file as `read(_:)` does; `inspect` sees the file's bytes exactly as read (before any check), so a caller can take their digest
    /// without reading the file a second time.
    public static func read(_ file: InputFile, inspecting inspect: ([UInt8]) -> Void) -> FileReadResult {
        if let size = FileFingerprint.of(file.path)?.size, size > maximumFileBytes {
            return FileReadResult(file: file, documents: [], problems: [tooLarge(file.relativePath, size)])
        }
        do {
            let (bytes, fingerprint) = try file.read()
            inspect(bytes)
            // Handed over, not shared: the reader lets the bytes go once it has the text.
            var result = read(bytes: consume bytes, file: file)
            result.fingerprint = fingerprint
            bodyTooLarge(&result)
            return result
        } catch {
            return FileReadResult(file: file, documents: [], problems: [error])
        }
    }

    /// Reads bytes already in memory as the file `name`; with `format`, that reader is used whatever the content looks like.
    ///
    /// The entry point of the fuzz targets (Fuzz/): the same checks and readers as a file on disk.
    public static func read(bytes: [UInt8], name: String, as format: DocumentFormat? = nil) -> FileReadResult {
        read(bytes: bytes, file: InputFile(path: name, relativePath: name), as: format)
    }

    /// The largest file read (3 GB): token offsets are 32-bit (`Token.maximumTextBytes`), which keeps a
    /// document's tokens at 12 bytes each.
    public static let maximumFileBytes = Token.maximumTextBytes

    static func tooLarge(_ file: String, _ size: Int) -> InputError {
        InputError(file: file, location: .file, code: .unreadable,
                   message: "the file is \(size) bytes; Chancery reads files of at most \(maximumFileBytes) bytes (3 GB): split it")
    }

    /// A document whose body grew past `Token.maximumTextBytes` in Unicode normalization (NFC can triple a few
    /// rare characters) is refused, with the file's other documents kept.
    static func bodyTooLarge(_ result: inout FileReadResult) {
        result.documents.removeAll { document in
            let size = document.body.utf8.count
            guard size > Token.maximumTextBytes else { return false }
            result.problems.append(InputError(
                file: document.file, location: .file, code: .unreadable,
                message: "the body of \(document.id) is \(size) bytes once normalized (NFC); Chancery reads bodies of at most "
                    + "\(Token.maximumTextBytes) bytes (3 GB): split the file"))
            return true
        }
    }

    static func read(bytes: consuming [UInt8], file: InputFile, as format: DocumentFormat? = nil) -> FileReadResult {
        let path = file.relativePath
        func failed(_ error: InputError) -> FileReadResult {
            FileReadResult(file: file, documents: [], problems: [error])
        }
        if bytes.count > maximumFileBytes { return failed(tooLarge(path, bytes.count)) }
        let isXML = format == .teiXML || (format == nil && bytes.withUnsafeBufferPointer(TEIReader.looksLike))
        // XML that stops being UTF-8 part way is the XML parser's to report: the documents before the bad byte are kept.
        if let problem = checkText(bytes, file: path, utf8: !isXML) { return failed(problem) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // Runs of more than 30 combining marks are cut before anything reads the text: every step that compares,
        // hashes or normalizes a string sorts its marks, in time quadratic in their number (TextNormalizer.streamSafe).
        if let safe = bytes.withUnsafeBufferPointer(TextNormalizer.streamSafe) { bytes = safe }

        let id = documentID(for: file.relativePath)
        if isXML {
            let (documents, problems) = TEIReader.read(bytes, file: path, idPrefix: id)
            return FileReadResult(file: file, documents: documents, problems: problems)
        }
        if let unified = bytes.withUnsafeBufferPointer(TextNormalizer.unifyingLineEnds) { bytes = unified }
        let text = String(decoding: bytes, as: UTF8.self)
        // The text holds the bytes now: a large file is not held twice while it is read.
        bytes = []
        let lines = Self.lines(of: text)
        do throws(InputError) {
            var warnings: [InputError] = []
            let document = format == .wilsonExport || (format == nil && WilsonExportReader.looksLike(lines))
                ? try WilsonExportReader.read(lines, file: path, id: id)
                : try PlainTextReader.read(lines, file: path, id: id, warnings: &warnings)
            return FileReadResult(file: file, documents: [document], problems: [], warnings: warnings)
        } catch {
            return failed(error)
        }
    }

    /// The lines of a text, split on LF bytes (a Character split costs several times more).
    static func lines(of text: String) -> TextLines {
        var text = text
        // memchr finds the line ends: a loop over the bytes costs seconds on a 100 MB line in a debug build.
        let ends = text.withUTF8 { buffer -> [Int] in
            guard let base = buffer.baseAddress else { return [0] }
            var ends: [Int] = []
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
                let end = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                ends.append(end)
                offset = end + 1
            }
            ends.append(buffer.count)
            return ends
        }
        return TextLines(text: text, ends: ends)
    }

    /// The path without its extension: "frus-dev-wilsonfmt/d1".
    static func documentID(for relativePath: String) -> String {
        var parts = relativePath.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard let name = parts.popLast() else { return relativePath }
        parts.append(InputFiles.splitExtension(name).stem)
        return parts.joined(separator: "/")
    }

    /// True when the byte at `offset` starts a multi-byte character that the end of the bytes cuts short.
    static func isCutOff(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        let lead = bytes[offset]
        let length = lead > 0xF4 ? 0 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0
        guard length > 0, offset + length > bytes.count else { return false }
        return bytes[(offset + 1)...].allSatisfy { $0 & 0xC0 == 0x80 }
    }

    /// An error when the bytes are not UTF-8 text worth reading; with `utf8` false, invalid UTF-8 is left to the caller.
    static func checkText(_ bytes: [UInt8], file: String, utf8: Bool = true) -> InputError? {
        if bytes.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
            return InputError(file: file, location: .file, code: .empty, message: bytes.isEmpty ? "empty file" : "the file holds only whitespace")
        }
        if let encoding = UTF8Check.wideEncoding(bytes) {
            return InputError(file: file, location: .byte(0), code: .invalidUTF8,
                              message: "\(encoding) text; Chancery reads UTF-8 (convert with: iconv -f \(encoding) -t UTF-8)")
        }
        return bytes.withUnsafeBufferPointer { buffer -> InputError? in
            // memchr: a generic search costs seconds on a 100 MB file in a debug build.
            if let base = buffer.baseAddress, let found = memchr(base, 0, buffer.count) {
                let nul = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                return InputError(file: file, location: .byte(nul), code: .binary,
                                  message: "binary file (NUL byte at byte \(nul)); Chancery reads UTF-8 text and TEI XML")
            }
            if utf8, let bad = UTF8Check.firstInvalidByte(in: buffer) {
                let (line, column) = UTF8Check.lineAndColumn(of: bad, in: buffer)
                let hex = String(buffer[bad], radix: 16, uppercase: true)
                if isCutOff(buffer, at: bad) {
                    return InputError(file: file, location: .byte(bad), code: .invalidUTF8,
                                      message: "invalid UTF-8 byte 0x\(hex) (line \(line), column \(column)): the last character is cut off by the end of the file, which may be truncated")
                }
                return InputError(file: file, location: .byte(bad), code: .invalidUTF8,
                                  message: "invalid UTF-8 byte 0x\(hex) (line \(line), column \(column)); if the file is Windows-1252 or Latin-1, convert it with: iconv -f WINDOWS-1252 -t UTF-8")
            }
            return nil
        }
    }
}

/// The lines of a text, each made as a substring when asked for: 8 bytes a line (where it ends) instead of a
/// 32-byte substring, for a large document's millions of lines.
struct TextLines: RandomAccessCollection {
    let text: String
    /// Where each line ends: its LF, or the end of the text for the last line.
    let ends: [Int]

    var startIndex: Int { 0 }
    var endIndex: Int { ends.count }

    subscript(index: Int) -> Substring {
        let start = index == 0 ? 0 : ends[index - 1] + 1
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: start)
        return text[lower..<utf8.index(lower, offsetBy: ends[index] - start)]
    }
}
