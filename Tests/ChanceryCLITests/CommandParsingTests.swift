import ArgumentParser
import ChanceryReports
import Testing

@testable import ChanceryCLI

/// The command line parsed in the test's own process, as swift-argument-parser's `AssertParse` does: what each
/// option becomes, and which lines are refused before any file is read (the process tests beside this one run
/// the built binary).
@Suite struct CommandParsingTests {
    /// Parses `arguments` as the root command does and returns the subcommand, validated.
    static func parse<Command: ParsableCommand>(_ arguments: [String], as _: Command.Type) throws -> Command {
        let parsed = try ChanceryCommand.parseAsRoot(arguments)
        return try #require(parsed as? Command, "parsed as \(type(of: parsed))")
    }

    @Test func termsOptionsReachTheCommand() throws {
        let command = try Self.parse(["terms", "corpus", "--ngram", "1-2", "--by", "year", "--correction", "williams", "--top", "7"],
                                     as: TermsCommand.self)
        #expect(command.input.path == "corpus")
        #expect(try OptionRanges.ngramRange(command.ngram) == 1...2)
        #expect(command.by == "year")
        #expect(command.correction == .williams)
        #expect(command.output.rowLimit == 7)
    }

    /// `--editorial`: insertions by default, all and exclude by name, and include, the old default's name, as all.
    @Test func editorialPolicyNames() throws {
        #expect(try Self.parse(["terms", "corpus"], as: TermsCommand.self).counting.editorial == .insertions)
        #expect(try Self.parse(["terms", "corpus", "--editorial", "all"], as: TermsCommand.self).counting.editorial == .all)
        #expect(try Self.parse(["terms", "corpus", "--editorial", "include"], as: TermsCommand.self).counting.editorial == .all)
        #expect(try Self.parse(["terms", "corpus", "--editorial", "exclude"], as: TermsCommand.self).counting.editorial == .exclude)
        #expect(try Self.parse(["kwic", "corpus", "aid", "--editorial", "include"], as: KWICCommand.self).editorial == .all)
        #expect(throws: (any Error).self) { try Self.parse(["terms", "corpus", "--editorial", "some"], as: TermsCommand.self) }
    }

    @Test func reportFormatsAndWindow() throws {
        let command = try Self.parse(["report", "corpus", "--out", "r", "--formats", "csv, MD", "--window", "8"], as: ReportCommand.self)
        #expect(try command.parsedFormats() == [.csv, .markdown])
        #expect(command.window == 8)
        #expect(command.out == "r")
    }

    @Test func timelineFilters() throws {
        let command = try Self.parse(["timeline", "corpus", "--topic", "aid", "--actor", "Pak", "--from", "1962-01", "--to", "1962-12"],
                                     as: TimelineCommand.self)
        #expect(command.topic == "aid")
        #expect(command.actor == "Pak")
        #expect(command.from == "1962-01" && command.to == "1962-12")
    }

    /// Refused while parsing, before a corpus is opened: each names the option.
    @Test(arguments: [
        (["terms", "c", "--ngram", "0-2"], "--ngram"),
        (["terms", "c", "--ngram", "1-99999999999999999999"], "--ngram"),
        (["kwic", "c", "aid", "--window=-1"], "--window"),
        (["timeline", "c", "--from", "1963", "--to", "1962"], "--from"),
        (["report", "c", "--out", "r", "--formats", "pdf"], "--formats"),
        (["terms", "c", "--collocates", "aid", "--by", "year"], "--collocates"),
    ])
    func refusedBeforeReading(_ arguments: [String], _ option: String) {
        #expect {
            _ = try ChanceryCommand.parseAsRoot(arguments)
        } throws: { error in
            ChanceryCommand.message(for: error).contains(option)
        }
    }
}
