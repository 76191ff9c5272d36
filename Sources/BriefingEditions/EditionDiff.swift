import BriefingContent

/// What changed between two editions' fact bases, fact by fact, in a fixed order readers
/// can rely on: revised values, then changed sources, changed grades, new facts, new
/// events, and removed facts; by key within each group. A fact whose value, source and grade
/// all changed is one change listing all three.
public struct EditionDiff: Sendable {
    /// One change: the same entry the briefing's panel prints.
    public typealias Change = FactChanges.Entry

    public let changes: [Change]

    public init(old: [FactRow], new: [FactRow]) {
        let before = Dictionary(old.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var changes: [Change] = []
        for (key, now) in after {
            guard let was = before[key] else {
                changes.append(
                    Change(
                        kind: now.kind == "event" ? .event : .added, key: key, fact: now.kind, label: now.label, old: nil, new: now.text,
                        oldSource: nil, newSource: now.sourceTitle, oldConfidence: nil, newConfidence: now.confidence, derived: now.derived
                    ).from(now.origin))
                continue
            }
            let valueChanged = was.text != now.text || was.value != now.value
            let sourceChanged = was.sourceID != now.sourceID
            let gradeChanged = was.confidence != now.confidence
            guard valueChanged || sourceChanged || gradeChanged else { continue }
            let kind: Change.Kind = valueChanged ? .revised : sourceChanged ? .source : .confidence
            changes.append(
                Change(
                    kind: kind, key: key, fact: now.kind, label: now.label, old: was.text, new: now.text,
                    oldSource: sourceChanged ? was.sourceTitle : nil, newSource: sourceChanged ? now.sourceTitle : nil,
                    oldConfidence: gradeChanged ? was.confidence : nil, newConfidence: gradeChanged ? now.confidence : nil,
                    derived: now.derived
                ).from(now.origin))
        }
        for (key, was) in before where after[key] == nil {
            changes.append(
                Change(
                    kind: .removed, key: key, fact: was.kind, label: was.label, old: was.text, new: nil, oldSource: was.sourceTitle,
                    oldConfidence: was.confidence, derived: was.derived
                ).from(was.origin))
        }
        let order = Dictionary(uniqueKeysWithValues: Change.Kind.allCases.enumerated().map { ($1, $0) })
        self.changes = changes.sorted { (order[$0.kind]!, $0.key) < (order[$1.kind]!, $1.key) }
    }

    /// One line a change, as `briefing diff` prints it: the kind's machine name in a column
    /// (as the JSON has it), the change worded as the briefing and the mail word it, and
    /// where the value was read.
    public var lines: [String] {
        changes.map { change in
            var line = change.kind.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0) + change.wording
            if change.derived { line += " [derived]" }
            if let origin = change.origin { line += "  @ \(origin)" }
            return line
        }
    }
}

extension FactChanges.Entry {
    /// The entry with where its value was read, if the edition recorded it.
    fileprivate func from(_ origin: String) -> Self {
        var entry = self
        entry.origin = origin.isEmpty ? nil : origin
        return entry
    }
}
