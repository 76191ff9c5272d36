import Foundation
import GRDB

/// An edition store that cannot be trusted: truncated or garbled, not a regular file (a
/// folder, a link to somewhere else), or missing its tables. It is never written to; a run
/// moves it aside and starts a new store, so a damaged file never blocks publishing, and
/// says where both are (73).
public struct EditionStoreDamaged: Error, CustomStringConvertible, Sendable {
    public var store: URL
    public var reason: String
    /// Where the damaged file went, once a run moved it aside.
    public var movedTo: URL?

    public var description: String {
        let recover =
            reason.hasPrefix("it is ") || reason == "the file is empty"
            ? "nothing to recover from it; the editions recorded before are lost"
            : "to recover what can be read: sqlite3 '\(movedTo?.path ?? store.path)' .recover | sqlite3 '\(store.path).recovered'"
        if let movedTo {
            return
                "the edition store \(store.path) was damaged (\(reason)): it was moved to \(movedTo.path) and a new store begun; "
                + "the briefing was published as edition 1 of the new store\n    hint: \(recover)"
        }
        return
            "the edition store \(store.path) is damaged (\(reason)); the next generate moves it aside and starts a new one\n    hint: \(recover)"
    }
}

/// The edition store cannot be written because the disk is full (or a size limit is hit): 73.
public struct EditionStoreFull: Error, CustomStringConvertible, Sendable {
    public var store: URL
    public var description: String { "cannot write the edition store \(store.path): the disk is full (or a size limit was reached)" }
}

extension EditionStore {
    /// Checks the store at `url` before anything uses it; if it is damaged, moves it aside
    /// (`editions.damaged-20261204T154700Z.sqlite`, with its journal) so the run can begin a
    /// new one. Returns what was found, nil for a sound store or none at all.
    public static func setAsideIfDamaged(_ url: URL, now: Date = Date()) -> EditionStoreDamaged? {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return nil }  // none yet
        do {
            _ = try open(url)
            return nil
        } catch var damage as EditionStoreDamaged {
            forget(url)
            let stamp = RunStamp.compact(now)
            // Never over an earlier damaged copy (two in one second).
            var aside = url.deletingPathExtension().appendingPathExtension("damaged-\(stamp).sqlite")
            var attempt = 1
            var existing = stat()
            while lstat(aside.path, &existing) == 0 {
                attempt += 1
                aside = url.deletingPathExtension().appendingPathExtension("damaged-\(stamp)-\(attempt).sqlite")
            }
            // The name itself is moved (a link stays a link, its target untouched).
            guard rename(url.path, aside.path) == 0 else { return damage }
            for suffix in ["-wal", "-shm", "-journal"] { _ = rename(url.path + suffix, aside.path + suffix) }
            damage.movedTo = aside
            return damage
        } catch {
            return nil  // not damage (a permission problem): the run reports it where it opens
        }
    }
}

/// Timestamps for file names (no colons).
enum RunStamp {
    static func compact(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }
}
