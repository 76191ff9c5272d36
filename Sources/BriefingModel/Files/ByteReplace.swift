/// Replacing every occurrence of one string by another on UTF-8 bytes, for the small
/// substitutions values go through (an en dash in a period, `_` in a number, escaping a
/// PDF string). Foundation's `replacingOccurrences(of:with:)` bridges both strings to
/// NSString and compares composed characters: about 25,000 instructions a call even when
/// the target is absent, which is most calls, and a few million in the default briefing.
///
/// Compared byte for byte: a target is replaced even where a combining mark follows it
/// (`-` in `-\u{301}`), which Foundation would leave as one composed character. The callers
/// replace ASCII punctuation, a space, CR LF, an en dash or a soft hyphen, where the two
/// agree but for that.
public enum ByteReplace {
    /// `text` with every non-overlapping `target`, left to right, replaced by `replacement`;
    /// `text` itself when it has none.
    public static func replacing(_ target: String, with replacement: String, in text: String) -> String {
        guard !target.isEmpty else { return text }
        var text = text, target = target
        let replaced = text.withUTF8 { bytes in
            target.withUTF8 { pattern -> String? in
                guard var match = ByteScan.firstIndex(of: pattern, in: bytes, from: 0) else { return nil }
                var result: [UInt8] = []
                result.reserveCapacity(bytes.count + replacement.utf8.count * 4)
                var start = 0
                while true {
                    result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<match]))
                    result.append(contentsOf: replacement.utf8)
                    start = match + pattern.count
                    guard let next = ByteScan.firstIndex(of: pattern, in: bytes, from: start) else { break }
                    match = next
                }
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
                return String(decoding: result, as: UTF8.self)
            }
        }
        return replaced ?? text
    }
}

extension String {
    /// Every `target` replaced by `replacement`, byte for byte (`ByteReplace`).
    public func replacingEvery(_ target: String, with replacement: String) -> String {
        ByteReplace.replacing(target, with: replacement, in: self)
    }
}
