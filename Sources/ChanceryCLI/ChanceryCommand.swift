import ArgumentParser
import Foundation

/// The `chancery` command: subcommands over the Chancery libraries.
///
/// Exit status, for every subcommand: 0 when every file was read, 1 when some
/// files or documents were skipped (each is reported on stderr), 2 when
/// nothing could be read or the command line is wrong.
public struct ChanceryCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "chancery",
        abstract: "Corpus statistics, term frequencies, topics and timelines for archival documents.",
        discussion: """
            Reads Wilson Center Digital Archive exports, FRUS TEI XML volumes and plain text.
            Exit status: 0 all files read; 1 some files skipped (reported on stderr); \
            2 nothing readable, or a usage error.
            """,
        version: ChanceryVersion.current,
        subcommands: [StatsCommand.self, DocumentsCommand.self, TermsCommand.self, TopicsCommand.self, KWICCommand.self, TimelineCommand.self, ReportCommand.self]
    )

    public init() {}

    /// Runs the command line, mapping every usage error to exit status 2.
    public static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            if exitCode(for: error) == .success {
                exit(withError: error)
            }
            Console.errorMessage(fullMessage(for: error))
            Foundation.exit(ExitStatus.failure.rawValue)
        }
    }
}

/// The exit statuses every subcommand shares.
public enum ExitStatus: Int32, Sendable {
    case success = 0
    case someSkipped = 1
    case failure = 2

    /// 0 when nothing was skipped, 1 when something was but documents remain, 2 when nothing was read.
    public static func after(documents: Int, skipped: Int) -> ExitStatus {
        if documents == 0 { return .failure }
        return skipped > 0 ? .someSkipped : .success
    }
}

/// Chancery's version, for `--version`, reports and manifests.
public enum ChanceryVersion {
    public static let current = "0.1.0"
}
