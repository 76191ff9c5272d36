import ArgumentParser
import BriefingModel
import BriefingRender
import Foundation

/// The one place failures become process exit codes (sysexits.h), so cron and scripts can
/// tell a data error from a full disk.
enum ExitStatus {
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66
    static let software: Int32 = 70
    static let cannotCreate: Int32 = 73
    static let tryAgain: Int32 = 75

    static func code(for error: Error) -> Int32 {
        switch error {
        case let error as InputError:
            switch error.kind {
            case .missingInput: noInput
            case .invalidData: dataError
            case .usage: usage
            case .cannotCreate: cannotCreate
            }
        case RenderError.fonts: noInput
        case RenderError.surface: cannotCreate
        case let error as OutputError: error.code
        default: software
        }
    }

    /// Prints the error the compiler way on standard error and exits with its code.
    static func fail(_ error: Error) -> ExitCode {
        let message: String
        switch error {
        case let error as InputError: message = error.description
        default: message = "error: \(error)"
        }
        FileHandle.standardError.write((message + "\n").data(using: .utf8)!)
        return ExitCode(code(for: error))
    }
}

/// A problem writing the output.
struct OutputError: Error, CustomStringConvertible {
    var message: String
    var code: Int32 = ExitStatus.cannotCreate
    var description: String { message }
}
