/// A measurer that can make a second one for another thread, and take back what that one
/// measured. Layout is mostly measuring (shaping and breaking paragraphs), and a run lays out
/// on one core while the other waits; with a helper, the last sections are measured on the
/// second core at the same time (`SectionsAhead`).
public protocol ConcurrentMeasuring: TextMeasurer, AnyObject, SendableMetatype {
    /// What a helper measured, handed from its thread to the measurer that made it.
    associatedtype Handover: Sendable

    /// A measurer for one other thread, measuring exactly as this one does (the same fonts,
    /// options and hyphenation), or nil when none can be made. Called on this measurer's
    /// thread; the helper is then used by the other thread alone.
    func makeHelper() -> Self?

    /// On the helper's thread: what it measured since the last handover.
    func handOver() -> Handover

    /// On this measurer's thread: asking for any of these paragraphs at its width returns
    /// what the helper measured, as if this measurer had. The helper's shaped text must not be
    /// drawn before the helper's thread has ended.
    func adopt(_ handover: Handover)
}
