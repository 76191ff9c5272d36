import BriefingContent
import BriefingEditions
import BriefingHTML
import BriefingPipeline
import BriefingRun
import Foundation
import Testing

@testable import BriefingDelivery
@testable import BriefingModel

/// The mail's encodings and the delivery file's checks, without a server.
@Suite struct MailFormatTests {
    @Test func addressesAreCheckedStrictly() {
        #expect(MailAddress("desk@example.org")?.address == "desk@example.org")
        let named = MailAddress("Defence Desk <desk@example.org>")
        #expect(named?.name == "Defence Desk" && named?.address == "desk@example.org" && named?.domain == "example.org")
        #expect(MailAddress("\"Desk, Defence\" <desk@example.org>")?.name == "Desk, Defence")
        for bad in [
            "desk@", "@example.org", "desk", "desk@example", "de sk@example.org", "desk..x@example.org", "desk@-x.org", "a@b@c.org",
            "Name <desk@>",
        ] {
            #expect(MailAddress(bad) == nil, "'\(bad)' accepted")
        }
    }

    /// Lists as people paste them (a row's cell, a `to:` entry): no recipient may be lost.
    @Test func addressListsKeepEveryRecipientOrFail() {
        func list(_ text: String) -> [String]? { try? MailAddress.list(text).get().map(\.description) }
        #expect(list("a@example.org, Doe, Jane <jane@example.org>") == ["a@example.org", "Doe, Jane <jane@example.org>"])
        #expect(list("\"Smith, J.\" <js@example.org>, x@example.org") == ["Smith, J. <js@example.org>", "x@example.org"])
        #expect(list("x@example.org; \"Smith, J.\" <js@example.org>") == ["x@example.org", "Smith, J. <js@example.org>"])
        #expect(
            list("O'Brien <ob@example.org>, \"Smith, J.\" <js@example.org>") == ["O'Brien <ob@example.org>", "Smith, J. <js@example.org>"])
        #expect(list("Ann <ann@example.org>;") == ["Ann <ann@example.org>"], "a trailing separator, as Outlook pastes")
        #expect(list("a@example.org;;b@example.org ,") == ["a@example.org", "b@example.org"])
        #expect(list("Doe, Jane <jane@example.org>") == ["Doe, Jane <jane@example.org>"])
        // A missing comma, a bad part, a name with no address: refused, naming the part.
        #expect(MailAddress("b@example.org Doe <d@example.org>") == nil, "an unquoted '@' in a name")
        #expect(MailAddress("\"b@example.org\" <d@example.org>")?.name == "b@example.org", "a quoted one is a name")
        for (bad, part) in [
            ("b@example.org Doe <d@example.org>", "b@example.org Doe <d@example.org>"),
            ("x@example.org, bad@@example.org", "bad@@example.org"),
            ("x@example.org, Jane", "Jane"),
        ] {
            if case .failure(let failure) = MailAddress.list(bad) {
                #expect(failure.part == part)
            } else {
                Issue.record("'\(bad)' accepted")
            }
        }
    }

    @Test func headersAreEncodedAndFolded() throws {
        #expect(MIMEMessage.encodedWords("Plain subject") == "Plain subject")
        let subject = "Sino-Pak collaboration in science and technology \u{00B7} 30 November 2026 \u{00B7} 3 changes, Zoë"
        let words = MIMEMessage.encodedWords(subject).split(separator: " ")
        #expect(words.allSatisfy { $0.hasPrefix("=?UTF-8?B?") && $0.hasSuffix("?=") && $0.count <= 75 })
        let decoded = words.map { word -> String in
            let base64 = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
            return String(decoding: Data(base64Encoded: String(base64))!, as: UTF8.self)
        }.joined()
        #expect(decoded == subject, "each word holds whole characters")
        let folded = MIMEMessage.header("Subject", MIMEMessage.encodedWords(subject))
        #expect(folded.split(separator: "\n").allSatisfy { $0.count <= 78 })
        #expect(folded.split(separator: "\n").dropFirst().allSatisfy { $0.hasPrefix(" ") }, "continuation lines start with a space")
        #expect(MIMEMessage.parameter("filename", "briefing.pdf") == "filename=\"briefing.pdf\"")
        #expect(MIMEMessage.parameter("filename", "brief é.pdf") == "filename*=UTF-8''brief%20%C3%A9.pdf")
    }

    /// A display name ending in a backslash must not escape its closing quote (the To header
    /// then parsed as one address); a title with a 1,000-letter word still folds.
    @Test func quotedNamesEscapeAndLongWordsFold() throws {
        let desk = try #require(MailAddress("Desk \\ <desk@example.org>"))
        #expect(MIMEMessage.mailbox(desk) == "\"Desk \\\\\" <desk@example.org>")
        let quote = try #require(MailAddress("Smith, J. <j@example.org>"))
        #expect(MIMEMessage.mailbox(quote) == "\"Smith, J.\" <j@example.org>")
        let long = String(repeating: "x", count: 1_000)
        let message = MIMEMessage(
            from: desk, to: [desk, quote], cc: [], subject: "Title \(long) end", date: Date(timeIntervalSince1970: 0),
            messageID: "m@example.org", text: "t", html: "<p>h</p>", attachment: nil)
        let lines = String(decoding: message.bytes, as: UTF8.self).split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 998 }, "RFC 5322 2.1.1")
        let headers = lines.prefix { !$0.isEmpty && !$0.hasPrefix("Content-Type: multipart") }
        #expect(headers.allSatisfy { $0.count <= 78 }, "\(headers.filter { $0.count > 78 })")
    }

    @Test func quotedPrintableKeepsLinesShortAndDecodesBack() {
        let text = String(repeating: "Türkiye = 5% ", count: 20) + "end \n.leading dot"
        let encoded = MIMEMessage.quotedPrintable(text)
        #expect(encoded.split(separator: "\n").allSatisfy { $0.count <= 76 })
        #expect(encoded.contains("T=C3=BCrkiye =3D 5%"))
        #expect(encoded.contains("end=20\n=2Eleading dot"), "a space before a line break and a leading dot are encoded")
        // Decoding it back gives the text.
        var bytes: [UInt8] = []
        let utf8 = Array(encoded.utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == 0x3D {
                if i + 1 < utf8.count, utf8[i + 1] == 0x0A { i += 2; continue }
                bytes.append(UInt8(String(decoding: utf8[(i + 1)...(i + 2)], as: UTF8.self), radix: 16)!)
                i += 3
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        #expect(String(decoding: bytes, as: UTF8.self) == text)
    }

    @Test func backoffDoublesUpToTheCap() {
        #expect((1...6).map { DeliveryRun.backoff(attempts: $0) } == [60, 120, 240, 480, 600, 600])
        #expect(DeliveryRun.backoff(attempts: 3, cap: 0) == 0)
    }

    private func problems(_ yaml: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("deliver-\(UUID().uuidString).yaml")
        try yaml.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try DeliveryPlanDecoder.load(url)
            return ""
        } catch let error as InputError {
            return error.description
        }
    }

    @Test func deliveryFilesAreCheckedWithLocatedErrors() throws {
        let base = "from: desk@example.org\naudiences:\n  - id: all\n    to: a@example.org\n"
        #expect(try problems(base) == "")
        #expect(try problems(base + "whne: always\n").contains(":5:1: error: unknown key 'whne'"))
        #expect(try problems(base + "when: sometimes\n").contains(":5:7: error: field 'when': 'sometimes' is not one of changed, always"))
        #expect(try problems(base + "attach: none\n").contains("'attach: none' needs a 'link'"))
        #expect(try problems(base + "link: intranet/briefings\n").contains("expected an http(s) URL"))
        #expect(try problems(base + "on_success: notify --all\n").contains("expected a command as a list"))
        #expect(try problems(base + "  - id: all\n    to: b@example.org\n").contains("the audience 'all' is given twice"))
        #expect(try problems(base + "  - id: x y\n    to: b@example.org\n").contains("'x y' names files"))
        #expect(try problems(base + "  - id: none\n").contains("audience 'none' has no recipients"))
        #expect(
            try problems(base + "  - id: both\n    sections: [a]\n    skip: [b]\n    to: b@example.org\n").contains(
                "has both 'sections' and 'skip'"))
        #expect(try problems(base + "max_attachment_mb: 0\n").contains("expected 0.1 to 100"))
        #expect(
            try problems(base + "  - id: two\n    to: \"x@example.org, bad@@example.org\"\n").contains(
                "'bad@@example.org' is not a mail address (in 'x@example.org, bad@@example.org')"))
    }

    /// Two briefings, or one whose store began again, never share a Message-ID: mail systems
    /// drop what they take for duplicates.
    @Test func messageIDsNameTheOutputAndTheEditionsContent() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("deliver-\(UUID().uuidString).yaml")
        try "from: desk@example.org\naudiences:\n  - id: defence\n    to: a@example.org\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let plan = try DeliveryPlanDecoder.load(url)
        let audience = try #require(plan.audiences.first)
        let recipient = try #require(MailAddress("a@example.org"))
        func id(_ output: String, _ sha: String, store: String = "5f0e2c1a-store") -> String {
            let run = DeliveryRun(plan: plan, output: URL(fileURLWithPath: output)) { RunContract(output: $0, program: "") }
            let edition = Edition(
                number: 1, printed: "2026-11-30", generated: "", inputDigest: "", outputSHA256: sha, sections: "", pages: 1)
            return run.messageID(edition, audience, recipient, store: store)
        }
        #expect(id("/srv/a.pdf", "aaaa1111") != id("/srv/a.pdf", "aaaa1111", store: "9c2d7e44-other"), "a store begun again, same content")
        #expect(id("/srv/a.pdf", "aaaa1111") != id("/srv/b.pdf", "aaaa1111"), "two briefings")
        #expect(id("/srv/a.pdf", "aaaa1111") != id("/srv/a.pdf", "bbbb2222"), "a store begun again, other content")
        #expect(id("/srv/a.pdf", "aaaa1111") == id("/srv/a.pdf", "aaaa1111"), "a resend is the same message")
        #expect(id("/srv/a.pdf", "aaaa1111").hasPrefix("briefing.e1.defence.") && id("/srv/a.pdf", "aaaa1111").hasSuffix("@example.org"))
    }
}

/// The mail marks what the PDF marks: a reported judgement or key figure keeps its marker,
/// and the mail says what the marker means.
@Suite struct NoticeMarkerTests {
    @Test func markersAndTheirMeaningReachTheMail() throws {
        let document = Document(
            title: "Title", subtitle: "", publisher: "Desk", audience: "Analysts", author: nil, keywords: [],
            dateText: "30 November 2026", date: FuzzyDate(year: 2026, month: 11, day: 30),
            keyJudgements: [
                .bulletList([
                    [.paragraph([.strong([.text("Trade grew.")]), .text(" Up 81%"), .confidenceMarker(.reported), .text(" since 2020.")])],
                    [.paragraph([.text("A confirmed fact.")])],
                ])
            ],
            keyFigures: [
                .init(value: "28,023", label: "students", detail: "2018", confidence: .reported, sourceID: "s1"),
                .init(value: "820 km", label: "range", detail: "", confidence: .confirmed, sourceID: "s1"),
            ],
            sections: [], sources: [], gradesUsed: [.confirmed, .reported])
        let notice = Notice(document: document, changes: nil, edition: 1, audience: "desk", attachment: nil, link: nil)
        let text = notice.text
        #expect(text.contains("- Trade grew. Up 81%\u{2020} since 2020."), "\(text)")
        #expect(text.contains("KEY FIGURES\n- 28,023\u{2020} students (2018)\n- 820 km range\n"), "\(text)")
        #expect(text.contains("\u{2020} " + Confidence.reported.legend(.english)), "\(text)")
        #expect(notice.html.contains("28,023\u{2020}</span>") && notice.html.contains("Up 81%\u{2020} since"), "\(notice.html)")
        #expect(notice.html.contains("\u{2020} " + HTMLEscape.attribute(Confidence.reported.legend(.english))))

        // No marked figure, no legend.
        var plain = document
        plain.keyJudgements = [.paragraph([.text("All confirmed.")])]
        plain.keyFigures = [plain.keyFigures[1]]
        let unmarked = Notice(document: plain, changes: nil, edition: 1, audience: "desk", attachment: nil, link: nil)
        #expect(!unmarked.text.contains("\u{2020}") && !unmarked.html.contains("\u{2020}"), "\(unmarked.text)")
    }
}

/// The byte-level quoted-printable encoder writes exactly what the first, String-based one
/// wrote (kept here as the reference): the same mails, byte for byte.
@Suite struct QuotedPrintableTests {
    static func reference(_ text: String) -> String {
        var output: [String] = []
        for line in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            var encoded = ""
            var current = ""
            let bytes = Array(line.utf8)
            for (index, byte) in bytes.enumerated() {
                let last = index == bytes.count - 1
                let piece: String
                if byte == 0x3D || byte >= 0x7F || (byte < 0x20 && byte != 0x09) || (last && (byte == 0x20 || byte == 0x09))
                    || (current.isEmpty && byte == 0x2E)
                {
                    piece = String(format: "=%02X", byte)
                } else {
                    piece = String(UnicodeScalar(byte))
                }
                if current.count + piece.count > 75 {
                    encoded += current + "=\n"
                    current = ""
                }
                current += piece
            }
            output.append(encoded + current)
        }
        return output.joined(separator: "\n")
    }

    @Test func sameAsTheReferenceOnTextsThatProbeEveryRule() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ab .=\t\u{2020}\u{00E9}\u{4E2D}\r\n") + Array(repeating: Character("x"), count: 6)
        var texts = [
            "", ".", "..", "a.\n.b", "trailing space \nand tab\t\n", String(repeating: "é", count: 200),
            String(repeating: "=", count: 100), String(repeating: "x", count: 74) + ".\n" + String(repeating: ".", count: 80),
        ]
        for _ in 0..<2_000 {
            let count = Int.random(in: 0..<300, using: &generator)
            texts.append(String((0..<count).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        for text in texts { #expect(MIMEMessage.quotedPrintable(text) == Self.reference(text), "\(text.debugDescription)") }
    }
}

/// An attachment is base64 in lines of 76 characters, LF between them and none after the
/// last: as the first encoder, which wrapped the lines itself, wrote it.
@Suite struct AttachmentEncodingTests {
    @Test func linesOf76WithNothingAfterTheLast() {
        for count in [0, 1, 2, 3, 56, 57, 58, 100, 4_096, 100_003] {
            let data = Data((0..<count).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) })
            let base64 = Array(data.base64EncodedString().utf8)
            let wrapped = stride(from: 0, to: base64.count, by: 76).map { String(decoding: base64[$0..<min($0 + 76, base64.count)], as: UTF8.self) }
            let attachment = MIMEMessage.Attachment(name: "b.pdf", type: "application/pdf", data: data)
            #expect(attachment.encoded == wrapped.joined(separator: "\n"), "\(count) bytes")
            #expect(attachment.size == count)
        }
    }
}

