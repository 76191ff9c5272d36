import BriefingPipeline
import BriefingSchedule

/// The crontab could not be read or written: 75 when another `crontab` held it (try again),
/// else 73.
extension CrontabError: KindedFailure {
    public var failureKind: FailureKind { retry ? .tryAgain : .cannotCreate }
}

/// A job file that does not parse is data the user can fix (65).
extension JobFileError: KindedFailure {
    public var failureKind: FailureKind { .invalidData }
}
