import Foundation

/// A mailbox as a delivery file writes it: `desk@example.org` or `Defence Desk
/// <desk@example.org>`. Checked strictly (a dot-atom local part and a domain of letters,
/// digits and hyphens), because a typo found at the next Monday's run is a briefing nobody got.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    public var name: String?
    /// `local@domain`.
    public var address: String

    public init?(_ text: String) {
        var text = Substring(text.trimmingCharacters(in: .whitespaces))
        var name: String?
        if text.hasSuffix(">"), let open = text.lastIndex(of: "<") {
            let display = text[..<open].trimmingCharacters(in: .whitespaces)
            let unquoted =
                display.hasPrefix("\"") && display.hasSuffix("\"") && display.count >= 2 ? String(display.dropFirst().dropLast()) : display
            guard !unquoted.contains(where: { $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "<" || $0 == ">" }) else { return nil }
            // "b@example.org Doe <d@example.org>" is two addresses with the comma missing, not
            // one with a strange name: an '@' in a name must be quoted.
            if unquoted == display, display.contains("@") { return nil }
            name = unquoted.isEmpty ? nil : unquoted
            text = text[text.index(after: open)..<text.index(before: text.endIndex)]
        }
        guard Self.isAddress(text) else { return nil }
        self.name = name
        address = String(text)
    }

    /// The addresses of a list as people paste them: separated by ',' or ';' (outside quotes
    /// and angle brackets), a separator at the end ignored, an unquoted name with a comma
    /// kept whole ("Doe, Jane <jane@example.org>"). Fails with the first part that is not
    /// an address, so no recipient of a list is silently lost.
    public static func list(_ text: String) -> Result<[MailAddress], ListError> {
        var parts: [String] = []
        var current = ""
        var quoted = false, angled = false
        for character in text {
            switch character {
            case "\"" where !angled: quoted.toggle()
            case "<" where !quoted: angled = true
            case ">" where !quoted: angled = false
            case ",", ";":
                if !quoted && !angled {
                    parts.append(current)
                    current = ""
                    continue
                }
            default: break
            }
            current.append(character)
        }
        parts.append(current)
        var addresses: [MailAddress] = []
        var name = ""  // pieces of an unquoted name that held a comma
        for part in parts.map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            if !part.contains("@") {
                name += (name.isEmpty ? "" : ", ") + part
                continue
            }
            let whole = name.isEmpty ? part : "\(name), \(part)"
            name = ""
            guard let address = MailAddress(whole) else { return .failure(ListError(part: whole)) }
            addresses.append(address)
        }
        if !name.isEmpty { return .failure(ListError(part: name)) }
        return .success(addresses)
    }

    /// The part of a list that is not an address.
    public struct ListError: Error {
        public var part: String
    }

    /// The longest display name a delivery file may give: a header stays well within the
    /// 998 characters a line may have, whatever the encoding.
    public static let longestName = 200

    /// The domain, for Message-IDs.
    public var domain: String { String(address[address.index(after: address.lastIndex(of: "@")!)...]) }

    public var description: String { name.map { "\($0) <\(address)>" } ?? address }

    /// `local@domain` with a dot-atom local part (RFC 5322 without quoted strings or
    /// comments) and a host name of at least two labels.
    static func isAddress(_ text: Substring) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last, !local.isEmpty, local.count <= 64, domain.count <= 253
        else { return false }
        let atom = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~-")
        let localOK = local.split(separator: ".", omittingEmptySubsequences: false).allSatisfy {
            !$0.isEmpty && $0.allSatisfy(atom.contains)
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        let domainOK =
            labels.count >= 2
            && labels.allSatisfy { label in
                !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                    && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            }
        return localOK && domainOK
    }
}
