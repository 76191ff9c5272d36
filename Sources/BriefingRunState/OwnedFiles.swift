import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The exact names Briefing gives the files it writes, so it deletes, replaces and ignores
/// only its own: a temporary, an archive copy or a page image is recognised by the whole
/// name it was given, never by a prefix (a user's `.bigproject.tmp/` or `report-2024.png`
/// beside a `report.pdf` is not ours).
public enum OwnedFiles {
    // MARK: - Temporaries

    /// `NAME.PID.tmp`: what a run writes in its state folder before renaming it over `NAME`.
    public static func temporaryName(for name: String, pid: Int32 = getpid()) -> String { "\(name).\(pid).tmp" }

    /// `.NAME.PID.tmp`: what a publish without a state folder (`chart`, `watch`, an earlier
    /// version's runs) writes beside `NAME`.
    public static func besideTemporaryName(for name: String, pid: Int32 = getpid()) -> String { ".\(name).\(pid).tmp" }

    /// The process id in a temporary's name, when `fileName` is exactly `prefix PID .tmp`.
    static func temporaryPID(_ fileName: String, prefix: String) -> Int32? {
        guard fileName.hasPrefix(prefix), fileName.hasSuffix(".tmp") else { return nil }
        let digits = fileName.dropFirst(prefix.count).dropLast(4)
        guard !digits.isEmpty, digits.count <= 10, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return Int32(digits)
    }

    /// Deletes `folder/name` if it is a regular file (never a folder or a link's target)
    /// whose writer is gone: a process that is still running may be about to rename it.
    static func removeIfAbandoned(_ folder: URL, _ name: String, pid: Int32) {
        let path = folder.appendingPathComponent(name).path
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return }
        guard pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { return }
        unlink(path)
    }

    // MARK: - Archive copies

    /// `STEM-2026-11-30T060000Z.EXT`, in `archive/` beside the output; the second copy made
    /// in the same second `STEM-2026-11-30T060000Z-2.EXT`, and so on.
    public static func archiveName(stem: String, ext: String, at date: Date, sequence: Int = 1) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HHmmss'Z'"
        return "\(stem)-\(formatter.string(from: date))\(sequence > 1 ? "-\(sequence)" : "")\(ext.isEmpty ? "" : ".\(ext)")"
    }

    /// Whether `fileName` is exactly an archive copy of `STEM.EXT`.
    public static func isArchiveCopy(_ fileName: String, stem: String, ext: String) -> Bool {
        archiveOrder(fileName, stem: stem, ext: ext) != nil
    }

    /// An archive copy's place among its output's copies, oldest first: its timestamp, then
    /// its sequence within that second (1 when the name has none). Nil for any other name.
    public static func archiveOrder(_ fileName: String, stem: String, ext: String) -> (stamp: String, sequence: Int)? {
        // A name without an extension is copied without a trailing dot; copies made before
        // that have one, and are still counted (and pruned).
        let prefix = "\(stem)-", suffix = ext.isEmpty ? (fileName.hasSuffix(".") ? "." : "") : ".\(ext)"
        guard fileName.hasPrefix(prefix), fileName.hasSuffix(suffix), fileName.count >= prefix.count + 18 + suffix.count else {
            return nil
        }
        let middle = fileName.dropFirst(prefix.count).dropLast(suffix.count)
        // 2026-11-30T060000Z
        let stamp = middle.prefix(18)
        let shape = Array("dddd-dd-ddTddddddZ")
        let stamped = zip(stamp, shape).allSatisfy { character, expected in
            expected == "d" ? (character.isASCII && character.isNumber) : character == expected
        }
        guard stamped else { return nil }
        let rest = middle.dropFirst(18)
        if rest.isEmpty { return (String(stamp), 1) }
        // "-N", N from 2, no leading zero: only what `archiveName` writes.
        let digits = rest.dropFirst()
        guard rest.first == "-", let first = digits.first, first != "0", digits.count <= 9,
            digits.allSatisfy({ $0.isASCII && $0.isNumber }), let sequence = Int(digits), sequence >= 2
        else { return nil }
        return (String(stamp), sequence)
    }

    // MARK: - Page images

    /// Whether `fileName` is exactly page image `STEM-NN.FORMAT` (two or more digits).
    public static func isPageFile(_ fileName: String, stem: String, format: String) -> Bool {
        let prefix = "\(stem)-", suffix = ".\(format)"
        guard fileName.hasPrefix(prefix), fileName.hasSuffix(suffix), fileName.count > prefix.count + suffix.count + 1 else {
            return false
        }
        let number = fileName.dropFirst(prefix.count).dropLast(suffix.count)
        return number.allSatisfy { $0.isASCII && $0.isNumber }
    }

    // MARK: - Outputs

    /// The files in `folder` that Briefing wrote as outputs: each name whose state folder
    /// (`folder/.briefing/NAME/`) records a publish, the files that publish wrote (page
    /// images), and its archive copies in `folder/archive/`. They are never inputs, even when
    /// the output lives inside its own template folder. A state folder alone claims nothing:
    /// a refused or failed run may have made one.
    public static func outputs(in folder: URL) -> Set<String> {
        let stateRoot = folder.appendingPathComponent(RunState.folderName)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: stateRoot.path) else { return [] }
        let archive = folder.appendingPathComponent("archive")
        let archived = (try? FileManager.default.contentsOfDirectory(atPath: archive.path)) ?? []
        var owned = Set<String>()
        for name in names {
            let output = folder.appendingPathComponent(name)
            guard let published = RunManifest.read(for: output)?.lastSuccess else { continue }
            owned.insert(output.path)
            for file in published.files ?? [] where !file.contains("/") {
                owned.insert(folder.appendingPathComponent(file).path)
            }
            // Archive copies of the output and of the other formats it wrote beside it.
            let named = [name] + (published.files ?? []).filter { !$0.contains("/") }
            for file in named {
                let url = folder.appendingPathComponent(file)
                let stem = url.deletingPathExtension().lastPathComponent, ext = url.pathExtension
                for copy in archived where isArchiveCopy(copy, stem: stem, ext: ext) {
                    owned.insert(archive.appendingPathComponent(copy).path)
                }
            }
        }
        return owned
    }

    /// Whether `file` is an output Briefing wrote (as `outputs(in:)` tells).
    public static func isOutput(_ file: URL) -> Bool {
        outputs(in: file.deletingLastPathComponent()).contains(file.path)
    }
}
