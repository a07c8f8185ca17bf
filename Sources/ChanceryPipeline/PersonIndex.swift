import ChanceryCorpus
import ChanceryTime

/// One person of the corpus-wide index (`persons.csv`, the Persons sheet).
public struct PersonIndexRow: Sendable, Hashable {
    /// The edition's id ("p_YGKC1") for a tagged person; else "name:" and the name in lower case, words joined by
    /// hyphens ("name:pak-yong-guk"), for a name the finder read.
    public var id: String
    public var name: String
    /// The documents naming the person, in corpus order.
    public var documentIDs: [String]
    public var mentions: Int
    /// The earliest and latest date of those documents (undated ones left out).
    public var firstDate: HistoricalDate?
    public var lastDate: HistoricalDate?
}

extension CorpusAnalysis {
    /// Every person the documents name (`DocumentAnalysis.persons` of kind person; organizations left out), one row a
    /// person: a tagged person by the edition's id across the corpus, a person read in the text by the name as read.
    /// In order of first appearance in the corpus.
    public var persons: [PersonIndexRow] {
        var rows: [PersonIndexRow] = []
        var byID: [String: Int] = [:]
        for report in documents {
            let date = report.document.date?.value
            for person in report.persons where person.kind == .person {
                let id = person.reference ?? "name:" + person.name.lowercased().split(separator: " ").joined(separator: "-")
                let index: Int
                if let known = byID[id] {
                    index = known
                } else {
                    index = rows.count
                    byID[id] = index
                    rows.append(PersonIndexRow(id: id, name: person.name, documentIDs: [], mentions: 0))
                }
                if rows[index].documentIDs.last != report.id { rows[index].documentIDs.append(report.id) }
                rows[index].mentions += person.mentions
                if let date {
                    if rows[index].firstDate.map({ date.firstDay < $0.firstDay }) ?? true { rows[index].firstDate = date }
                    if rows[index].lastDate.map({ date.lastDay > $0.lastDay }) ?? true { rows[index].lastDate = date }
                }
            }
        }
        return rows
    }
}
