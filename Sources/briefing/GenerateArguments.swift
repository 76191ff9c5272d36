import ArgumentParser
import BriefingModel
import Foundation

extension Generate {
    /// `generate`'s arguments parsed as `generate` parses them, with a parse error turned
    /// into a located usage error (64; ArgumentParser's own message keeps its "did you
    /// mean") instead of ArgumentParser's error type, which the exit status mapping does not
    /// know: a mistyped `--outptu` in `schedule add` exited 70 with a Swift dump.
    static func parsed(_ arguments: [String], what: String = "generate options") throws -> Generate {
        do {
            return try Generate.parse(arguments)
        } catch {
            let message = Generate.message(for: error)
            throw InputError(kind: .usage, .argument(what), message.prefix(1).lowercased() + message.dropFirst())
        }
    }
}
