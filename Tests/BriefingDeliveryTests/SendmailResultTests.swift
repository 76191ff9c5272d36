import Foundation
import Testing

@testable import BriefingDelivery

/// What a sendmail's exit means. msmtp exits 69 for a relay's 451 as for a 550, so the
/// relay's own reply, which msmtp prints, decides: 4xx is "try again", 5xx a refusal.
@Suite struct SendmailResultTests {
    let msmtp = URL(fileURLWithPath: "/usr/bin/msmtp")

    func said(_ code: String) -> String {
        "msmtp: recipient address a@example.org not accepted by the server\nmsmtp: server message: \(code)\n"
            + "msmtp: could not send mail (account default from /tmp/msmtprc)\n"
    }

    @Test func aGreylistingReplyIsTriedAgain() {
        guard
            case .temporary(let why) = Sendmail.classify(status: 69, errors: said("451 4.7.1 greylisted, try again later"), program: msmtp)
        else {
            Issue.record("a 451 was read as a refusal")
            return
        }
        #expect(why.contains("451 4.7.1"))
        let closing = said("421 4.3.2 service not available")
        #expect(Sendmail.classify(status: 69, errors: closing, program: msmtp) == .temporary(closing))
    }

    @Test func aRefusalStaysARefusal() {
        #expect(
            Sendmail.classify(status: 65, errors: said("550 5.1.1 no such user here"), program: msmtp)
                == .permanent(said("550 5.1.1 no such user here")))
        // A 4xx and then a 5xx in one run: the 5xx decides.
        let both = said("452 4.5.3 too many recipients") + said("554 5.7.1 relay denied")
        #expect(Sendmail.classify(status: 69, errors: both, program: msmtp) == .permanent(both))
        // A number elsewhere in the text is not a reply.
        let other = "msmtp: cannot write 451 bytes\n"
        #expect(Sendmail.classify(status: 69, errors: other, program: msmtp) == .permanent(other))
        #expect(Sendmail.classify(status: 1, errors: "", program: msmtp) == .permanent("msmtp exited 1"))
    }
}
