import BriefingEditions
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Hands one queued message to sendmail from a sender of its own, so that a run killed with
/// its whole process group (as cron's or systemd's stop does) neither loses the message nor
/// sends it twice.
///
/// Each message `outbox/E-AUDIENCE-HASH.eml` has beside it:
/// - `.lock`, locked (flock) by the run before it marks the delivery `sending`, and held,
///   through an inherited descriptor, by the sender until it exits: a later run that cannot
///   lock it knows a sender is at work;
/// - `.started`, written by the sender just before sendmail runs;
/// - `.result`, the exit status it wrote when sendmail ended (renamed into place whole),
///   and `.err`, what sendmail said.
///
/// The sender is `/bin/sh` in a session of its own running sendmail under coreutils'
/// `timeout` (which kills sendmail's whole group on the deadline). A later run resolves a
/// `sending` delivery from these files alone (`resolve`): a result is recorded as if the
/// run had seen it; no `.started` means sendmail never ran and the message is queued again;
/// `.started` without a result and without a sender means the sender itself was stopped
/// (a reboot) while sendmail had the message: `unconfirmed`, not resent, shown by
/// `outbox` with its Message-ID. That is the one at-most-once case; everything else is
/// exactly once.
struct MailSender {
    let sendmail: Sendmail
    /// The audience's state folder (delivery rows name their message relative to it).
    let folder: URL

    struct Files {
        let message: URL
        var lock: URL { message.deletingPathExtension().appendingPathExtension("lock") }
        var started: URL { message.deletingPathExtension().appendingPathExtension("started") }
        var result: URL { message.deletingPathExtension().appendingPathExtension("result") }
        var errors: URL { message.deletingPathExtension().appendingPathExtension("err") }

        /// Everything but the message, once the outcome is recorded.
        func removeTraces() {
            for url in [started, result, result.appendingPathExtension("tmp"), errors, lock] { unlink(url.path) }
        }
    }

    func files(_ delivery: Delivery) -> Files { Files(message: folder.appendingPathComponent(delivery.message)) }

    /// The message's lock, taken without waiting: nil while a sender (or another run) has it.
    /// Not close-on-exec: the sender inherits it.
    func lock(_ files: Files) -> Int32? {
        let descriptor = open(files.lock.path, O_RDWR | O_CREAT, 0o600)
        guard descriptor >= 0 else { return nil }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return nil
        }
        return descriptor
    }

    /// What became of a `sending` delivery that no run is watching.
    enum Found: Equatable {
        /// Its sender still holds the lock.
        case inProgress
        case finished(Sendmail.Result)
        /// sendmail never ran: queue it again.
        case neverStarted
        /// The sender stopped while sendmail had the message.
        case unconfirmed
    }

    func resolve(_ delivery: Delivery) -> Found {
        let files = files(delivery)
        guard let descriptor = lock(files) else { return .inProgress }
        defer { close(descriptor) }
        if let status = readStatus(files) { return .finished(classify(status, files)) }
        return FileManager.default.fileExists(atPath: files.started.path) ? .unconfirmed : .neverStarted
    }

    /// A sender started and not yet waited for.
    struct Started {
        let pid: pid_t
        let files: Files
        /// The deadline this sender was given (the plan's, or what was left of the run's).
        let limit: TimeInterval
        /// When to stop waiting: its own `timeout` ends sendmail, with a little more for the
        /// shell to report.
        let waitUntil: Date
    }

    /// What starting a sender came to: started, or a result without one (no sendmail).
    enum Start {
        case started(Started)
        case finished(Sendmail.Result)
    }

    /// Starts the sender (the caller holds `descriptor`, the message's lock, and has recorded
    /// the delivery as `sending`); the sender keeps the lock, the caller's copy is closed.
    func start(_ files: Files, holding descriptor: Int32, from sender: String, to recipient: String, deadline: Date) -> Start {
        defer { close(descriptor) }
        guard let program = sendmail.executable() else {
            let name = sendmail.command.first ?? "sendmail"
            return .finished(.temporary("the sendmail program '\(name)' is \(ChildProcess.whyNot(name))"))
        }
        let limit = max(1, min(sendmail.timeout, deadline.timeIntervalSinceNow))
        // $1 started, $2 result, $3 errors, $4 seconds, $5 message; the rest is the command.
        let script = """
            : > "$1" || exit 70
            started=$1 result=$2 errors=$3 limit=$4 message=$5
            shift 5
            timeout -k 5 "$limit" "$@" < "$message" > /dev/null 2> "$errors"
            printf '%s\\n' "$?" > "$result.tmp" && mv -f "$result.tmp" "$result"
            """
        let arguments =
            [
                "-c", script, "sh", files.started.path, files.result.path, files.errors.path, String(Int(limit.rounded(.up))),
                files.message.path,
            ]
            + [program.path] + sendmail.arguments(from: sender, to: recipient)
        do {
            let pid = try ChildProcess.start("/bin/sh", arguments, .init(newSession: true, inherit: descriptor))
            return .started(Started(pid: pid, files: files, limit: limit, waitUntil: Date().addingTimeInterval(limit + 10)))
        } catch {
            return .finished(.temporary("\(error)"))
        }
    }

    /// Waits for a started sender. Nil when it is still running at its deadline: the
    /// delivery stays `sending` for the next run to resolve.
    func finish(_ started: Started) -> Sendmail.Result? {
        guard ChildProcess.wait(started.pid, until: started.waitUntil) != nil, let status = readStatus(started.files) else { return nil }
        return classify(status, started.files, limit: started.limit.rounded(.up))
    }

    /// Starts the sender and waits for it until `deadline`; nil when it is still running then.
    func send(_ files: Files, holding descriptor: Int32, from sender: String, to recipient: String, deadline: Date) -> Sendmail.Result? {
        switch start(files, holding: descriptor, from: sender, to: recipient, deadline: deadline) {
        case .finished(let result): return result
        case .started(let started): return finish(started)
        }
    }

    private func readStatus(_ files: Files) -> Int32? {
        guard let text = try? String(contentsOf: files.result, encoding: .utf8) else { return nil }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// - Parameter limit: the deadline this sender had (the plan's, or what was left of the run's).
    private func classify(_ status: Int32, _ files: Files, limit: TimeInterval? = nil) -> Sendmail.Result {
        let program = URL(fileURLWithPath: sendmail.command.first ?? "sendmail")
        return Sendmail.classify(
            status: status, errors: ChildProcess.errorText(files.errors), program: program, timeout: limit ?? sendmail.timeout)
    }
}
