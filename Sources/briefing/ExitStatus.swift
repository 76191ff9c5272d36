import ArgumentParser
import BriefingModel
import BriefingPipeline
import BriefingRun
import Foundation

/// The one place failures become process exit codes (sysexits.h), so cron and scripts can
/// tell a data error from a full disk.
enum ExitStatus {
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66
    static let unavailable: Int32 = 69
    static let software: Int32 = 70
    static let cannotCreate: Int32 = 73
    static let tryAgain: Int32 = 75

    static func code(for error: Error) -> Int32 {
        switch FailureKind(of: error) {
        case .usage: usage
        case .invalidData: dataError
        case .missingInput: noInput
        case .cannotCreate: cannotCreate
        case .tryAgain: tryAgain
        case .software: software
        case .unavailable: unavailable
        }
    }

    /// Prints the error the compiler way on standard error and exits with its code.
    static func fail(_ error: Error) -> ExitCode {
        if let exit = error as? ExitCode { return exit }
        let message: String
        switch error {
        case let error as InputError: message = error.description
        case let error as OutputGuard.Refused: message = error.description
        case let error as ClaimsNeedReview: message = error.description
        default: message = "briefing: error: \(error)"
        }
        Console.error(message)
        return ExitCode(code(for: error))
    }

    /// Warnings go to standard error as they are found.
    static func printWarning(_ warning: Diagnostic) {
        Console.error(warning.description)
    }
}
