import BriefingEditions
import BriefingModel
import BriefingRender
import Foundation

/// A problem writing or publishing the output.
public struct OutputError: Error, CustomStringConvertible {
    public var message: String
    public var kind: FailureKind

    public init(message: String, kind: FailureKind = .cannotCreate) {
        self.message = message
        self.kind = kind
    }

    public var description: String { message }
}

/// Claims in the text that no longer hold: the data changed under a sentence. Data errors at
/// the sentences' places (exit 65); the run contract records the run as `needs-review`.
public struct ClaimsNeedReview: Error, CustomStringConvertible {
    public var error: InputError
    public var description: String { error.description }
}

/// An error of a later stage (delivery) that says its own kind.
public protocol KindedFailure: Error {
    var failureKind: FailureKind { get }
}

/// What went wrong, in the terms a caller acts on (the command line maps each to a sysexits
/// code; a mail to the owner names it). Every error the pipeline throws has one.
public enum FailureKind: Sendable, Hashable {
    case usage, invalidData, missingInput, cannotCreate, tryAgain, software
    /// A service the run needs is not there or refused (sendmail, a relay): EX_UNAVAILABLE.
    case unavailable

    public init(of error: Error) {
        switch error {
        case let error as KindedFailure: self = error.failureKind
        case let error as InputError:
            switch error.kind {
            case .missingInput: self = .missingInput
            case .invalidData: self = .invalidData
            case .usage: self = .usage
            case .cannotCreate: self = .cannotCreate
            }
        case is ClaimsNeedReview: self = .invalidData
        case RenderError.fonts: self = .missingInput
        case is ColorProfile.Missing: self = .missingInput
        case RenderError.drawing: self = .software
        case RenderError.missingLibrary: self = .unavailable
        case let error as OutputError: self = error.kind
        case is EditionStoreDamaged, is EditionStoreFull: self = .cannotCreate
        default: self = .software
        }
    }
}
