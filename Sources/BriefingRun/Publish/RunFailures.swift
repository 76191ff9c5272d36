import BriefingPipeline
import BriefingRunState
import Foundation

/// Another run holds the output's lock (75). Not a failure of this output: nothing is
/// recorded over the running one's manifest, and nobody is mailed.
public struct AlreadyRunning: KindedFailure, CustomStringConvertible {
    public var output: URL
    public var failureKind: FailureKind { .tryAgain }
    public var description: String { "already running: another run is writing \(output.path); nothing was changed" }
}

/// A lock file that cannot be made or opened is a file the run cannot create (73).
extension RunLock.LockError: KindedFailure {
    public var failureKind: FailureKind { .cannotCreate }
}
