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
        if let message = unknownSubcommand(Array(CommandLine.arguments.dropFirst())) {
            Console.errorMessage(message)
            Foundation.exit(ExitStatus.failure.rawValue)
        }
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

extension ChanceryCommand {
    /// The error for a first argument that names no subcommand, with the nearest name when one is
    /// close ("topcs": "Did you mean 'topics'?"); nil when it names one, or is an option or `help`.
    /// swift-argument-parser suggests near option names but only says "Unexpected argument" here.
    static func unknownSubcommand(_ arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), first != "help" else { return nil }
        let names = configuration.subcommands.map { $0._commandName }
        guard !names.contains(first) else { return nil }
        let typed = first.lowercased()
        let nearest = names
            .map { (name: $0, distance: editDistance(typed, $0)) }
            .filter { $0.distance <= 2 || (typed.count >= 2 && $0.name.hasPrefix(typed)) }
            .min { $0.distance < $1.distance }
        var message = "Error: unknown command '\(first)'."
        if let nearest { message += " Did you mean '\(nearest.name)'?" }
        message += "\nCommands: \(names.joined(separator: ", ")).\n  See 'chancery --help' for more information."
        return message
    }

    /// Levenshtein distance between two short words, in characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
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
