/// Keeps the documents' ids of a corpus unique: two files may yield the same id (the same volume read twice).
///
/// The first document keeps its id; a repeat is numbered `~2`, `~3`, … with
/// the first number no document has taken yet, so an id that already ends in
/// `~2` cannot collide with a renamed repeat: `a`, `a`, `a~2` become `a`,
/// `a~2`, `a~2~2`.
public struct DocumentIDs: Sendable {
    private var taken: Set<String> = []
    /// The next number to try for each id that repeated.
    private var next: [String: Int] = [:]

    public init() {}

    /// `id` itself when no document has it yet, else the first free numbered form; the result is taken from now on.
    public mutating func unique(_ id: String) -> String {
        guard taken.contains(id) else {
            taken.insert(id)
            return id
        }
        var number = next[id, default: 2]
        while taken.contains(id + "~\(number)") { number += 1 }
        next[id] = number + 1
        let renamed = id + "~\(number)"
        taken.insert(renamed)
        return renamed
    }

    /// Makes `id` unique as `unique(_:)` does; when it had to be numbered, the warning that says so.
    public mutating func numbering(_ id: inout String, file: String) -> InputError? {
        let original = id
        id = unique(original)
        guard id != original else { return nil }
        return InputError(file: file, location: .file, code: .repeatedID,
                          message: "document id \"\(original)\" is used by an earlier document too; this one is \"\(id)\"", severity: .warning)
    }

    /// Makes unique, with `numbering(_:file:)`, the ids of `documents`, the next to join a corpus in file order;
    /// returns the warnings, in order. `Corpus.load` and the analysis pipeline (`CorpusAnalysis`) both number
    /// their documents here, file by file, so they give every document the same id.
    public mutating func number<Documents: MutableCollection>(_ documents: inout Documents, id: WritableKeyPath<Documents.Element, String>,
                                                             file: KeyPath<Documents.Element, String>) -> [InputError] {
        var warnings: [InputError] = []
        for index in documents.indices {
            let name = documents[index][keyPath: file]
            if let warning = numbering(&documents[index][keyPath: id], file: name) { warnings.append(warning) }
        }
        return warnings
    }
}
