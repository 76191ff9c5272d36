/// A sentence's condition on the data, declared under `claims:` in `briefing.yaml` and
/// placed in the text with `{{claim.ID}}` just before the sentence it guards. A claim that no
/// longer holds stops the run at that place (exit 65, nothing published).
public struct Claim: Sendable {
    public var id: String
    /// The condition as written.
    public var condition: String
    public var expression: ClaimExpression
    /// Where the condition's text starts in `briefing.yaml`.
    public var location: SourceLocation

    public init(id: String, condition: String, expression: ClaimExpression, location: SourceLocation) {
        self.id = id
        self.condition = condition
        self.expression = expression
        self.location = location
    }

    /// The position `offset` characters into the condition (one-line conditions).
    public func location(at offset: Int) -> SourceLocation {
        SourceLocation(file: location.file, line: location.line, column: location.column + offset)
    }
}
