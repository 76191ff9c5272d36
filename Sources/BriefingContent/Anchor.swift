/// Every named destination in a briefing, built in one place so a link, a bookmark and the
/// place they point to cannot disagree (the template writes links, the layout writes targets).
public enum Anchor {
    public static let keyJudgements = "key-judgements"
    public static let contents = "contents"
    public static let sources = "sources"
    /// The note on the cover explaining the confidence markers.
    public static let confidenceNote = "confidence-note"
    /// The "What changed" panel, where every "revised" marker links.
    public static let changes = "changes"

    public static func section(_ id: String) -> String { "section-\(id)" }
    public static func figure(_ number: Int) -> String { "figure-\(number)" }
    /// Entry `number` of the Sources list.
    public static func source(_ number: Int) -> String { "source-\(number)" }
    /// Block `index` (1-based) inside `parent`: `section-it.3`. A '.' cannot occur in a section
    /// id, so `history.2` and a section named `history-2` never collide.
    public static func block(_ index: Int, in parent: String) -> String { "\(parent).\(index)" }

    /// Footnote `number` of the section (or cover) whose anchor is `scope`.
    public static func note(_ number: Int, in scope: String) -> String { "\(scope).note-\(number)" }

    /// The URL of an internal link to `anchor`, as content inlines carry it.
    public static func link(to anchor: String) -> String { "#" + anchor }
}
