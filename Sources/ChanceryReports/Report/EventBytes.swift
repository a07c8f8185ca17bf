import ChanceryAnalytics
import ChanceryCorpus
import ChanceryTime

/// The byte form of a `TemporalEvent` in an `EventStore`: variable-length integers, strings as length and
/// UTF-8, enumerations by their raw values (short strings, stored inline), optionals behind a byte.
enum EventBytes {
    struct Writer {
        var bytes: [UInt8] = []

        mutating func write(_ event: TemporalEvent) {
            date(event.date)
            optionalDate(event.documentDate)
            string(event.expression)
            caseName(event.resolution)
            caseName(event.kind)
            string(event.value)
            optionalCaseName(event.modifier)
            integer(event.isVague ? 1 : 0)
            if let duration = event.duration {
                integer(1)
                optionalInteger(duration.amount)
                caseName(duration.unit)
            } else {
                integer(0)
            }
            optionalDate(event.impliedStart)
            strings(event.namedEvents)
            string(event.sentence)
            optionalInteger(event.sentenceIndex)
            optionalInteger(event.characterStart)
            strings(event.actors)
            strings(event.topics)
        }

        /// Zig-zag, then seven bits a byte.
        mutating func integer(_ value: Int) {
            var rest = UInt64(bitPattern: Int64(value << 1 ^ value >> 63))
            while rest >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
                rest >>= 7
            }
            bytes.append(UInt8(rest))
        }

        mutating func optionalInteger(_ value: Int?) {
            guard let value else { return integer(0) }
            integer(1)
            integer(value)
        }

        mutating func string(_ text: String) {
            integer(text.utf8.count)
            bytes += text.utf8
        }

        mutating func strings(_ texts: [String]) {
            integer(texts.count)
            for text in texts { string(text) }
        }

        mutating func caseName<Case: RawRepresentable>(_ value: Case) where Case.RawValue == String {
            string(value.rawValue)
        }

        mutating func optionalCaseName<Case: RawRepresentable>(_ value: Case?) where Case.RawValue == String {
            guard let value else { return integer(0) }
            integer(1)
            caseName(value)
        }

        mutating func date(_ date: HistoricalDate) {
            caseName(date.precision)
            integer(date.year)
            integer(date.month ?? 0)
            integer(date.day ?? 0)
        }

        mutating func optionalDate(_ value: HistoricalDate?) {
            guard let value else { return integer(0) }
            integer(1)
            date(value)
        }
    }

    /// Reads what `Writer` wrote; the bytes come from this process's own file, so a misfit is a bug, not bad input.
    struct Reader {
        let bytes: UnsafeRawBufferPointer
        var position = 0

        mutating func readEvent(documentID: String) -> TemporalEvent {
            let date = self.date()
            let documentDate = optionalDate()
            let expression = string()
            let resolution: TemporalResolution = caseValue()
            let kind: TemporalKind = caseValue()
            let value = string()
            let modifier: DateModifier? = integer() == 1 ? caseValue() : nil
            let isVague = integer() == 1
            var duration: TemporalDuration?
            if integer() == 1 {
                let amount = optionalInteger()
                duration = TemporalDuration(amount: amount, unit: caseValue())
            }
            let impliedStart = optionalDate()
            let namedEvents = strings()
            let sentence = string()
            let sentenceIndex = optionalInteger()
            let characterStart = optionalInteger()
            let actors = strings()
            let topics = strings()
            precondition(position == bytes.count, "an event record of the report's temporary file does not read back whole")
            return TemporalEvent(
                date: date, documentID: documentID, documentDate: documentDate, expression: expression, resolution: resolution,
                kind: kind, value: value, modifier: modifier, isVague: isVague, duration: duration, impliedStart: impliedStart,
                namedEvents: namedEvents, sentence: sentence, sentenceIndex: sentenceIndex, characterStart: characterStart,
                actors: actors, topics: topics)
        }

        mutating func integer() -> Int {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let byte = bytes[position]
                position += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { break }
                shift += 7
            }
            let signed = Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
            return Int(signed)
        }

        mutating func optionalInteger() -> Int? {
            integer() == 1 ? integer() : nil
        }

        mutating func string() -> String {
            let count = integer()
            defer { position += count }
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[position..<position + count]), as: UTF8.self)
        }

        mutating func strings() -> [String] {
            (0..<integer()).map { _ in string() }
        }

        mutating func caseValue<Case: RawRepresentable>() -> Case where Case.RawValue == String {
            let raw = string()
            guard let value = Case(rawValue: raw) else { preconditionFailure("an unknown case in the report's temporary file: \(raw)") }
            return value
        }

        mutating func date() -> HistoricalDate {
            let precision: DatePrecision = caseValue()
            let year = integer(), month = integer(), day = integer()
            let made: HistoricalDate? = switch precision {
            case .day: try? HistoricalDate(year: year, month: month, day: day)
            case .month: try? HistoricalDate(year: year, month: month)
            case .year: try? HistoricalDate(year: year)
            case .decade: try? HistoricalDate(decade: year)
            }
            guard let made else { preconditionFailure("a date of the report's temporary file does not read back: \(year)-\(month)-\(day)") }
            return made
        }

        mutating func optionalDate() -> HistoricalDate? {
            integer() == 1 ? date() : nil
        }
    }
}
