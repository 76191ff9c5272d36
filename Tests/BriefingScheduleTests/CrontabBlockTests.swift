import Testing

@testable import BriefingSchedule

@Suite struct CrontabBlockTests {
    let weekly = CrontabBlock.Job(
        name: "weekly", schedule: "0 6 * * 1", command: "'/usr/local/bin/briefing' generate --output '/home/a/out.pdf'")
    let daily = CrontabBlock.Job(name: "daily", schedule: "@daily", command: "'/usr/local/bin/briefing' generate")

    /// Crontabs a user might have: empty, foreign jobs, comments, variables, blank lines,
    /// Windows line ends inside a comment, and no final newline.
    static let crontabs = [
        "",
        "MAILTO=ops@example.org\nSHELL=/bin/bash\n# m h dom mon dow command\n*/5 * * * * /usr/bin/backup --quiet 2>&1 | logger\n",
        "# only a comment, no newline at the end",
        "0 1 * * * echo 'a % b'\n\n\n@reboot /usr/bin/start\n# trailing comment\r\n",
        "PATH=/usr/bin\n0 2 * * * run\n0 3 * * * other",
    ]

    @Test func aCrontabTheBlockCreatedIsRemovedWithItsLastJob() {
        let crontab = CrontabBlock.setting(weekly, in: nil)
        #expect(CrontabBlock.removing(nil, in: crontab) == nil)
        #expect(CrontabBlock.removing("weekly", in: crontab) == nil)
        // A line the user added meanwhile keeps the crontab alive.
        #expect(CrontabBlock.removing(nil, in: "0 1 * * * mine\n" + crontab) == "0 1 * * * mine\n")
    }

    @Test(arguments: crontabs)
    func addingThenRemovingEverythingGivesBackTheOriginalBytes(original: String) {
        var crontab = CrontabBlock.setting(weekly, in: original)
        crontab = CrontabBlock.setting(daily, in: crontab)
        #expect(CrontabBlock.jobs(in: crontab) == [weekly, daily])
        // Foreign content survives untouched, in order.
        #expect(crontab.hasPrefix(original.hasSuffix("\n") || original.isEmpty ? original : original + "\n"))
        #expect(CrontabBlock.removing(nil, in: crontab) == original)
        #expect(CrontabBlock.removing("daily", in: CrontabBlock.removing("weekly", in: crontab)!) == original)
    }

    @Test func addingAnExistingNameReplacesIt() {
        var crontab = CrontabBlock.setting(weekly, in: Self.crontabs[1])
        var changed = weekly
        changed.schedule = "30 7 * * 1-5"
        crontab = CrontabBlock.setting(changed, in: crontab)
        #expect(CrontabBlock.jobs(in: crontab) == [changed])
        #expect(crontab.components(separatedBy: "# job: weekly").count == 2)
    }

    @Test func removingOneJobKeepsTheOthers() {
        let crontab = CrontabBlock.setting(daily, in: CrontabBlock.setting(weekly, in: Self.crontabs[3]))
        let removed = CrontabBlock.removing("weekly", in: crontab) ?? ""
        #expect(CrontabBlock.jobs(in: removed) == [daily])
        #expect(removed.hasPrefix(Self.crontabs[3]))
    }

    @Test func theBlockIsWhatCronReads() {
        let crontab = CrontabBlock.setting(weekly, in: "")
        #expect(
            crontab == """
                # >>> briefing schedule: managed by `briefing schedule`, do not edit by hand >>>
                # job: weekly
                0 6 * * 1 '/usr/local/bin/briefing' generate --output '/home/a/out.pdf'
                # <<< briefing schedule <<<

                """)
    }

    @Test func parsesJobLines() {
        #expect(CrontabBlock.parseJobLine("@weekly  /bin/x  y", name: "n") == .init(name: "n", schedule: "@weekly", command: "/bin/x  y"))
        #expect(CrontabBlock.parseJobLine("0\t6 * * 1 cmd", name: "n") == .init(name: "n", schedule: "0 6 * * 1", command: "cmd"))
        #expect(CrontabBlock.parseJobLine("0 6 * *", name: "n") == nil)
    }

    @Test func namesAreSafe() {
        #expect(CrontabBlock.isValidName("weekly-ministry_1"))
        #expect(!CrontabBlock.isValidName("two words"))
        #expect(!CrontabBlock.isValidName("a\nb"))
        #expect(!CrontabBlock.isValidName(""))
    }
}
