import BriefingContent
import Foundation

/// `briefing diff --format json`: each change with both sides as data, numbers as numbers
/// beside their unit and the text as printed, so a script can compute with them; every field
/// has one type (absent sides are null).
public struct DiffReport: Encodable, Sendable {
    public struct Side: Encodable, Sendable {
        /// The edition's number; null for the data on disk.
        public var edition: Int?
        /// The printed date of the edition; null for the data on disk.
        public var printed: String?
        public init(edition: Int?, printed: String?) {
            self.edition = edition
            self.printed = printed
        }
    }

    /// One side of a change: the value as data and as printed.
    public struct Value: Encodable, Sendable {
        public var value: Double?
        public var unit: String
        public var text: String
        public var source: String
        public var grade: String
    }

    public struct Change: Encodable, Sendable {
        public var kind: String
        public var key: String
        public var fact: String
        public var label: String
        public var old: Value?
        public var new: Value?
        public var derived: Bool
        /// Where the new (or removed) value was read (`data/trade.csv:6:3`); null when typed.
        public var origin: String?
    }

    public var from: Side
    public var to: Side
    /// What "to" is, in words ("the data on disk (template ..., as recorded for ...)").
    public var compared: String
    public var changes: [Change]

    public init(from: Side, to: Side, compared: String, old: [FactRow], new: [FactRow], diff: EditionDiff) {
        self.from = from
        self.to = to
        self.compared = compared
        let before = Dictionary(old.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        func value(_ row: FactRow?) -> Value? {
            row.map { Value(value: $0.value, unit: $0.unit, text: $0.text, source: $0.sourceTitle, grade: $0.confidence) }
        }
        changes = diff.changes.map { change in
            Change(
                kind: change.kind.rawValue, key: change.key, fact: change.fact, label: change.label, old: value(before[change.key]),
                new: value(after[change.key]), derived: change.derived, origin: change.origin)
        }
    }

    /// Pretty, sorted keys, nulls written out (a reader sees every field every time).
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    private enum CodingKeys: String, CodingKey { case from, to, compared, changes }
}

extension DiffReport.Side {
    private enum CodingKeys: String, CodingKey { case edition, printed }
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(edition, forKey: .edition)
        try container.encode(printed, forKey: .printed)
    }
}

extension DiffReport.Change {
    private enum CodingKeys: String, CodingKey { case kind, key, fact, label, old, new, derived, origin }
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(key, forKey: .key)
        try container.encode(fact, forKey: .fact)
        try container.encode(label, forKey: .label)
        try container.encode(old, forKey: .old)
        try container.encode(new, forKey: .new)
        try container.encode(derived, forKey: .derived)
        try container.encode(origin, forKey: .origin)
    }
}

extension DiffReport.Value {
    private enum CodingKeys: String, CodingKey { case value, unit, text, source, grade }
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value, forKey: .value)
        try container.encode(unit, forKey: .unit)
        try container.encode(text, forKey: .text)
        try container.encode(source, forKey: .source)
        try container.encode(grade, forKey: .grade)
    }
}
