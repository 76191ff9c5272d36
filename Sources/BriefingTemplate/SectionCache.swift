import BriefingContent
import BriefingModel

/// Sections as parsed by the last build, for a process that builds again and again
/// (`briefing watch`): a Markdown file whose text did not change, read in the same context
/// (the facts, the spec, images and the date: everything but the Markdown files, as the
/// caller's `context` stamp says), is not expanded and parsed again. Holds one build's files.
public final class SectionCache {
    struct Entry {
        var text: String
        var displayName: String
        var blocks: [Block]
        var references: [(reference: CrossReference, location: SourceLocation)]
        var warnings: [Diagnostic]
    }

    var context: String?
    var entries: [String: Entry] = [:]
    /// Files reused from the last build and files parsed, in the last build (for tests and
    /// the curious).
    public private(set) var reused = 0
    public private(set) var parsed = 0

    public init() {}

    /// The entry for `path`, if the context is the last build's and the text is the same.
    func entry(_ path: String, text: String, context: String) -> Entry? {
        guard self.context == context, let entry = entries[path], entry.text == text else { return nil }
        return entry
    }

    /// Replaces the cache with this build's files.
    func keep(_ entries: [String: Entry], context: String, reused: Int) {
        self.context = context
        self.entries = entries
        self.reused = reused
        parsed = entries.count - reused
    }
}
