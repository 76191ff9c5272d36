import Foundation
import TestSupport
import Testing

/// `watch --serve` runs its web server as `briefing-preview`, a process of its own: it must
/// end with the watch however the watch ends, a server that dies must not stop the watch,
/// and a server that cannot start must be an error the watch reports (69) before it builds.
@Suite(.serialized, .systemTier) struct PreviewProcessTests {
    struct Served {
        var fixture: TemplateFixture
        var out: URL
        var watch: BackgroundCommand
        var port: Int
        func remove() {
            fixture.remove()
            try? FileManager.default.removeItem(at: out)
        }
    }

    func serve(_ address: String = "0", name: String = "b.pdf") throws -> Served {
        let fixture = try TemplateFixture()
        let out = try Command.temporaryDirectory()
        let watch = try BackgroundCommand(
            Command.briefing,
            ["watch", "--template", fixture.directory.path, "--date", "2026-11-30", "--output", out.appendingPathComponent(name).path, "--serve", address],
            logs: out)
        #expect(watch.waitFor("built "), "first build: \(watch.stdout) \(watch.stderr)")
        let port = try #require(watch.stdout.firstMatch(of: /serving http:\/\/127\.0\.0\.1:(\d+)\//).flatMap { Int($0.1) })
        return Served(fixture: fixture, out: out, watch: watch, port: port)
    }

    /// The processes whose parent is `parent`, by their command names (`/proc/PID/stat`).
    func children(of parent: Int32) -> [(pid: Int32, name: String)] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> (Int32, String)? in
            guard let pid = Int32(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")")
            else { return nil }
            let fields = stat[stat.index(close, offsetBy: 2)...].split(separator: " ")
            guard fields.count > 1, Int32(fields[1]) == parent else { return nil }
            return (pid, String(stat[stat.index(after: open)..<close]))
        }
    }

    func answers(_ port: Int) throws -> Bool {
        let curl = try Command.tool("curl", ["-s", "-o", "/dev/null", "-m", "2", "-w", "%{http_code}", "http://127.0.0.1:\(port)/"])
        return curl.stdout == "200"
    }

    /// Waits until `condition` holds, for up to `seconds`.
    func eventually(_ seconds: Double = 10, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }

    @Test func theServerEndsWithTheWatchEvenWhenItIsKilled() throws {
        for signal in [SIGTERM, SIGKILL] {
            let served = try serve()
            defer { served.remove() }
            let server = try #require(children(of: served.watch.process.processIdentifier).first { $0.name.hasPrefix("briefing-previe") })
            #expect(try answers(served.port))
            _ = served.watch.stop(with: signal)
            #expect(eventually { kill(server.pid, 0) != 0 }, "briefing-preview \(server.pid) outlived a watch stopped by signal \(signal)")
            #expect(try eventually { try !answers(served.port) })
        }
    }

    @Test func aServerThatDiesLeavesTheWatchBuilding() throws {
        let served = try serve()
        defer {
            _ = served.watch.stop(with: SIGTERM)
            served.remove()
        }
        let server = try #require(children(of: served.watch.process.processIdentifier).first { $0.name.hasPrefix("briefing-previe") })
        kill(server.pid, SIGKILL)
        #expect(eventually { (try? answers(served.port)) == false })
        let section = served.fixture.directory.appendingPathComponent("sections/space.md")
        try (try String(contentsOf: section, encoding: .utf8) + "\nOne more sentence.\n").write(to: section, atomically: true, encoding: .utf8)
        #expect(served.watch.waitFor("built ", count: 2), "\(served.watch.stdout) \(served.watch.stderr)")
        #expect(eventually { served.watch.stderr.contains("the preview server stopped") }, "\(served.watch.stderr)")
        try (try String(contentsOf: section, encoding: .utf8) + "\nAnd another.\n").write(to: section, atomically: true, encoding: .utf8)
        #expect(served.watch.waitFor("built ", count: 3), "\(served.watch.stdout) \(served.watch.stderr)")
        #expect(served.watch.stderr.components(separatedBy: "the preview server stopped").count == 2, "warned once: \(served.watch.stderr)")
        #expect(served.watch.stderr.contains("the preview server stopped (killed by signal 9)"), "\(served.watch.stderr)")
        #expect(
            !children(of: served.watch.process.processIdentifier).contains { $0.name.hasPrefix("briefing-previe") },
            "the dead server was waited for, not left a zombie")
        #expect(served.watch.stop(with: SIGTERM) == 0)
    }

    /// The PDF is served under its name as a browser asks for it (percent-encoded), and HEAD
    /// is answered as GET is, without the body.
    @Test func aNameWithSpacesAndAccentsIsServedAndHEADAnswers() throws {
        let served = try serve(name: "Brief ré 2.pdf")
        defer {
            _ = served.watch.stop(with: SIGTERM)
            served.remove()
        }
        #expect(served.watch.stdout.contains("(the PDF at /Brief%20r%C3%A9%202.pdf)"), "\(served.watch.stdout)")
        let base = "http://127.0.0.1:\(served.port)"
        let pdf = try Command.tool("curl", ["-s", "-m", "5", "\(base)/Brief%20r%C3%A9%202.pdf"])
        #expect(pdf.stdout.hasPrefix("%PDF-"), "\(pdf.stdout.prefix(80))")
        for path in ["/Brief%20r%C3%A9%202.pdf", "/", "/index.html"] {
            let head = try Command.tool("curl", ["-s", "-I", "-m", "5", base + path])
            #expect(head.stdout.hasPrefix("HTTP/1.1 200"), "HEAD \(path): \(head.stdout)")
        }
        let wrong = try Command.tool("curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "-m", "5", "\(base)/Brief%20re%202.pdf"])
        #expect(wrong.stdout == "404")
        let malformed = try Command.tool("curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "-m", "5", "\(base)/Brief%2"])
        #expect(malformed.stdout == "404")
    }

    @Test func aPortInUseIsUnavailable() throws {
        let served = try serve()
        defer {
            _ = served.watch.stop(with: SIGTERM)
            served.remove()
        }
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        let second = try Command.run(
            Command.briefing, ["watch", "--template", fixture.directory.path, "--output", served.out.appendingPathComponent("c.pdf").path, "--serve", "\(served.port)"])
        #expect(
            second.status == 69 && second.stderr.contains("cannot serve on \(served.port): port \(served.port) is in use"),
            "\(second.status) \(second.stderr)")
        // An address that is not this machine's, or no address at all, is said so.
        for (address, said) in [("192.0.2.1:0", "192.0.2.1 is not an address of this machine"), ("256.1.1.1:0", "'256.1.1.1' is not a host name")] {
            let run = try Command.run(
                Command.briefing, ["watch", "--template", fixture.directory.path, "--output", served.out.appendingPathComponent("c.pdf").path, "--serve", address])
            #expect(run.status == 69 && run.stderr.contains(said), "\(address): \(run.status) \(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: served.out.appendingPathComponent("c.pdf").path), "nothing was built")
    }

    @Test func withoutTheServerProgramServingIsUnavailable() throws {
        let alone = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: alone) }
        let binary = alone.appendingPathComponent("briefing")
        try FileManager.default.copyItem(at: Command.briefing, to: binary)
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        var environment = ProcessInfo.processInfo.environment
        environment["BRIEFING_HOME"] = TemplateFixture.repository.path
        let run = try Command.run(
            binary, ["watch", "--template", fixture.directory.path, "--output", alone.appendingPathComponent("b.pdf").path, "--serve", "0"],
            environment: environment)
        #expect(run.status == 69 && run.stderr.contains("briefing-preview, the preview server, is not installed beside"), "\(run.status) \(run.stderr)")
        let doctor = try Command.run(binary, ["doctor"], environment: environment)
        #expect(doctor.stdout.contains("warn  no \(binary.deletingLastPathComponent().path)/briefing-preview: 'watch --serve' cannot serve"), "\(doctor.stdout)")
        // Watching without serving needs no server program.
        let plain = try BackgroundCommand(
            binary, ["watch", "--template", fixture.directory.path, "--output", alone.appendingPathComponent("b.pdf").path], logs: alone,
            environment: ["BRIEFING_HOME": TemplateFixture.repository.path])
        #expect(plain.waitFor("built "), "\(plain.stdout) \(plain.stderr)")
        #expect(plain.stop(with: SIGTERM) == 0)
    }

    /// A server program that ends, or says something else, before it listens is an error
    /// (69), not a watch waiting for good.
    @Test func aServerThatFailsToStartIsAnError() throws {
        // The last one's `sleep 61` is a child of the script: killed with it, not left behind.
        for script in ["#!/bin/sh\nexit 3\n", "#!/bin/sh\necho hello\nexec sleep 60\n", "#!/bin/sh\nexec sleep 60\n", "#!/bin/sh\nsleep 61\n"] {
            let alone = try Command.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: alone) }
            let binary = alone.appendingPathComponent("briefing")
            try FileManager.default.copyItem(at: Command.briefing, to: binary)
            let server = alone.appendingPathComponent("briefing-preview")
            try script.write(to: server, atomically: true, encoding: .utf8)
            chmod(server.path, 0o755)
            let fixture = try TemplateFixture()
            defer { fixture.remove() }
            var environment = ProcessInfo.processInfo.environment
            environment["BRIEFING_HOME"] = TemplateFixture.repository.path
            let started = Date()
            let run = try Command.run(
                binary, ["watch", "--template", fixture.directory.path, "--output", alone.appendingPathComponent("b.pdf").path, "--serve", "0"],
                environment: environment)
            #expect(run.status == 69 && run.stderr.contains("briefing-preview ended or failed before it listened"), "\(run.status) \(run.stderr)")
            #expect(Date().timeIntervalSince(started) < 20, "it took \(Date().timeIntervalSince(started)) s")
            if script.hasSuffix("exit 3\n") {
                // doctor starts it too, and says that it does not start.
                let doctor = try Command.run(binary, ["doctor"], environment: environment)
                #expect(doctor.stdout.contains("warn  \(server.path) does not start (exit status 3)"), "\(doctor.stdout)")
                #expect(!doctor.stdout.contains("all checks passed") && doctor.stdout.contains(" warning"), "\(doctor.stdout)")
            }
        }
        let doctor = try Command.run(Command.briefing, ["doctor"])
        #expect(doctor.stdout.contains("ok    the preview server starts"), "the installed one does: \(doctor.stdout)")
        let left = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).filter { entry in
            guard Int(entry) != nil, let command = try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(entry)/cmdline")) else { return false }
            return String(decoding: command, as: UTF8.self) == "sleep\u{0}61\u{0}"
        }
        #expect(left.isEmpty, "the script's own child was left running: \(left)")
    }

    /// A server that stops reading (stopped here) holds neither the builds nor the stop.
    @Test func aStoppedServerHoldsNothing() throws {
        let served = try serve()
        defer { served.remove() }
        let server = try #require(children(of: served.watch.process.processIdentifier).first { $0.name.hasPrefix("briefing-previe") })
        kill(server.pid, SIGSTOP)
        defer { kill(server.pid, SIGCONT) }
        let section = served.fixture.directory.appendingPathComponent("sections/space.md")
        for (index, sentence) in ["One more sentence.", "And another.", "And a third."].enumerated() {
            try (try String(contentsOf: section, encoding: .utf8) + "\n\(sentence)\n").write(to: section, atomically: true, encoding: .utf8)
            #expect(served.watch.waitFor("built ", count: index + 2, timeout: 20), "\(served.watch.stdout) \(served.watch.stderr)")
        }
        let started = Date()
        #expect(served.watch.stop(with: SIGTERM) == 0)
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(eventually { kill(server.pid, 0) != 0 }, "the stopped server was left behind")
    }
}
