/// Reads a claim's condition by recursive descent. Precedence, loosest first: `or`, `and`,
/// `not`, comparisons (`< <= > >= == !=`, at most one per operand), `+ -`, `* /`, unary
/// minus. Numbers may end in `%` (`80%` is 80); text is in single quotes.
public struct ClaimParser {
    private enum Token: Equatable {
        case number(Double), text(String), name(String), symbol(String), end
    }

    private var tokens: [(token: Token, offset: Int)] = []
    private var position = 0

    public static func parse(_ source: String) throws(ClaimSyntaxError) -> ClaimExpression {
        var parser = ClaimParser()
        try parser.tokenize(Array(source))
        let expression = try parser.or()
        guard parser.current == .end else {
            throw ClaimSyntaxError(message: "unexpected '\(parser.text(parser.current))' after the condition", offset: parser.offset)
        }
        return expression
    }

    private var current: Token { tokens[position].token }
    private var offset: Int { tokens[position].offset }

    private func text(_ token: Token) -> String {
        switch token {
        case .number(let value): NumberFormatting.format(value)
        case .text(let text): "'\(text)'"
        case .name(let name): name
        case .symbol(let symbol): symbol
        case .end: "end"
        }
    }

    private mutating func tokenize(_ characters: [Character]) throws(ClaimSyntaxError) {
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let start = index
            if character.isWhitespace {
                index += 1
            } else if character.isNumber {
                while index < characters.count, characters[index].isNumber || characters[index] == "." { index += 1 }
                let literal = String(characters[start..<index])
                guard let value = Double(literal) else { throw ClaimSyntaxError(message: "'\(literal)' is not a number", offset: start) }
                // Past 15 significant digits a double is not the number written: 99999999999999999999
                // would equal 99999999999999999998.
                let digits = literal.filter(\.isNumber).drop { $0 == "0" }.count
                guard digits <= 15, value <= NumberFormatting.largestInput else {
                    throw ClaimSyntaxError(
                        message: "'\(literal)' has more digits than can be compared exactly (at most 15, and at most 10^15)", offset: start)
                }
                if index < characters.count, characters[index] == "%" { index += 1 }
                tokens.append((.number(value), start))
            } else if character == "'" {
                index += 1
                while index < characters.count, characters[index] != "'" { index += 1 }
                guard index < characters.count else { throw ClaimSyntaxError(message: "text is not closed with '", offset: start) }
                tokens.append((.text(String(characters[(start + 1)..<index])), start))
                index += 1
            } else if character.isLetter || character == "_" {
                // Names and fact references: letters, digits, '-', '_', '.', and '*' for a whole series.
                while index < characters.count,
                    characters[index].isLetter || characters[index].isNumber || "-_.*".contains(characters[index])
                {
                    index += 1
                }
                tokens.append((.name(String(characters[start..<index])), start))
            } else {
                let two = index + 1 < characters.count ? String(characters[index...(index + 1)]) : ""
                if ["<=", ">=", "==", "!="].contains(two) {
                    tokens.append((.symbol(two), start))
                    index += 2
                } else if "<>+-*/(),".contains(character) {
                    tokens.append((.symbol(String(character)), start))
                    index += 1
                } else {
                    throw ClaimSyntaxError(
                        message: "'\(character)' cannot stand in a claim", offset: start,
                        hint: "claims use numbers, 'text', fact names, and < <= > >= == != + - * / and or not ( )")
                }
            }
        }
        tokens.append((.end, characters.count))
    }

    private mutating func or() throws(ClaimSyntaxError) -> ClaimExpression {
        var left = try and()
        while current == .name("or") {
            position += 1
            left = .binary("or", left, try and())
        }
        return left
    }

    private mutating func and() throws(ClaimSyntaxError) -> ClaimExpression {
        var left = try not()
        while current == .name("and") {
            position += 1
            left = .binary("and", left, try not())
        }
        return left
    }

    private mutating func not() throws(ClaimSyntaxError) -> ClaimExpression {
        if current == .name("not") {
            position += 1
            return .not(try not())
        }
        return try comparison()
    }

    private mutating func comparison() throws(ClaimSyntaxError) -> ClaimExpression {
        let left = try sum()
        if case .symbol(let op) = current, ["<", "<=", ">", ">=", "==", "!="].contains(op) {
            position += 1
            return .binary(op, left, try sum())
        }
        return left
    }

    private mutating func sum() throws(ClaimSyntaxError) -> ClaimExpression {
        var left = try product()
        while case .symbol(let op) = current, op == "+" || op == "-" {
            position += 1
            left = .binary(op, left, try product())
        }
        return left
    }

    private mutating func product() throws(ClaimSyntaxError) -> ClaimExpression {
        var left = try unary()
        while case .symbol(let op) = current, op == "*" || op == "/" {
            position += 1
            left = .binary(op, left, try unary())
        }
        return left
    }

    private mutating func unary() throws(ClaimSyntaxError) -> ClaimExpression {
        if current == .symbol("-") {
            position += 1
            return .binary("-", .number(0), try unary())
        }
        return try atom()
    }

    private mutating func atom() throws(ClaimSyntaxError) -> ClaimExpression {
        let start = offset
        switch current {
        case .number(let value):
            position += 1
            return .number(value)
        case .text(let text):
            position += 1
            return .text(text)
        case .symbol("("):
            position += 1
            let inner = try or()
            try expect(")")
            return inner
        case .name(let name) where tokens[position + 1].token == .symbol("("):
            guard let arity = ClaimExpression.functions[name] else {
                let names = ClaimExpression.functions.keys.sorted()
                throw ClaimSyntaxError(
                    message: "unknown function '\(name)'", offset: start,
                    hint: Suggestion.closest(to: name, in: names).map { "did you mean '\($0)'?" }
                        ?? "functions: \(names.joined(separator: ", "))")
            }
            position += 2
            var arguments = [try or()]
            while current == .symbol(",") {
                position += 1
                arguments.append(try or())
            }
            try expect(")")
            guard arguments.count == arity else {
                throw ClaimSyntaxError(
                    message: "'\(name)' takes \(arity) argument\(arity == 1 ? "" : "s"), found \(arguments.count)", offset: start)
            }
            return .call(name, arguments, offset: start)
        case .name(let name) where ["and", "or", "not"].contains(name):
            throw ClaimSyntaxError(message: "'\(name)' needs a condition before it", offset: start)
        case .name(let name):
            position += 1
            return .reference(name, offset: start)
        case .symbol(let symbol):
            throw ClaimSyntaxError(message: "unexpected '\(symbol)'", offset: start)
        case .end:
            throw ClaimSyntaxError(message: "the condition ends too early", offset: start)
        }
    }

    private mutating func expect(_ symbol: String) throws(ClaimSyntaxError) {
        guard current == .symbol(symbol) else {
            throw ClaimSyntaxError(message: "expected '\(symbol)', found '\(text(current))'", offset: offset)
        }
        position += 1
    }
}
