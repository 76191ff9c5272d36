import Foundation

/// An RFC 5322 message with MIME (RFC 2045-2049): a plain-text part and an HTML
/// alternative, optionally a file attached; non-ASCII header text as RFC 2047 encoded words,
/// a non-ASCII file name as RFC 2231. Lines end in LF: sendmail turns them into CRLF.
public struct MIMEMessage: Sendable {
    public var from: MailAddress
    public var to: [MailAddress]
    public var cc: [MailAddress]
    public var subject: String
    public var date: Date
    /// Without the angle brackets.
    public var messageID: String
    public var text: String
    public var html: String
    public var attachment: Attachment?
    /// Further headers (`Auto-Submitted`, `X-Briefing-Edition`), ASCII.
    public var extraHeaders: [(String, String)] = []

    public init(
        from: MailAddress, to: [MailAddress], cc: [MailAddress] = [], subject: String, date: Date, messageID: String, text: String,
        html: String, attachment: Attachment? = nil
    ) {
        self.from = from
        self.to = to
        self.cc = cc
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.text = text
        self.html = html
        self.attachment = attachment
    }

    /// A file to attach, encoded once however many recipients get a copy.
    public struct Attachment: Sendable {
        public var name: String
        public var type: String
        public var size: Int
        /// Base64 in lines of 76 characters, LF-separated.
        var encoded: String

        public init(name: String, type: String, data: Data) {
            self.name = name
            self.type = type
            size = data.count
            // Foundation wraps the lines itself: copying 76-byte slices into Data one by one
            // was three quarters of making an attachment.
            encoded = String(decoding: data.base64EncodedData(options: [.lineLength76Characters, .endLineWithLineFeed]), as: UTF8.self)
        }
    }

    /// The message as sendmail reads it.
    public var bytes: Data {
        // Boundaries from the Message-ID: stable for a message, and never in its base64 or
        // quoted-printable body (which cannot contain "=_").
        let tag = String(
            messageID.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }.prefix(24))
        let mixed = "=_mixed_\(tag)", alternative = "=_alt_\(tag)"
        var lines: [String] = []
        lines.append(Self.header("From", Self.mailbox(from)))
        if !to.isEmpty { lines.append(Self.header("To", to.map(Self.mailbox).joined(separator: ", "))) }
        if !cc.isEmpty { lines.append(Self.header("Cc", cc.map(Self.mailbox).joined(separator: ", "))) }
        lines.append(Self.header("Subject", Self.encodedWords(subject)))
        lines.append("Date: \(Self.rfc5322Date(date))")
        lines.append("Message-ID: <\(messageID)>")
        lines.append("MIME-Version: 1.0")
        for (name, value) in extraHeaders { lines.append(Self.header(name, value)) }
        let body = [
            "Content-Type: multipart/alternative; boundary=\"\(alternative)\"", "",
            "--\(alternative)", "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: quoted-printable", "",
            Self.quotedPrintable(text), "--\(alternative)", "Content-Type: text/html; charset=UTF-8",
            "Content-Transfer-Encoding: quoted-printable", "", Self.quotedPrintable(html), "--\(alternative)--",
        ]
        if let attachment {
            lines.append("Content-Type: multipart/mixed; boundary=\"\(mixed)\"")
            lines.append("")
            lines.append("This is a message in MIME format.")
            lines.append("--\(mixed)")
            lines += body
            lines.append("--\(mixed)")
            lines.append("Content-Type: \(attachment.type); \(Self.parameter("name", attachment.name))")
            lines.append("Content-Disposition: attachment; \(Self.parameter("filename", attachment.name)); size=\(attachment.size)")
            lines.append("Content-Transfer-Encoding: base64")
            lines.append("")
            lines.append(attachment.encoded)
            lines.append("--\(mixed)--")
        } else {
            lines += body
        }
        var message = Data()
        message.reserveCapacity(lines.reduce(lines.count) { $0 + $1.utf8.count })
        for line in lines {
            message.append(contentsOf: line.utf8)
            message.append(0x0A)
        }
        return message
    }

    // MARK: - Encodings

    /// `Name <address>`, the name as encoded words when it is not plain ASCII text.
    static func mailbox(_ address: MailAddress) -> String {
        guard let name = address.name else { return address.address }
        let plain = name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0 == " " || ("0"..."9").contains($0)) }
        guard !plain else { return "\(name) <\(address.address)>" }
        // A quoted string escapes its backslashes (and quotes): `Desk \` must not escape the
        // closing quote and swallow the address (RFC 5322 3.2.4).
        let quoted = "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        return
            "\(name.unicodeScalars.allSatisfy(\.isASCII) && quoted.count <= 76 ? quoted : encodedWords(name, always: true)) <\(address.address)>"
    }

    /// A header line folded at spaces so no line passes 78 characters (RFC 5322 2.1.1); a
    /// word too long to fold (a 1,000-letter title) becomes encoded words, which can.
    static func header(_ name: String, _ value: String) -> String {
        var lines: [String] = []
        var line = "\(name):"
        let words = value.split(separator: " ", omittingEmptySubsequences: false).flatMap { word in
            word.count > 76 && !word.hasPrefix("=?") ? encodedWords(String(word), always: true).split(separator: " ") : [word]
        }
        for word in words {
            if line.count + 1 + word.count > 78, line.count > name.count + 1 {
                lines.append(line)
                line = " \(word)"
            } else {
                line += " \(word)"
            }
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    /// Plain ASCII as it is; otherwise RFC 2047 "B" encoded words of at most 75 characters,
    /// each holding whole characters, separated by spaces so the header folds between them.
    static func encodedWords(_ text: String, always: Bool = false) -> String {
        guard always || !text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 }) else { return text }
        var words: [String] = []
        var chunk = ""
        // "=?UTF-8?B?" + "?=" is 12 characters; 36 bytes make 48 of base64: a 60-character word
        // that fits after "Subject: " within 78 (RFC 2047 allows 75).
        for character in text {
            if chunk.utf8.count + String(character).utf8.count > 36 {
                words.append("=?UTF-8?B?\(Data(chunk.utf8).base64EncodedString())?=")
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?\(Data(chunk.utf8).base64EncodedString())?=") }
        return words.joined(separator: " ")
    }

    /// `name="file.pdf"`, or RFC 2231 `name*=UTF-8''...` for a name that is not ASCII.
    static func parameter(_ key: String, _ value: String) -> String {
        if value.unicodeScalars.allSatisfy({ $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 }) { return "\(key)=\"\(value)\"" }
        let unreserved = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~".utf8)
        let escaped = value.utf8.map { unreserved.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }.joined()
        return "\(key)*=UTF-8''\(escaped)"
    }

    /// Quoted-printable (RFC 2045 6.7): lines of at most 76 characters, soft breaks `=`,
    /// `=` and non-ASCII bytes as `=XX`, spaces at a line's end encoded.
    static func quotedPrintable(_ text: String) -> String {
        // On bytes: a briefing's text and HTML parts are tens of kilobytes a message, and a
        // String a byte (with a formatted escape) cost milliseconds an audience; so did
        // Foundation's CRLF replacement and splitting the text by Character (70 million
        // instructions for ten audiences).
        let hex = Array("0123456789ABCDEF".utf8)
        // CRLF becomes LF, left to right, as `replacingOccurrences` does ("\r\r\n" leaves
        // "\r\n"); a line then ends at a LF that no CR is before, as splitting by Character
        // does (a CR LF pair is one Character, encoded within its line).
        let input = Array(text.utf8)
        var source: [UInt8] = []
        source.reserveCapacity(input.count)
        var next = 0
        while next < input.count {
            if input[next] == 0x0D, next + 1 < input.count, input[next + 1] == 0x0A {
                source.append(0x0A)
                next += 2
            } else {
                source.append(input[next])
                next += 1
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(source.count + source.count / 8)
        var start = 0
        while start <= source.count {
            var end = start
            while end < source.count, !(source[end] == 0x0A && (end == 0 || source[end - 1] != 0x0D)) { end += 1 }
            if start > 0 { out.append(0x0A) }
            var current = 0  // bytes on the output line so far
            for index in start..<end {
                let byte = source[index]
                let last = index == end - 1
                let escape =
                    byte == 0x3D || byte >= 0x7F || (byte < 0x20 && byte != 0x09) || (last && (byte == 0x20 || byte == 0x09))
                    || (current == 0 && byte == 0x2E)
                let width = escape ? 3 : 1
                if current + width > 75 {
                    out += [0x3D, 0x0A]  // a soft line break
                    current = 0
                }
                if escape {
                    out += [0x3D, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
                } else {
                    out.append(byte)
                }
                current += width
            }
            start = end + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// "Mon, 30 Nov 2026 07:00:00 +0000".
    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }
}
