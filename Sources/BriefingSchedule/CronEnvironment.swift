import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The environment a cron job runs in, so `run-job` (by hand or from cron), `run-job
/// --check` and `doctor` all see what cron will: Debian's cron gives a job `HOME`,
/// `LOGNAME`, `SHELL=/bin/sh` and `PATH=/usr/bin:/bin`, and the crontab line written by
/// `schedule add` sets `LANG` and `PATH`. Nothing else of the caller's shell survives.
public enum CronEnvironment {
    /// What a job's process has before the job file adds its own variables.
    public static func base(home: String, user: String) -> [String: String] {
        ["HOME": home, "LOGNAME": user, "SHELL": "/bin/sh", "PATH": CronCommand.path, "LANG": "C.UTF-8"]
    }

    /// The base for the current user, from the password database (not from `$HOME`, which
    /// the caller's shell may have changed).
    public static func forCurrentUser() -> [String: String] {
        var home = FileManager.default.homeDirectoryForCurrentUser.path, user = "root"
        if let entry = getpwuid(getuid()) {
            home = String(cString: entry.pointee.pw_dir)
            user = String(cString: entry.pointee.pw_name)
        }
        return base(home: home, user: user)
    }

    /// The environment of a job: cron's, then the job file's variables.
    public static func of(_ job: JobFile) -> [String: String] {
        forCurrentUser().merging(job.environment ?? [:]) { _, recorded in recorded }
    }

    /// Replaces this process's environment with `environment` and moves to `HOME`, as cron
    /// starts a job. Everything read afterwards (`ProcessInfo`, child processes) sees only it.
    public static func apply(_ environment: [String: String]) {
        clearenv()
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) { setenv(name, value, 1) }
        if let home = environment["HOME"] { _ = FileManager.default.changeCurrentDirectoryPath(home) }
    }
}
