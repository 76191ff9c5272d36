import Foundation
import Testing

@testable import BriefingSchedule

@Suite struct CronCommandTests {
    @Test func cronLinesQuoteAndEscape() {
        let line = CronCommand.line(
            executable: "/opt/b r/briefing", arguments: ["generate", "--output", "/tmp/it's 100%.pdf"], log: "/tmp/l.log")
        #expect(
            line
                == "LANG=C.UTF-8 PATH=/usr/local/bin:/usr/bin:/bin '/opt/b r/briefing' 'generate' '--output' '/tmp/it'\\''s 100\\%.pdf' > '/tmp/l.log' 2>&1"
        )
        #expect(
            CronCommand.words(of: line) == [
                "LANG=C.UTF-8", "PATH=/usr/local/bin:/usr/bin:/bin", "/opt/b r/briefing", "generate", "--output",
                "/tmp/it's 100%.pdf", ">", "/tmp/l.log", "2>&1",
            ])
    }
}
