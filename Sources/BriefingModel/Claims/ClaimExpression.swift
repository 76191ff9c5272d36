/// A claim's condition, parsed: comparisons, `and`/`or`/`not`, arithmetic, fact references
/// (`supply.S.latest.china`, `fig.students.source`) and a few functions over a series
/// (`rising`, `falling`, `all`, `any`, `count`, `min`, `max`). Nothing else: no code runs.
public indirect enum ClaimExpression: Sendable, Equatable {
    case number(Double)
    case text(String)
    /// A fact reference; `*` in the row position makes it a list (`supply.S.*.china`).
    case reference(String, offset: Int)
    case not(ClaimExpression)
    case binary(String, ClaimExpression, ClaimExpression)
    case call(String, [ClaimExpression], offset: Int)

    /// The functions a claim may call, with how many arguments each takes.
    public static let functions: [String: Int] = ["rising": 1, "falling": 1, "all": 1, "any": 1, "count": 1, "min": 1, "max": 1]

    /// As written (normalized), for messages.
    public var description: String {
        switch self {
        case .number(let value): NumberFormatting.format(value, decimals: 4)
        case .text(let text): "'\(text)'"
        case .reference(let path, _): path
        case .not(let inner): "not \(inner.description)"
        case .binary(let op, let left, let right): "\(left.description) \(op) \(right.description)"
        case .call(let name, let arguments, _): "\(name)(\(arguments.map(\.description).joined(separator: ", ")))"
        }
    }
}

/// Why a claim's condition could not be read: the message and where in the text.
public struct ClaimSyntaxError: Error, Sendable {
    public var message: String
    /// Character offset in the condition.
    public var offset: Int
    public var hint: String?
}
