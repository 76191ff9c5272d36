import BriefingModel
import Foundation

/// Reads a delivery file with located errors, like the template's files: every problem in
/// one run, each with file, line, column and field.
public enum DeliveryPlanDecoder {
    /// - Parameters:
    ///   - kinds: the channels the file may configure besides mail.
    ///   - parameters: the run's values for `{{param.ID}}` in any text of the file: the
    ///     template's parameters, and in a batch the row's other columns (`to:
    ///     "{{param.desk}}"` mails each partner's desk). Nil where no run's values are known
    ///     (a mail retry, a failure report): placeholders stay as written, and an address
    ///     that holds one is left out instead of refused (the queued mail has its recipients).
    public static func load(
        _ url: URL, kinds: [ChannelKind] = DeliveryChannels.kinds, parameters: [String: String]? = nil
    ) throws -> DeliveryPlan {
        let name = DisplayPath.of(url)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw InputError(kind: .missingInput, SourceLocation(file: name), "no such delivery file")
        }
        let (root, context) = try YAMLFile.load(url, displayName: name)
        context.parameters = parameters
        context.parametersFrom =
            "a value here comes from the template's parameters or, in a batch (--each), from a column of its CSV file"
        let plan = decode(root, context: context, file: name, kinds: kinds)
        try context.diagnostics.sortedByPosition().check()
        guard let plan else { throw InputError(kind: .invalidData, SourceLocation(file: name), "not a delivery file") }
        return plan
    }

    static func decode(_ root: YAMLNode, context: DecodeContext, file: String, kinds: [ChannelKind]) -> DeliveryPlan? {
        func error(_ node: YAMLNode, _ message: String, hint: String? = nil) {
            context.diagnostics.error(node.location, "field '\(node.path)': \(message)", hint: hint)
        }
        func address(_ node: YAMLNode) -> MailAddress? { node.text().flatMap { address($0, node) } }
        func address(_ text: String, _ node: YAMLNode) -> MailAddress? {
            guard let address = checked(MailAddress(text), text, node) else { return nil }
            return address
        }
        /// A parsed address, or nil with the error said at `node`.
        func checked(_ parsed: MailAddress?, _ text: String, _ node: YAMLNode, in whole: String? = nil) -> MailAddress? {
            // A placeholder left in: no value is known here (nil parameters), or it was
            // reported as unknown already.
            if text.contains("{{param.") || (context.parameters == nil && text.contains("{{")) { return nil }
            if let display = parsed?.name, display.count > MailAddress.longestName {
                // It would be a header line no relay takes (RFC 5322 caps lines at 998).
                error(node, "the display name is \(display.count) characters long; at most \(MailAddress.longestName) are allowed")
                return nil
            }
            guard let parsed else {
                let within = whole.map { " (in '\($0)')" } ?? ""
                error(
                    node, "'\(text)' is not a mail address\(within)",
                    hint: "write name@example.org or Name <name@example.org>, several separated by ',' or ';'; quote a name holding '@'")
                return nil
            }
            return parsed
        }
        /// One address or a list of them; each entry may itself be a list ("a@x; B <b@y>"), as a
        /// row's cell holds several.
        func addresses(_ node: YAMLNode?) -> [MailAddress] {
            guard let node else { return [] }
            if case .sequence = node.node { return node.list()?.flatMap(entry) ?? [] }
            return entry(node)
        }
        func entry(_ node: YAMLNode) -> [MailAddress] {
            guard let text = node.text() else { return [] }
            if text.contains("{{param.") || (context.parameters == nil && text.contains("{{")) { return [] }
            switch MailAddress.list(text) {
            case .success(let list) where !list.isEmpty: return list.compactMap { checked($0, $0.description, node) }
            case .success: return checked(nil, text, node).map { [$0] } ?? []
            case .failure(let failure):
                _ = checked(nil, failure.part, node, in: failure.part == text ? nil : text)
                return []
            }
        }
        /// `[a, b]` or `"a, b"`, as `--sections` takes them.
        func ids(_ node: YAMLNode?) -> String? {
            guard let node else { return nil }
            if case .sequence = node.node { return node.stringList()?.map(\.0).joined(separator: ",") }
            return node.text()
        }

        guard
            let map = root.mapping(
                keys: [
                    "from", "failures_to", "when", "attach", "link", "max_attachment_mb", "sendmail", "audiences", "retry_every_minutes",
                    "give_up_hours", "sendmail_timeout_seconds",
                ] + kinds.flatMap(\.keys))
        else { return nil }
        let from = map.required("from").flatMap(address)
        let failuresTo = addresses(map.optional("failures_to"))
        var when = DeliveryPlan.When.changed
        if let node = map.optional("when"), let text = node.text() {
            if let value = DeliveryPlan.When(rawValue: text) {
                when = value
            } else {
                error(node, "'\(text)' is not one of changed, always")
            }
        }
        var attach = true
        if let node = map.optional("attach"), let text = node.text() {
            switch text {
            case "pdf": attach = true
            case "none": attach = false
            default: error(node, "'\(text)' is not one of pdf, none", hint: "'none' sends only the link")
            }
        }
        var link: String?
        if let node = map.optional("link"), let text = node.text() {
            if let bad = text.unicodeScalars.first(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) {
                error(
                    node, "a URL cannot hold \(bad == " " ? "a space" : "U+\(String(bad.value, radix: 16, uppercase: true))"): '\(text)'",
                    hint: "write it percent-encoded, a space as %20")
            } else if text.hasPrefix("https://") || text.hasPrefix("http://") {
                link = text.hasSuffix("/") ? text : text + "/"
            } else {
                error(node, "expected an http(s) URL of the folder readers open, found '\(text)'")
            }
        }
        if !attach, link == nil {
            context.diagnostics.error(map.location, "'attach: none' needs a 'link' to the briefings' folder", hint: "add link: https://...")
        }
        var maxMB = DeliveryPlan.defaultMaxAttachmentMB
        let attachLocation = (map.optional("max_attachment_mb") ?? map.optional("attach"))?.location ?? map.location
        if let node = map.optional("max_attachment_mb"), let value = node.double() {
            if value > 0, value <= 100 {
                maxMB = value
            } else {
                error(node, "expected 0.1 to 100 (MiB), found \(NumberFormatting.format(value))")
            }
        }
        var sendmail = [DeliveryPlan.defaultSendmail]
        let sendmailLocation = map.optional("sendmail")?.location ?? SourceLocation(file: file)
        if let node = map.optional("sendmail") {
            if case .sequence = node.node {
                sendmail = node.stringList()?.map(\.0) ?? []
            } else if let text = node.text() {
                sendmail = [text]
            }
            if sendmail.isEmpty { error(node, "expected the sendmail program, e.g. /usr/sbin/sendmail") }
        }
        var audiences: [DeliveryPlan.Audience] = []
        if let list = map.required("audiences")?.list() {
            if list.isEmpty { context.diagnostics.error(map.location, "no audiences: add one with an id and recipients") }
            for item in list {
                guard let audience = item.mapping(keys: ["id", "name", "sections", "skip", "to", "cc", "bcc", "subject_prefix"]) else {
                    continue
                }
                let idNode = audience.required("id")
                guard let id = idNode?.text(), let idNode else { continue }
                if !id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
                    error(idNode, "'\(id)' names files: use letters, digits, '-' and '_'")
                }
                if audiences.contains(where: { $0.id == id }) { error(idNode, "the audience '\(id)' is given twice") }
                let sectionsNode = audience.optional("sections"), skipNode = audience.optional("skip")
                if sectionsNode != nil, skipNode != nil {
                    context.diagnostics.error(
                        audience.location, "audience '\(id)' has both 'sections' and 'skip'", hint: "use one of the two")
                }
                let value = DeliveryPlan.Audience(
                    id: id, name: audience.optional("name")?.text(), sections: ids(sectionsNode), skip: ids(skipNode),
                    to: addresses(audience.optional("to")),
                    cc: addresses(audience.optional("cc")), bcc: addresses(audience.optional("bcc")),
                    subjectPrefix: audience.optional("subject_prefix")?.text(), location: audience.location,
                    sectionsLocation: (sectionsNode ?? skipNode)?.location)
                // Entries written, valid or not (an invalid one already has its own error).
                let written = ["to", "cc", "bcc"].reduce(0) { count, key in
                    guard let node = audience.optional(key) else { return count }
                    if case .sequence(let items) = node.node { return count + items.count }
                    return count + 1
                }
                if written == 0 {
                    context.diagnostics.error(audience.location, "audience '\(id)' has no recipients", hint: "add to: [name@example.org]")
                }
                audiences.append(value)
            }
        }
        var retryCap: TimeInterval = 600, giveUp: TimeInterval = 86_400
        if let node = map.optional("retry_every_minutes"), let value = node.double() {
            if value >= 0, value <= 1440 { retryCap = value * 60 } else { error(node, "expected 0 to 1440 minutes") }
        }
        if let node = map.optional("give_up_hours"), let value = node.double() {
            if value > 0, value <= 720 { giveUp = value * 3600 } else { error(node, "expected up to 720 hours") }
        }
        let channels = kinds.compactMap { kind in kind.decode(map) { node, message in error(node, message) } }
        var sendTimeout: TimeInterval = 60
        if let node = map.optional("sendmail_timeout_seconds"), let value = node.double() {
            if value >= 1, value <= 3600 { sendTimeout = value } else { error(node, "expected 1 to 3600 seconds") }
        }
        guard let from else { return nil }
        var plan = DeliveryPlan(
            from: from, failuresTo: failuresTo, when: when, attach: attach, link: link, maxAttachmentBytes: Int(maxMB * 1024 * 1024),
            sendmail: sendmail, audiences: audiences, file: file, attachLocation: attachLocation, sendmailLocation: sendmailLocation)
        plan.retryCap = retryCap
        plan.giveUpAfter = giveUp
        plan.channels = channels
        plan.sendTimeout = sendTimeout
        return plan
    }
}
