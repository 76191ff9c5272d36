import BriefingModel
import Foundation
import Testing

@testable import BriefingDelivery

/// A new channel is one type and one `ChannelKind`: here a webhook that only records what it
/// would post, configured by its own key in the delivery file, told of every published
/// edition and every failure, and checked like sendmail and the hooks.
@Suite struct DeliveryChannelTests {
    final class Posted: @unchecked Sendable {
        var events: [DeliveryEvent] = []
    }

    struct Webhook: DeliveryChannel {
        var url: String
        var location: BriefingModel.SourceLocation
        let posted: Posted
        var name: String { "webhook" }

        func problems(environment: [String: String]) -> [Diagnostic] {
            url.hasPrefix("https://") ? [] : [.error(location, "a webhook must use https")]
        }

        func deliver(_ event: DeliveryEvent) -> [String] {
            posted.events.append(event)
            return ["webhook: posted \(event.status.rawValue) to \(url)"]
        }
    }

    static func kind(_ posted: Posted) -> ChannelKind {
        ChannelKind(keys: ["webhook"]) { file, report in
            guard let node = file.optional("webhook"), let url = node.text() else { return nil }
            if !url.hasPrefix("http") { report(node, "expected a URL") }
            return Webhook(url: url, location: node.location, posted: posted)
        }
    }

    private func plan(_ text: String, kinds: [ChannelKind]) throws -> DeliveryPlan {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("deliver-\(UUID().uuidString).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        return try DeliveryPlanDecoder.load(url, kinds: kinds)
    }

    @Test func aWebhookIsOneKindAndOneType() throws {
        let posted = Posted()
        let text =
            "from: desk@example.org\nsendmail: /bin/true\nwebhook: http://chat.example.org/hook\naudiences:\n  - id: x\n    to: a@example.org\n"
        // Without its kind the key is unknown, as any typo would be.
        #expect(throws: InputError.self) { try plan(text, kinds: DeliveryChannels.kinds) }
        let configured = try plan(text, kinds: DeliveryChannels.kinds + [Self.kind(posted)])
        #expect(configured.allChannels.map(\.name) == ["mail", "webhook"])
        #expect(configured.missingPrograms(environment: ["PATH": "/usr/bin:/bin"]).map(\.message) == ["a webhook must use https"])

        let output = URL(fileURLWithPath: "/tmp/briefing-channel-test/b-x.pdf")
        let lines = configured.announce(DeliveryEvent(status: .success, output: output, audience: "x", edition: 3, changes: 2))
        #expect(lines == ["webhook: posted success to http://chat.example.org/hook"])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-channel-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        DeliveryRun.reportFailure(
            InputError(kind: .invalidData, BriefingModel.SourceLocation(file: "data.yaml", line: 3, column: 1), "broken"), code: 65,
            needsReview: false,
            plan: configured, output: folder.appendingPathComponent("b.pdf"), command: "briefing")
        #expect(posted.events.map(\.status) == [.success, .failed])
        #expect(posted.events.last?.error?.contains("data.yaml:3:1: error: broken") == true && posted.events.last?.exitCode == 65)
    }

    @Test func hooksAreAChannelToo() throws {
        let text =
            "from: desk@example.org\nsendmail: /bin/true\non_success: [/nonexistent/notify]\naudiences:\n  - id: x\n    to: a@example.org\n"
        let configured = try plan(text, kinds: DeliveryChannels.kinds)
        #expect(configured.allChannels.map(\.name) == ["mail", "hook"])
        let problems = configured.missingPrograms(environment: ["PATH": "/usr/bin:/bin"])
        #expect(problems.map(\.location.line) == [3] && problems.first?.message.contains("not an executable program") == true)
    }
}
