import ChanceryCorpus
import Yams

/// Checks of the YAML option files (lexicons, gazetteers) that Yams does not make, or words badly; a module of its own
/// because the lexicon (ChanceryAnalytics) and the gazetteer (ChanceryTime) both read YAML and neither depends on the other.
package enum YAMLChecks {
    /// The node at which the tree, read with its aliases followed, holds more than `limit` bytes of text (each node
    /// counting one byte more than its text); nil when it holds less.
    ///
    /// Yams shares an aliased node rather than copying it, so the tree costs no more memory than the file; but a
    /// reader walks it expanded, and an anchor of 200 KB used 2,000 times is 400 MB of patterns or names to
    /// tokenize, and aliases of aliases grow exponentially ("billion laughs"). The walk stops at the limit.
    package static func nodePastLimit(_ root: Node, limit: Int) -> Node? {
        var stack = [root]
        var size = 0
        while let node = stack.popLast() {
            size += 1
            switch node {
            case let .scalar(scalar): size += scalar.string.utf8.count
            case let .mapping(mapping):
                for (key, value) in mapping.reversed() {
                    stack.append(value)
                    stack.append(key)
                }
            case let .sequence(sequence): stack.append(contentsOf: sequence.reversed())
            case .alias: break
            }
            if size > limit { return node }
        }
        return nil
    }

    /// The message for a tree past the limit.
    package static func tooLargeMessage(_ kind: String, limit: Int) -> String {
        "the \(kind) holds more than \(OptionFile.grouped(limit)) bytes of text once its YAML aliases (*name) are expanded, the most Chancery reads; "
            + "an anchor used over and over starts here: write the entries out instead"
    }

    /// Line and column (1-based) of the repeat of `key` in the block mapping whose first `key` is at `first`: the
    /// next line at the same indentation that starts with the key and a colon. Yams reports a repeated key at its
    /// first place, which is not where the mistake is. Nil when the repeat is not found so (a flow mapping).
    package static func repeatedKeyPlace(in yaml: String, key: String, first: Mark) -> (line: Int, column: Int)? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let indentation = first.column - 1
        guard first.line >= 1, indentation >= 0 else { return nil }
        var index = first.line
        while index < lines.count {
            let line = lines[index].utf8
            index += 1
            let spaces = line.prefix { $0 == UInt8(ascii: " ") }.count
            let rest = Substring(lines[index - 1].dropFirst(spaces))
            if rest.isEmpty || rest.hasPrefix("#") || rest.allSatisfy(\.isSpace) { continue }
            if spaces < indentation { return nil }
            guard spaces == indentation else { continue }
            for written in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(written) {
                let after = rest.dropFirst(written.count).drop { $0 == " " || $0 == "\t" }
                if after.hasPrefix(":") { return (index, indentation + 1) }
            }
        }
        return nil
    }
}
