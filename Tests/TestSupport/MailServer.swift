import Foundation

/// A real SMTP server for delivery tests: `Tests/Fixtures/mail/smtp-server.py` (aiosmtpd
/// from Debian's python3-aiosmtpd) on 127.0.0.1, writing each message it accepts to a
/// folder; and an msmtp configuration that relays to it, for the delivery file's `sendmail`.
public final class MailServer {
    public let folder: URL
    public private(set) var port: Int = 0
    /// msmtp's configuration for this server (owner-only, as msmtp requires).
    public let msmtprc: URL
    private var process: Process?

    /// Debian's Python, which has aiosmtpd (a `python3` earlier on PATH may not).
    public static let python = URL(fileURLWithPath: "/usr/bin/python3")
    static let fixtures = TemplateFixture.repository.appendingPathComponent("Tests/Fixtures/mail")

    /// Starts a server; `reject` recipients are refused with 550, `deferred` ones with 451.
    public init(in directory: URL, reject: [String] = [], deferred: [String] = []) throws {
        folder = directory.appendingPathComponent("received")
        msmtprc = directory.appendingPathComponent("msmtprc")
        try start(reject: reject, deferred: deferred)
    }

    /// Starts it (again, on the same port after `stop`).
    public func start(reject: [String] = [], deferred: [String] = []) throws {
        let process = Process()
        process.executableURL = Self.python
        var arguments = [Self.fixtures.appendingPathComponent("smtp-server.py").path, folder.path]
        if port != 0 { arguments.append(String(port)) }
        if !reject.isEmpty { arguments += ["--reject"] + reject }
        if !deferred.isEmpty { arguments += ["--defer"] + deferred }
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        self.process = process
        // The first line says where it listens, once it does.
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { throw MailServerError(message: "the SMTP server did not start") }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let value = text.split(separator: " ").last.flatMap({ Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }) else {
            throw MailServerError(message: "the SMTP server said '\(text)'")
        }
        port = value
        let config = """
            defaults
            auth off
            tls off
            account default
            host 127.0.0.1
            port \(port)
            from briefings@example.org
            timeout 10

            """
        try config.write(to: msmtprc, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: msmtprc.path)
    }

    /// Stops it at once. SIGKILL: a child of the test runner inherits its blocked signals,
    /// SIGTERM among them; each message is written whole before the server answers.
    public func stop() {
        guard let process, process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        self.process = nil
    }

    deinit { stop() }

    /// The messages received so far, parsed by Python's email package.
    public func messages() throws -> [ReceivedMail] {
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        let result = try Command.run(Self.python, [Self.fixtures.appendingPathComponent("read-mail.py").path, folder.path])
        guard result.status == 0 else { throw MailServerError(message: result.stderr) }
        return try JSONDecoder().decode([ReceivedMail].self, from: Data(result.stdout.utf8))
    }
}

public struct MailServerError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// A message as the server received it and Python's email package read it.
public struct ReceivedMail: Decodable {
    public struct Envelope: Decodable {
        public var from: String
        public var to: [String]
    }

    public struct Attachment: Decodable {
        public var name: String?
        public var type: String
        public var size: Int
        public var sha256: String
    }

    public var envelope: Envelope
    public var from: String
    public var to: String
    public var cc: String
    public var subject: String
    public var message_id: String
    public var date: String
    public var auto_submitted: String
    public var defects: [String]
    public var text: String
    public var html: String
    public var attachments: [Attachment]
}
