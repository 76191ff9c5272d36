/// Gives Pango places to break words far longer than a line (a pasted hash, a 200,000-letter
/// "word" in hostile data). Pango 1.50 re-shapes the rest of such a word for every line it
/// breaks off, so one 200,000-character word took 45 s to lay out; with a soft hyphen every
/// few characters it breaks at those, in linear time, and the painter leaves the unused soft
/// hyphens out of the PDF's text as it does for hyphenation.
enum LongWords {
    /// Words up to this many characters are left alone (no real word, URL or the default
    /// briefing comes near it).
    static let threshold = 200
    /// Characters between the inserted break points.
    static let step = 8

    static func breakable(_ text: String) -> String {
        guard text.utf8.count > threshold else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + text.utf8.count / 4)
        var word: [Character] = []
        func flush() {
            if word.count > threshold {
                for (index, character) in word.enumerated() {
                    if index > 0 && index % step == 0 { result.append("\u{00AD}") }
                    result.append(character)
                }
            } else {
                result.append(contentsOf: word)
            }
            word.removeAll(keepingCapacity: true)
        }
        for character in text {
            if character.isWhitespace || character == "\u{00AD}" || character == "\u{200B}" || character == "-" {
                flush()
                result.append(character)
            } else {
                word.append(character)
            }
        }
        flush()
        return result
    }
}
