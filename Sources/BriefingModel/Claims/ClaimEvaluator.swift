/// Evaluates a claim's condition against a fact base, and says why it fails in terms of the
/// values it read ("supply.s.latest.china is 74, supply.s.previous.china is 80").
public struct ClaimEvaluator {
    public enum Value: Equatable {
        case number(Double)
        case text(String)
        case bool(Bool)
        /// A series: each row or point's label and value, in order.
        case list([Item])
    }

    public struct Item: Equatable {
        public var label: String
        public var value: Double
    }

    /// A reference or type the condition cannot use, at an offset in its text.
    public struct Failure: Error {
        public var message: String
        public var offset: Int
        public var hint: String?
    }

    let facts: FactBase

    public init(facts: FactBase) { self.facts = facts }

    /// Whether the claim holds, and if not, the values that make it false.
    public func check(_ expression: ClaimExpression) throws(Failure) -> (holds: Bool, why: String) {
        guard case .bool(let holds) = try evaluate(expression, binding: nil) else {
            throw Failure(message: "the condition is not true or false: \(expression.description)", offset: 0)
        }
        return (holds, holds ? "" : try explain(expression, binding: nil))
    }

    // MARK: - Evaluation

    private typealias Binding = (path: String, value: Double)?

    private func evaluate(_ expression: ClaimExpression, binding: Binding) throws(Failure) -> Value {
        switch expression {
        case .number(let value): return .number(value)
        case .text(let text): return .text(text)
        case .reference(let path, let offset):
            if let binding, binding.path == path { return .number(binding.value) }
            return try resolve(path, offset: offset)
        case .not(let inner):
            return .bool(!(try bool(inner, binding)))
        case .binary(let op, let left, let right):
            switch op {
            case "and":
                guard try bool(left, binding) else { return .bool(false) }
                return .bool(try bool(right, binding))
            case "or":
                if try bool(left, binding) { return .bool(true) }
                return .bool(try bool(right, binding))
            case "+", "-", "*", "/":
                let a = try number(left, binding), b = try number(right, binding)
                switch op {
                case "+": return .number(a + b)
                case "-": return .number(a - b)
                case "*": return .number(a * b)
                default:
                    guard b != 0 else { throw Failure(message: "division by zero in \(expression.description)", offset: 0) }
                    return .number(a / b)
                }
            default:
                let a = try evaluate(left, binding: binding), b = try evaluate(right, binding: binding)
                switch (a, b) {
                case (.number(let x), .number(let y)):
                    return .bool(Self.compare(x, op, y))
                case (.text(let x), .text(let y)) where op == "==" || op == "!=":
                    return .bool((x == y) == (op == "=="))
                default:
                    throw Failure(message: "cannot compare \(Self.kind(a)) with \(Self.kind(b)) in \(expression.description)", offset: 0)
                }
            }
        case .call(let name, let arguments, let offset):
            return try call(name, arguments[0], offset: offset, binding: binding)
        }
    }

    private static func compare(_ x: Double, _ op: String, _ y: Double) -> Bool {
        switch op {
        case "<": x < y
        case "<=": x <= y
        case ">": x > y
        case ">=": x >= y
        case "==": abs(x - y) < 1e-9
        default: abs(x - y) >= 1e-9
        }
    }

    private static func kind(_ value: Value) -> String {
        switch value {
        case .number: "a number"
        case .text: "text"
        case .bool: "true or false"
        case .list: "a series"
        }
    }

    private func bool(_ expression: ClaimExpression, _ binding: Binding) throws(Failure) -> Bool {
        guard case .bool(let value) = try evaluate(expression, binding: binding) else {
            throw Failure(message: "'\(expression.description)' is not true or false", offset: 0)
        }
        return value
    }

    private func number(_ expression: ClaimExpression, _ binding: Binding) throws(Failure) -> Double {
        guard case .number(let value) = try evaluate(expression, binding: binding) else {
            throw Failure(message: "'\(expression.description)' is not a number", offset: 0)
        }
        return value
    }

    private func list(_ expression: ClaimExpression) throws(Failure) -> [Item] {
        guard case .list(let items) = try evaluate(expression, binding: nil) else {
            throw Failure(message: "'\(expression.description)' is not a series (write * for the row: supply.S.*.china)", offset: 0)
        }
        return items
    }

    /// The series reference inside an `all`/`any` condition.
    private func seriesReference(in expression: ClaimExpression) -> String? {
        switch expression {
        case .reference(let path, _): path.contains("*") ? path : nil
        case .not(let inner): seriesReference(in: inner)
        case .binary(_, let left, let right): seriesReference(in: left) ?? seriesReference(in: right)
        case .call(_, let arguments, _): arguments.lazy.compactMap { seriesReference(in: $0) }.first
        default: nil
        }
    }

    private func call(_ name: String, _ argument: ClaimExpression, offset: Int, binding: Binding) throws(Failure) -> Value {
        switch name {
        case "all", "any":
            guard let path = seriesReference(in: argument) else {
                throw Failure(message: "'\(name)' needs a series in its condition (supply.S.*.china)", offset: offset)
            }
            let items = try list(.reference(path, offset: offset))
            var results: [Bool] = []
            for item in items { results.append(try bool(argument, (path, item.value))) }
            return .bool(name == "all" ? results.allSatisfy { $0 } : results.contains(true))
        default:
            let items = try list(argument)
            switch name {
            case "rising": return .bool(zip(items, items.dropFirst()).allSatisfy { $1.value > $0.value })
            case "falling": return .bool(zip(items, items.dropFirst()).allSatisfy { $1.value < $0.value })
            case "count": return .number(Double(items.count))
            case "min": return .number(items.map(\.value).min() ?? 0)
            default: return .number(items.map(\.value).max() ?? 0)
            }
        }
    }

    // MARK: - Why a claim fails

    private func explain(_ expression: ClaimExpression, binding: Binding) throws(Failure) -> String {
        switch expression {
        case .binary("and", let left, let right):
            return try bool(left, binding) ? try explain(right, binding: binding) : try explain(left, binding: binding)
        case .binary("or", let left, let right):
            return "\(try explain(left, binding: binding)); \(try explain(right, binding: binding))"
        case .not(let inner):
            return "\(inner.description) holds"
        case .binary(let op, let left, let right):
            return "\(try show(left, binding)) \(op) \(try show(right, binding)) is false"
        case .call("rising", let arguments, _), .call("falling", let arguments, _):
            let items = try list(arguments[0])
            let rising = expression.description.hasPrefix("rising")
            for (previous, next) in zip(items, items.dropFirst()) where rising ? next.value <= previous.value : next.value >= previous.value
            {
                return
                    "\(arguments[0].description): \(next.label) \(NumberFormatting.format(next.value)) is not \(rising ? "above" : "below") \(previous.label) \(NumberFormatting.format(previous.value))"
            }
            return expression.description
        case .call(let name, let arguments, let offset) where name == "all":
            let path = seriesReference(in: arguments[0]) ?? ""
            for item in try list(.reference(path, offset: offset)) where !(try bool(arguments[0], (path, item.value))) {
                return "\(item.label): \(try explain(arguments[0], binding: (path, item.value)))"
            }
            return expression.description
        default:
            return "\(expression.description) is false"
        }
    }

    /// An operand with the value it had: `supply.s.latest.china (74)`.
    private func show(_ expression: ClaimExpression, _ binding: Binding) throws(Failure) -> String {
        switch expression {
        case .number, .text: return expression.description
        default:
            switch try evaluate(expression, binding: binding) {
            case .number(let value): return "\(expression.description) (\(NumberFormatting.format(value)))"
            case .text(let text): return "\(expression.description) ('\(text)')"
            case .bool(let value): return "\(expression.description) (\(value))"
            case .list(let items): return "\(expression.description) (\(items.count) values)"
            }
        }
    }
}
