import ChanceryCorpus
import Foundation

/// A person or organization a document names, with how often.
public struct NamedPerson: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case person, organization
    }

    /// The edition's identifier (TEI `persName/@corresp` without its "#", "p_YGKC1") when the edition tags the
    /// person, else nil.
    public var reference: String?
    /// The name: the edition's list of persons in reading order when it has the person ("George K.C. Yeh"), else
    /// the name as printed most often ("Ambassador Yeh" is printed as "Yeh"), else the name the finder read.
    public var name: String
    /// Tagged names (`persName`) in the body, header and closing; for a name the finder read, its occurrences in the body.
    public var mentions: Int
    public var kind: Kind

    public init(reference: String?, name: String, mentions: Int, kind: Kind) {
        self.reference = reference
        self.name = name
        self.mentions = mentions
        self.kind = kind
    }
}

/// The people and organizations a whole document names: what the edition tags, then what the text shows.
///
/// - The edition's `persName` tags (TEI) of the body, header and closing, one entry per `corresp` id (an untagged
///   id by its printed name); footnotes and the title are left out, as they are the editor's and not the document's.
///   A tag that covers only a title ("Lord" of "Lord Hood") is left out.
/// - The capitalized names `ActorFinder` reads in every sentence of the body (not only the dated ones), with titles
///   dropped ("Comrade Pak Yong-guk" is "Pak Yong-guk"), possessives cut ("Kim's" is Kim), a name wrapped at a line
///   end joined, and cable jargon (Deptel, Embtel, Sending, Reference) left out. A name that is only a title or
///   role ("Secretary", "Vice President", "Soviet Ambassador"), a nationality, or a place (`places`) is left out;
///   a name that repeats part of a tagged or longer name of the document ("Yeh" beside "George K.C. Yeh") is that
///   person.
/// - A name is an organization when a word of it is an institution's ("Ministry", "Party", "Co") or it is an
///   acronym ("SEATO"); the rest are persons.
public enum PersonFinder {
    /// The people and organizations of `document`, in order of first appearance (tagged ones first).
    public static func persons(in document: TokenizedDocument) -> [NamedPerson] {
        var steps = 0
        return persons(in: document, steps: &steps)
    }

    /// `persons(in:)`, counting in `steps` the work done (tokens, spans and names looked at), for tests that bound it.
    public static func persons(in document: TokenizedDocument, steps: inout Int) -> [NamedPerson] {
        var found: [NamedPerson] = []
        var byKey: [String: Int] = [:]
        // Every word sequence of a name kept, for folding a shorter form into it ("yeh" → George K.C. Yeh).
        var byWords: [[String]: Int] = [:]
        func register(_ name: String, at index: Int) {
            let words = Self.words(name)
            guard !words.isEmpty else { return }
            // Each contiguous part of the name, up to four words (a name has few).
            for start in words.indices {
                for end in (start + 1)...min(words.count, start + 4) where byWords[Array(words[start..<end])] == nil {
                    byWords[Array(words[start..<end])] = index
                    steps += 1
                }
            }
        }
        for mention in document.document.persons where [.body, .header, .closing].contains(mention.part) {
            steps += 1
            let printed = Self.words(mention.name)
            guard !printed.isEmpty, !printed.allSatisfy({ isTitle($0) }) else { continue }
            let reference = mention.reference.map { String($0.drop { $0 == "#" }) }.flatMap { $0.isEmpty ? nil : $0 }
            let key = reference.map { "#" + $0 } ?? printed.joined(separator: " ")
            if let index = byKey[key] {
                found[index].mentions += 1
                register(mention.name, at: index)
            } else {
                byKey[key] = found.count
                found.append(NamedPerson(reference: reference, name: mention.listedName ?? Self.withoutTitles(mention.name),
                                         mentions: 1, kind: .person))
                register(found[found.count - 1].name, at: found.count - 1)
                register(mention.name, at: found.count - 1)
            }
        }
        let tagged = found.count
        // Words the document writes in lower case somewhere: a capitalized one alone ("Let", "See", "Failure") is
        // a sentence's first word or a heading's, not a name.
        var lowercase: Set<String> = []
        var body = document.document.body
        body.withUTF8 { bytes in
            for token in document.tokens where (0x61...0x7A).contains(bytes[token.range.lowerBound]) {
                lowercase.insert(Tokenizer.term(bytes, token.range))
            }
        }
        steps += document.tokens.count
        // The finder's names, sentence by sentence; longer names first, so that a shorter one folds into them.
        let finder = ActorFinder(document)
        var read: [(name: String, count: Int)] = []
        var position: [String: Int] = [:]
        for sentence in document.sentences.indices {
            for (found, count, titled) in finder.namesWithCounts(inSentence: sentence, steps: &steps) {
                guard let name = cleaned(found, lowercase: titled ? [] : lowercase, steps: &steps) else { continue }
                if let k = position[name] { read[k].count += count } else {
                    position[name] = read.count
                    read.append((name, count))
                }
            }
        }
        var order = Array(read.indices)
        order.sort { (Self.words(read[$0].name).count, $1) > (Self.words(read[$1].name).count, $0) }
        var assigned: [Int: Int] = [:]  // read index → found index
        var kept: [Int] = []
        for k in order {
            steps += 1
            let name = read[k].name
            guard let kind = kind(of: name) else { continue }
            let words = Self.words(name)
            if let index = byWords[words] {
                // Tagged names count their tags; a shorter form of a name read adds its mentions.
                if index >= tagged { found[index].mentions += read[k].count }
                assigned[k] = index
                continue
            }
            let index = found.count
            found.append(NamedPerson(reference: nil, name: name, mentions: read[k].count, kind: kind))
            assigned[k] = index
            kept.append(index)
            register(name, at: index)
        }
        // Names read appear in the order the text first gives them.
        let firstRead = Dictionary(assigned.map { ($1, $0) }, uniquingKeysWith: min)
        let readOrder = kept.sorted { firstRead[$0, default: 0] < firstRead[$1, default: 0] }
        return Array(found[..<tagged]) + readOrder.map { found[$0] }
    }

    /// The finder's name without what leads into it ("of State", "Thailand Sarit", "Washington Ambassador Yeh",
    /// "Likewise Rhee" lose their first words); nil for a lone word the document also writes in lower case (the
    /// caller passes no words for a name that followed a title: "Adm Felt" is Felt though the document writes "felt").
    static func cleaned(_ name: String, lowercase: Set<String>) -> String? {
        var steps = 0
        return cleaned(name, lowercase: lowercase, steps: &steps)
    }

    /// `cleaned(_:lowercase:)`, counting in `steps` the words looked at.
    static func cleaned(_ name: String, lowercase: Set<String>, steps: inout Int) -> String? {
        var words = name.split(separator: " ").map(String.init)
        func leads(_ word: String) -> Bool {
            let lower = word.lowercased()
            return ["of", "and", "the", "&"].contains(lower) || isTitle(lower) || places.contains(lower)
                || lower.hasSuffix("ly") || lower.hasSuffix("wise")
        }
        // Leading words are stepped over, then cut once: a run of a hundred thousand titles costs as many steps.
        var start = 0
        while words.count - start > 1, leads(words[start]) {
            steps += 1
            // "Secretary of State Acheson", "Minister of Defense Kim", "Under Secretary of State": the portfolio after
            // "of" goes with the title.
            if words[start].lowercased() == "of", portfolios.contains(words[start + 1].lowercased()) {
                if words.count - start == 2 { return nil }
                start += 1
            }
            start += 1
        }
        words.removeFirst(start)
        // "Japanese Prime Minister Yoshida": a nationality before a title goes with it.
        // Not "Korean Foreign Office", "Korean Ministry of Foreign Trade": what follows the titles is an institution.
        if words.count > 2, ActorFinder.isAdjective(words[0]), isTitle(words[1].lowercased()) {
            let rest = words.dropFirst().drop { isTitle($0.lowercased()) }
            if !rest.isEmpty, !rest.contains(where: { ["of", "for", "and"].contains($0.lowercased()) || organizationWords.contains($0.lowercased()) || ActorFinder.institutions.contains($0.lowercased()) }) {
                words = Array(rest)
            }
        }
        guard let first = words.first else { return nil }
        if words.count == 1, lowercase.contains(first.lowercased()) { return nil }
        return words.joined(separator: " ")
    }

    /// A title or role noun, or its plural ("Ambassadors", "Governments").
    static func isTitle(_ word: String) -> Bool {
        let word = word.trimmingCharacters(in: ["."])
        let singular = word.hasSuffix("s") ? String(word.dropLast()) : word
        return [word, singular].contains { ActorFinder.titles.contains($0) || roleWords.contains($0) }
    }

    /// Whether the finder's `name` is kept, and as what: nil for a title or role alone, a nationality, a place, a work,
    /// an agreement or an event ("Mutual Defense Treaty", "Seven-Year Plan", "Cuban Missile Crisis").
    static func kind(of name: String) -> NamedPerson.Kind? {
        let words = Self.words(name)
        guard !words.isEmpty else { return nil }
        if words.allSatisfy({ isTitle($0) || ActorFinder.isAdjective($0) || nationalities.contains($0) }) {
            return nil
        }
        // A place, or places joined by hyphens ("United States-Outer Mongolia", "US-GRC"), or a river, an island; a
        // plural's apostrophe is no part of it ("the United States’ sacrifice").
        let joined = words.joined(separator: " ").trimmingCharacters(in: ["'", "’"])
        // "Eastern Europe", "Communist China": a place after adjectives.
        if let place = words.firstIndex(where: { !ActorFinder.isAdjective($0) && !nationalities.contains($0) }),
           place > 0, places.contains(words[place...].joined(separator: " ")) {
            return nil
        }
        if places.contains(joined) || joined.split(separator: "-").allSatisfy({ places.contains(String($0)) || ActorFinder.isAdjective(String($0)) || nationalities.contains(String($0)) }) {
            return nil
        }
        if let last = words.last, placeHeads.contains(last) { return nil }
        // "United States Government": a state, neither a person nor an organization.
        if words.count > 1, let last = words.last, ["government", "governments"].contains(last), places.contains(words.dropLast().joined(separator: " ")) {
            return nil
        }
        // A roman numeral alone ("Article VIII" cut at the heading's line end).
        if words.count == 1, romanNumerals.contains(words[0].uppercased()) || ["i", "v", "x"].contains(words[0]) { return nil }
        // A letter alone ("D"), a name with digits ("U-2").
        if name.count(where: { $0.isLetter }) < 2 || name.contains(where: \.isNumber) { return nil }
        if words.contains(where: { works.contains($0) }) { return nil }
        // A name of one word: a group ("Socialists", "Neutralists"), the people or adjective of a place ("Okinawans",
        // "Ryukyuan", "Bonins"), a compound of a place, nationality or portfolio ("Japanese-administered",
        // "Anglo-Japanese", "State-Defense").
        if words.count == 1 {
            let word = words[0].trimmingCharacters(in: ["'", "’"])
            if word.hasSuffix("ists") || isDemonym(word) { return nil }
            let parts = word.split(separator: "-").map(String.init)
            if parts.count > 1, parts.contains(where: { ActorFinder.isAdjective($0) || nationalities.contains($0) || places.contains($0) || portfolios.contains($0) || isDemonym($0) || ["anglo", "franco", "euro"].contains($0) }) {
                return nil
            }
            if portfolios.contains(word) { return .organization }
        }
        // An institution's word, an ampersand or a lower-case joining word ("Peace and Socialism") makes an organization.
        if words.contains(where: { organizationWords.contains($0) || ActorFinder.institutions.contains($0) || ["&", "and", "of", "for"].contains($0) }) {
            return .organization
        }
        let letters = name.filter(\.isLetter)
        if letters.count >= 2, letters.allSatisfy(\.isUppercase) { return .organization }
        if words.count > 1 {
            // A nationality first ("Japanese Fiscal Year", "Italian IRBM"; "Japanese Prime Minister Yoshida" lost it in
            // `cleaned`), a place last ("COMUS Japan", "Policy Toward Japan"), a joining word inside ("Facts Bearing on
            // the Problem"): a heading's or a thing's name, not a person's.
            if ActorFinder.isAdjective(words[0]) || nationalities.contains(words[0]) { return nil }
            if places.contains(words[words.count - 1]) || places.contains(words.suffix(2).joined(separator: " ")) { return nil }
            if words.dropFirst().contains(where: { ActorFinder.headingJoiners.contains($0) }) { return nil }
            // An acronym beside ordinary words ("CINCPAC Rep", "NATO Status", "LDP SecGen"): a body's office or a thing,
            // not a person; initials ("T.S. Tsiang") and ordinals ("MacArthur II") are no acronym.
            let printed = name.split(separator: " ")
            let acronym = printed.contains { word in
                let letters = word.filter(\.isLetter)
                return letters.count >= 2 && letters.allSatisfy(\.isUppercase) && !word.contains(".") && !romanNumerals.contains(String(letters))
            }
            if acronym, printed.contains(where: { $0.contains { $0.isLowercase } }) { return nil }
        }
        return .person
    }

    /// "Okinawan", "Okinawans", "Ryukyuan", "Bonins", "Taiwanese": the people, adjective or plural of a place.
    static func isDemonym(_ word: String) -> Bool {
        for suffix in ["ans", "an", "ns", "n", "s", "ese", "ers", "ites"] where word.hasSuffix(suffix) && word.count > suffix.count + 2 {
            if places.contains(String(word.dropLast(suffix.count))) { return true }
        }
        return false
    }

    static let romanNumerals: Set<String> = ["II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "JR", "SR"]

    /// A government's portfolios: "State" and "Defense" are departments ("State and Defense recognize"), and in
    /// "Secretary of State Acheson" the portfolio belongs to the title.
    static let portfolios: Set<String> = [
        "state", "defense", "defence", "justice", "labor", "labour", "finance", "treasury", "commerce", "interior",
        "agriculture", "war", "navy", "army", "health", "education", "trade", "industry", "transportation",
    ]

    /// A name's words in lower case, without titles in front, without brackets and a possessive "'s".
    static func words(_ name: String) -> [String] {
        var words = name.split { $0 == " " || $0 == "[" || $0 == "]" }.map { word -> String in
            let lower = word.lowercased()
            return ActorFinder.possessiveStem(lower) ?? lower
        }
        while words.count > 1, let first = words.first, ActorFinder.titles.contains(first.trimmingCharacters(in: ["."])) { words.removeFirst() }
        return words
    }

    /// The printed name without the titles in front ("Ambassador Yeh" → "Yeh").
    static func withoutTitles(_ name: String) -> String {
        var words = name.split(separator: " ")
        while words.count > 1, let first = words.first, ActorFinder.titles.contains(first.lowercased().trimmingCharacters(in: ["."])) { words.removeFirst() }
        return words.joined(separator: " ")
    }

    /// The last word of a place's name: "Mekong River", "Taiwan Strait".
    static let placeHeads: Set<String> = [
        "river", "island", "islands", "strait", "straits", "sea", "lake", "mountains", "province", "bay", "peninsula", "valley",
        "islanders", "territory", "territories", "coast", "prefecture", "region", "zone", "area",
    ]

    /// Words of the names of works, agreements, plans, files and events, which are neither people nor organizations.
    static let works: Set<String> = [
        "treaty", "charter", "declaration", "plan", "paper", "files", "file", "supplement", "correspondence", "crisis",
        "war", "conference", "operation", "doctrine", "program", "programme", "meetings", "meeting", "allies", "lot",
        "document", "documents", "notes", "memorandum", "telegram", "cable", "letter", "message",
        "article", "articles", "constitution", "act", "resolution", "amendment", "protocol", "tab", "annex", "enclosure",
        "attachment", "preamble", "formula", "report", "estimate", "agreement",
    ]

    /// Role nouns that are not titles before a name: "the Administration", "the Government".
    static let roleWords: Set<String> = [
        "government", "administration", "department", "embassy", "ministry", "cabinet", "delegation", "side", "party",
        "governor", "senator", "lord", "viscount", "excellency", "highness", "majesty", "honorable", "mission",
        "resident", "presidents", "vp", "presidential", "congressional",
        "govt", "capt", "maj", "gen", "col", "lt", "adm", "primin", "fonmin", "fonoff",
        "officer", "officers", "polad", "advisor", "adviser", "interpreter", "asst", "plenipotentiary", "charge", "representative",
        "permanent", "delegate", "spokesman", "official", "officials", "aide", "staff", "member", "members",
    ]

    /// Plural and group nationalities and blocs: "Communists", "Pakistanis", "Burmese".
    static let nationalities: Set<String> = [
        "communists", "chinese", "koreans", "russians", "americans", "japanese", "burmese", "pakistanis", "indians",
        "vietnamese", "thai", "laotian", "british", "french", "germans", "soviets", "sino-american", "sino-soviet",
        "sino-korean", "nationalist", "nationalists", "free", "red", "sino-indian", "afro-asian", "african", "africans",
        "latin", "lao", "thais", "filipino", "filipinos", "baltic", "english", "mexican", "mongolian", "communism",
        "commonwealth", "north", "south", "east", "west", "northern", "southern", "asians", "europeans", "arab", "arabs",
        "turkish", "greek", "dutch", "belgian", "swiss", "swedish", "norwegian", "danish", "spanish", "portuguese",
        "canadian", "australian", "indonesian", "philippine", "malayan", "cambodian", "tibetan", "taiwanese", "formosan",
        "sino", "outer", "inner", "yuans", "far", "near", "middle",
    ]

    static let organizationWords: Set<String> = [
        "party", "army", "navy", "co", "co.", "company", "corporation", "group", "conference", "treaty", "plan",
        "agency", "front", "nations", "forces", "force", "press", "news", "university", "college", "church",
        "government", "house", "congress", "senate", "parliament", "cabinet", "service", "command", "program",
        "programme", "fund", "charter", "declaration", "agreement", "pact", "talks", "mission", "delegation",
        "corps", "guard", "police", "court", "times", "post", "herald", "staff", "chiefs", "board", "yuan", "kuomintang",
        "kmt", "pathet", "youth", "league", "affairs", "society", "foundation", "institute", "bureau", "office", "council",
        "diet", "marines", "fleet", "bloc", "observatory", "cross", "dept", "agency", "legislature", "assembly", "branch",
        "library", "archives",
    ]

    /// Places that read as capitalized names: countries, capitals and regions of the cables' world.
    static let places: Set<String> = [
        "korea", "north korea", "south korea", "china", "red china", "communist china", "mainland china", "taiwan",
        "formosa", "japan", "soviet union", "ussr", "u.s.s.r.", "russia", "united states", "u.s.", "us", "usa", "u.s.a.",
        "america", "u.k.", "uk", "united kingdom", "britain", "great britain", "england", "france", "germany",
        "east germany", "west germany", "gdr", "frg", "india", "pakistan", "burma", "thailand", "laos", "vietnam",
        "viet-nam", "north vietnam", "south vietnam", "cambodia", "indonesia", "philippines", "malaya", "mongolia",
        "outer mongolia", "inner mongolia", "tibet", "cuba", "poland", "hungary", "czechoslovakia", "romania",
        "bulgaria", "albania", "yugoslavia", "canada", "australia", "new zealand", "italy", "europe", "asia",
        "africa", "middle east", "far east", "southeast asia", "latin america", "republic of china",
        "republic of korea", "people's republic of china", "washington", "new york", "tokyo", "taipei", "peking",
        "peiping", "beijing", "pyongyang", "seoul", "moscow", "warsaw", "geneva", "london", "paris", "berlin",
        "hong kong", "saigon", "hanoi", "vientiane", "bangkok", "rangoon", "new delhi", "delhi", "karachi",
        "manila", "djakarta", "jakarta", "chemulpo", "incheon", "inchon", "busan", "pusan", "shanghai", "canton",
        "quemoy", "matsu", "kinmen", "offshore islands", "panmunjom", "kaesong", "ottawa", "havana", "budapest",
        "prague", "bucharest", "sofia", "ulan bator", "lhasa", "kunming", "yunnan", "manchuria", "okinawa",
        "hawaii", "honolulu", "guam", "free world", "pacific", "atlantic", "mekong", "taiwan strait", "liberia",
        "tunisia", "mauritania", "macao", "macau", "cairo", "egypt", "iran", "iraq", "israel", "turkey", "greece",
        "spain", "sweden", "norway", "finland", "denmark", "netherlands", "belgium", "switzerland", "austria",
        "africa", "ghana", "guinea", "congo", "nigeria", "ethiopia", "morocco", "algeria", "mexico", "brazil",
        "argentina", "chile", "singapore", "ceylon", "nepal", "afghanistan", "west", "east",
        // Islands, regions and cities of Japan and the western Pacific (the Ryukyus and Bonins, the southern Kuriles).
        "ryukyu", "ryukyus", "ryukyu islands", "bonin", "bonins", "bonin islands", "ogasawara", "iwo jima", "kurile",
        "kuriles", "kurile islands", "habomai", "habomais", "shikotan", "etorofu", "kunashiri", "sakhalin", "hokkaido",
        "honshu", "kyushu", "shikoku", "tsushima", "naha", "yokohama", "osaka", "nagoya", "kyoto", "kobe", "sapporo",
        "fukuoka", "hiroshima", "nagasaki", "sendai", "yokosuka", "sasebo", "pescadores", "penghu", "micronesia",
        "marianas", "saipan", "midway", "luzon", "mindanao", "baguio", "subic bay", "trust territory",
        // The Middle East and North Africa, and other capitals and cities the cables name.
        "cyprus", "suez", "syria", "lebanon", "libya", "sudan", "saudi arabia", "kuwait", "yemen", "jordan", "algiers",
        "tunis", "beirut", "damascus", "baghdad", "tehran", "ankara", "istanbul", "rome", "madrid", "lisbon", "vienna",
        "brussels", "bonn", "stockholm", "oslo", "copenhagen", "helsinki", "athens", "belgrade", "colombo", "kabul",
        "kathmandu", "phnom penh", "kuala lumpur", "san francisco", "los angeles", "chicago", "seattle", "boston",
        // States written as their governments' initials.
        "grc", "roc", "prc", "rok", "dprk", "hmg", "usg", "gdr", "frg", "om", "urss", "gvn", "rlg", "goj",
    ]
}
