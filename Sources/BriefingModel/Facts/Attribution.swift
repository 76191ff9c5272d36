/// Where a fact comes from and how sure we are of it: every figure, event and share has one.
public struct Attribution: Sendable, Hashable {
    public var sourceID: String
    public var confidence: Confidence
    /// A caveat to print with the fact (a conflicting figure, a narrower meaning).
    public var note: String?
    /// Where the `source` field is written, for "unknown source" errors.
    public var location: SourceLocation

    public init(sourceID: String, confidence: Confidence, note: String? = nil, location: SourceLocation) {
        self.sourceID = sourceID
        self.confidence = confidence
        self.note = note
        self.location = location
    }
}
