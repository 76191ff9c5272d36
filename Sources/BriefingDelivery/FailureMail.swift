import BriefingEditions
import BriefingHTML
import BriefingModel
import BriefingPipeline
import BriefingRunState
import Foundation

/// A failed run (not a busy lock, 75) or one whose claims need review mails the owner
/// (`failures_to`): the error, where it is, the last good edition readers still have and
/// the command that reproduces it. The same failure is mailed at most once a day, so a job
/// that runs every hour does not bury the owner.
public struct FailureMail {
    public var plan: DeliveryPlan
    /// The main output.
    public var output: URL
    public var now: () -> Date = Date.init

    public init(plan: DeliveryPlan, output: URL) {
        self.plan = plan
        self.output = output.standardizedFileURL
    }

    /// Sends it unless the same failure was mailed in the last day; returns the log line.
    public func send(status: String, exitCode: Int32, error: String, command: String) -> String? {
        guard !plan.failuresTo.isEmpty else { return nil }
        let state = RunState(output: output)
        // What was mailed last, in the state folder, or where the state folder cannot be
        // written (the failure may be just that) in the temporary folder, one file an output.
        let memos = [
            state.folder.appendingPathComponent("failure-mail.json"),
            TemporaryFolder.url.appendingPathComponent(
                "briefing-failure-mail-\(InputDigest.sha256(of: Data(output.path.utf8)).prefix(16)).json"),
        ]
        let digest = InputDigest.sha256(of: Data("\(status)\n\(error)".utf8))
        if let data = memos.lazy.compactMap({ try? Data(contentsOf: $0) }).first,
            let last = try? JSONDecoder().decode(Memo.self, from: data), last.digest == digest,
            let mailed = RunManifest.date(last.mailed), now().timeIntervalSince(mailed) < 86_400
        {
            return "failure mail: the same failure was mailed at \(last.mailed); not mailed again today"
        }
        let last = lastEdition(state)
        // What each audience's readers were last sent: their editions may be older than the
        // main output's (a desk skipped as unchanged, or whose mail is still queued).
        let readers = plan.audiences.compactMap { audience -> String? in
            let store = RunState(output: DeliveryRun.output(for: audience.id, beside: output)).editions
            guard FileManager.default.fileExists(atPath: store.path),
                let sent = try? DeliveryRecords.open(store).lastSentEdition(audience: audience.id)
            else { return "\(audience.id): none sent yet" }
            return "\(audience.id): edition \(sent.number), printed \(sent.printed)"
        }
        let location = error.split(separator: "\n").first.flatMap { line in
            line.range(of: ": error:").map { String(line[..<$0.lowerBound]) }
        }
        let what = status == "needs-review" ? "needs review: claims in its text no longer hold" : "failed (exit \(exitCode))"
        var text = ["The briefing run for \(output.path) \(what).", "", "Error:"]
        text += error.split(separator: "\n").map { "  \($0)" }
        if let location { text += ["", "Where: \(location)"] }
        text += [
            "",
            "Last good edition: "
                + (last.map { "\($0.number), printed \($0.printed) (made \($0.generated)); readers of the file still have it." }
                    ?? "none yet."),
        ]
        if !readers.isEmpty { text += ["Last mailed: " + readers.joined(separator: "; ") + "."] }
        text += [
            "", "Reproduce:", "  \(command)", "", "-- ", "Sent by Briefing. The same failure is mailed at most once a day.",
        ]
        let plain = text.joined(separator: "\n")
        let html =
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body style=\"font-family:Helvetica,Arial,sans-serif;color:#1b2430\">"
            + "<h1 style=\"font-size:18px;color:#8a1c1c\">Briefing run \(HTMLEscape.attribute(what))</h1><p>\(HTMLEscape.attribute(output.path))</p>"
            + "<pre style=\"background:#f6f0f0;padding:10px;white-space:pre-wrap\">\(HTMLEscape.attribute(error))</pre>"
            + (location.map { "<p>Where: <code>\(HTMLEscape.attribute($0))</code></p>" } ?? "")
            + "<p>Last good edition: \(HTMLEscape.attribute(last.map { "\($0.number), printed \($0.printed)" } ?? "none yet"))</p>"
            + (readers.isEmpty ? "" : "<p>Last mailed: \(HTMLEscape.attribute(readers.joined(separator: "; ")))</p>")
            + "<p>Reproduce:</p><pre style=\"background:#eef2f7;padding:10px;white-space:pre-wrap\">\(HTMLEscape.attribute(command))</pre></body></html>"
        let id = "briefing.failure.\(digest.prefix(12)).\(Int(now().timeIntervalSince1970))@\(plan.from.domain)"
        let message = MIMEMessage(
            from: plan.from, to: plan.failuresTo,
            subject: "Briefing \(status == "needs-review" ? "needs review" : "failed"): \(output.lastPathComponent)",
            date: now(), messageID: id, text: plain, html: html)
        var outcomes: [String] = []
        do {
            // Spooled outside the state folder: the failure may be that it cannot be written.
            let file = TemporaryFolder.url.appendingPathComponent("briefing-failure-\(UUID().uuidString).eml")
            var bytes = message
            bytes.extraHeaders = [("Auto-Submitted", "auto-generated")]
            try bytes.bytes.write(to: file, options: .atomic)
            defer { try? FileManager.default.removeItem(at: file) }
            for recipient in plan.failuresTo {
                switch Sendmail(command: plan.sendmail).send(file, from: plan.from.address, to: recipient.address) {
                case .sent: outcomes.append("\(recipient.address) sent")
                case .temporary(let why), .permanent(let why): outcomes.append("\(recipient.address) not sent (\(why))")
                }
            }
            if outcomes.contains(where: { $0.hasSuffix(" sent") }) {
                let memoData = try JSONEncoder().encode(Memo(digest: digest, mailed: RunManifest.timestamp(now())))
                if (try? memoData.write(to: memos[0], options: .atomic)) == nil {
                    try memoData.write(to: memos[1], options: .atomic)
                } else {
                    try? FileManager.default.removeItem(at: memos[1])
                }
            }
        } catch {
            outcomes.append("not sent (\(error.localizedDescription))")
        }
        return "failure mail: " + outcomes.joined(separator: ", ")
    }

    private struct Memo: Codable {
        var digest: String
        var mailed: String
    }

    private func lastEdition(_ state: RunState) -> Edition? {
        guard FileManager.default.fileExists(atPath: state.editions.path) else { return nil }
        return try? EditionStore.open(state.editions).edition("latest")
    }
}
