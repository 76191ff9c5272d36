import BriefingContent
import BriefingModel

/// Rich inline content (citations, confidence markers) cannot travel through Mustache and
/// CommonMark as markup without being mangled or spoofed by data, so placeholders emit them as
/// tokens delimited by private-use characters, which data strings are stripped of.
enum InlineToken {
    static let open: Character = "\u{E000}"
    static let close: Character = "\u{E001}"
    /// `open` and `close` in UTF-8, for scans of a text's bytes.
    static let openBytes: (UInt8, UInt8, UInt8) = (0xEE, 0x80, 0x80)
    static let closeBytes: (UInt8, UInt8, UInt8) = (0xEE, 0x80, 0x81)

    /// Where the three bytes `token` (`openBytes` or `closeBytes`) first occur in `bytes` at
    /// or after `start`.
    static func find(_ token: (UInt8, UInt8, UInt8), in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        withUnsafeBytes(of: token) { ByteScan.firstIndex(of: $0.bindMemory(to: UInt8.self), in: bytes, from: start) }
    }

    case citation(String)
    case marker(Confidence)
    case reference(CrossReference)
    /// After a value revised since the edition the briefing is compared with.
    case revised

    var encoded: String {
        switch self {
        case .citation(let id): "\(Self.open)c:\(id)\(Self.close)"
        case .marker(let confidence): "\(Self.open)m:\(confidence.id)\(Self.close)"
        case .reference(let reference): "\(Self.open)r:\(reference.kind.rawValue):\(reference.id)\(Self.close)"
        case .revised: "\(Self.open)v\(Self.close)"
        }
    }

    /// - Parameter grades: the template's confidence grades, which marker tokens name.
    init?(payload: Substring, grades: [Confidence]) {
        if payload == "v" {
            self = .revised
        } else if payload.hasPrefix("c:") {
            self = .citation(String(payload.dropFirst(2)))
        } else if payload.hasPrefix("m:"), let confidence = grades.first(where: { $0.id == payload.dropFirst(2) }) {
            self = .marker(confidence)
        } else if payload.hasPrefix("r:"), let colon = payload.dropFirst(2).firstIndex(of: ":"),
            let kind = CrossReference.Kind(rawValue: String(payload[payload.index(payload.startIndex, offsetBy: 2)..<colon]))
        {
            self = .reference(CrossReference(kind: kind, id: String(payload[payload.index(after: colon)...])))
        } else {
            return nil
        }
    }

    /// The marker (if any) and citation that follow every sourced value.
    static func attribution(_ attribution: Attribution) -> String {
        var text = ""
        if attribution.confidence.marker != nil { text += InlineToken.marker(attribution.confidence).encoded }
        return text + InlineToken.citation(attribution.sourceID).encoded
    }

    /// Data is data: remove anything that could be read as a token, and control characters
    /// (a YAML "\a" escape) that would print as boxes; line breaks become spaces.
    static func sanitize(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where scalar != "\u{E000}" && scalar != "\u{E001}" {
            if scalar == "\n" || scalar == "\t" || scalar == "\r" {
                result.append(" ")
            } else if scalar.properties.generalCategory != .control {
                result.append(scalar)
            }
        }
        return String(result)
    }
}

extension InputError {
    /// A placeholder with a citation, marker or reference in a chart title or image caption,
    /// which print as plain text.
    static func tokensInTitle(_ what: String, at location: SourceLocation) -> InputError {
        InputError(
            kind: .invalidData, location, "the \(what) is printed as plain text: it cannot carry a citation, a marker or a reference",
            hint: "use {{fig.ID.bare}} (the value alone) in it, and cite the source in the text around the figure")
    }
}
