import ChanceryTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The commands over a folder that holds traps: a link to a file outside it, links back into it, a folder that
/// cannot be read, a name that is not UTF-8, a device. Nothing outside the folder reaches any output, every
/// command ends, and what was passed by is named (Tests/ChanceryCorpusTests/InputWalkTests.swift has the walk's
/// own cases).
@Suite(.serialized) struct InputSafetyTests {
    /// An input folder with two invented cables, a secret file beside it and links out to it.
    static func scene() throws -> (work: URL, input: URL) {
        let work = try TestData.temporaryFolder("chancery-input-safety")
        let input = work.appendingPathComponent("input")
        try FileManager.default.createDirectory(at: input.appendingPathComponent("sub"), withIntermediateDirectories: true)
        for (name, date) in [("a.txt", "May 3, 1961"), ("sub/b.txt", "June 9, 1962")] {
            try Data("Invented cable \(name)\n\nWashington, \(date)\n\nThe aid and credits were discussed.\n".utf8)
                .write(to: input.appendingPathComponent(name))
        }
        try Data("Secret\n\nSECRET-MARKER-7731 root:x:0:0\n".utf8).write(to: work.appendingPathComponent("secret.txt"))
        try FileManager.default.createSymbolicLink(atPath: input.appendingPathComponent("notes.txt").path,
                                                   withDestinationPath: work.appendingPathComponent("secret.txt").path)
        try FileManager.default.createSymbolicLink(atPath: input.appendingPathComponent("self").path, withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: input.appendingPathComponent("sub/again").path, withDestinationPath: "..")
        return (work, input)
    }

    @Test func noCommandReadsThroughALinkOutOfTheFolderOrLoops() throws {
        let (work, input) = try Self.scene()
        defer { try? FileManager.default.removeItem(at: work) }
        for command in [["stats"], ["documents"], ["terms"], ["topics", "--kwic"], ["timeline"], ["kwic", "aid"]] {
            // Two links back into the folder made `stats` walk for ever: a run still going after two minutes has hung.
            let run = try ChanceryProcess.run([command[0], input.path] + command.dropFirst(), killAfter: 120)
            #expect(run.status == 1, "\(command): \(run.stderr)")
            #expect(!run.stdout.contains("SECRET-MARKER") && !run.stdout.contains("root:x"), "\(command): \(run.stdout)")
            #expect(run.stderr.contains("notes.txt: error: not read: a symbolic link to "), "\(command): \(run.stderr)")
        }
        let stats = try ChanceryProcess.run(["stats", input.path, "--json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        #expect(json["documents"] as? Int == 2)

        let out = work.appendingPathComponent("report")
        let report = try ChanceryProcess.run(["report", input.path, "--out", out.path])
        #expect(report.status == 1, "\(report.stderr)")
        for file in try FileTree.files(under: out).keys {
            let text = try String(contentsOf: out.appendingPathComponent(file), encoding: .isoLatin1)
            #expect(!text.contains("SECRET-MARKER") && !text.contains("root:x:0:0"), "\(file)")
        }
        let skipped = try String(contentsOf: out.appendingPathComponent("skipped.csv"), encoding: .utf8)
        #expect(skipped.contains("notes.txt,,\"not read: a symbolic link to "), "\(skipped)")
        #expect(skipped.contains(",outside-input,error"))
        #expect(skipped.contains("self,,\"not read again: a link to the input folder itself, which is read\",repeated-folder,note"), "\(skipped)")
        let summary = try String(contentsOf: out.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(summary.contains("## Not read"))
    }

    /// A folder the user cannot read was skipped without a word, exit 0.
    @Test(.enabled(if: Unprivileged.command != nil, "needs setpriv (util-linux) to run as nobody, or a user without root"))
    func anUnreadableFolderIsAnError() throws {
        let (work, input) = try Self.scene()
        defer {
            chmod(input.appendingPathComponent("sub").path, 0o755)
            try? FileManager.default.removeItem(at: work)
        }
        for url in [work, input] { chmod(url.path, 0o755) }
        chmod(input.appendingPathComponent("sub").path, 0o000)
        let run = try Unprivileged.run(["stats", input.path])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("sub/: error: cannot read the folder: Permission denied"), "\(run.stderr)")
    }

    /// `caf\xE9.txt` was reported as "No such file or directory".
    @Test func aNameThatIsNotUTF8IsReadAndShownEscaped() throws {
        let work = try TestData.temporaryFolder("chancery-input-latin1-name")
        defer { try? FileManager.default.removeItem(at: work) }
        let path = Array(work.path.utf8) + Array("/caf".utf8) + [0xE9] + Array(".txt".utf8) + [0]
        let descriptor = path.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) } }
        try #require(descriptor >= 0)
        let text = Array("Invented note\n\nA note about aid.\n".utf8)
        _ = write(descriptor, text, text.count)
        close(descriptor)
        let run = try ChanceryProcess.run(["documents", work.path, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(#"caf\\xE9"#), "\(run.stdout)")
    }

    /// /dev/zero as the input or as the reference corpus ended in a Swift abort with no message.
    @Test(arguments: [["stats", "/dev/zero"], ["terms", "CORPUS", "--target", "1961", "--reference", "/dev/zero"]])
    func aDeviceIsRefusedWithAMessage(_ arguments: [String]) throws {
        let (work, input) = try Self.scene()
        defer { try? FileManager.default.removeItem(at: work) }
        let run = try ChanceryProcess.run(arguments.map { $0 == "CORPUS" ? input.path : $0 })
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("/dev/zero: error: a character device, not a file or folder of documents"), "\(run.stderr)")
    }

    /// Files of another type are named, with a hint, on stderr and in the report; they cost no exit status.
    @Test func ignoredFilesAreNamedWithTheirReason() throws {
        let work = try TestData.temporaryFolder("chancery-input-ignored")
        defer { try? FileManager.default.removeItem(at: work) }
        let input = work.appendingPathComponent("input")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestData.demoCorpus.appendingPathComponent("03_petrovsky-pak-credits.txt"),
                                         to: input.appendingPathComponent("03.txt"))
        try Data("%PDF-1.4".utf8).write(to: input.appendingPathComponent("scan.pdf"))
        try Data("PK".utf8).write(to: input.appendingPathComponent("letter.docx"))
        let out = work.appendingPathComponent("report")
        let run = try ChanceryProcess.run(["report", input.path, "--out", out.path, "--formats", "csv,md"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("scan.pdf: note: not read: a PDF"), "\(run.stderr)")
        #expect(run.stderr.contains("pdftotext"))
        let skipped = try String(contentsOf: out.appendingPathComponent("skipped.csv"), encoding: .utf8)
        #expect(skipped.contains("letter.docx") && skipped.contains("pandoc") && skipped.contains("scan.pdf"))
        let summary = try String(contentsOf: out.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(summary.contains("scan.pdf") && summary.contains("pdftotext"))
    }
}

/// Running `chancery` as a user without privileges (root reads every folder whatever its mode).
enum Unprivileged {
    /// setpriv when running as root; nothing needed otherwise.
    static let command: [String]? = {
        guard getuid() == 0 else { return [] }
        let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first(where: FileManager.default.isExecutableFile(atPath:))
        return setpriv.map { [$0, "--reuid=65534", "--regid=65534", "--clear-groups"] }
    }()

    static func run(_ arguments: [String]) throws -> ChanceryProcess.Output {
        try ChanceryProcess.run(arguments, under: command ?? [])
    }
}
