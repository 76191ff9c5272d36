import BriefingModel
import CLinux
import Foundation

/// Bytes collected in memory up to a megabyte, then in a temporary file, read back as
/// mapped pages. cairo's PDF and the finished file pass through one each: at 354 pages they
/// are 10 MiB apiece, and held in memory they were on top of everything else at the two
/// peaks of a run (cairo writing its fonts and structure tree; the finisher copying one file
/// into the other). Mapped pages are read only when the bytes are.
///
/// The file is in the temporary folder (`TMPDIR`, else /tmp) and has no name (or loses it
/// as it is made), so a killed run leaves nothing behind. When none can be made, or a write
/// fails (a full disk), what was written is read back and the bytes stay in memory: the run
/// goes on as before.
struct SpillingBuffer {
    /// How much is held in memory before the bytes go to a file, and then between writes.
    private let limit: Int
    private var staged = Data()
    /// Bytes already in the file.
    private var flushed = 0
    /// The unlinked temporary file, once spilled.
    private var descriptor: Int32?
    /// Whether the buffer stays in memory (no file could be written).
    private var inMemory = false
    /// Why bytes written to the file could not be read back (a disk failing under the run).
    private(set) var lost: Int32?

    /// - Parameter descriptor: a file to spill to instead of a temporary one (tests).
    init(limit: Int = 1 << 20, descriptor: Int32? = nil) {
        self.limit = limit
        self.descriptor = descriptor
    }

    var count: Int { flushed + staged.count }

    mutating func append(_ bytes: Data) {
        staged.append(bytes)
        spill()
    }

    mutating func append(_ bytes: [UInt8]) {
        staged.append(contentsOf: bytes)
        spill()
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        staged.append(contentsOf: bytes)
        spill()
    }

    /// The first bytes, changed in place (a header's version), while they are in memory.
    mutating func replaceByte(at offset: Int, with byte: UInt8) {
        precondition(flushed == 0 && offset < staged.count)
        staged[staged.startIndex + offset] = byte
    }

    func starts(with prefix: Data) -> Bool { flushed == 0 && staged.starts(with: prefix) }

    /// The bytes: those in memory, or the file mapped (its descriptor closed; the mapping
    /// goes with the last copy of the data).
    mutating func finish() throws -> Data {
        write()
        if let lost { throw Self.lostError(lost) }
        guard let descriptor else { return staged }
        guard flushed > 0, let mapped = mmap(nil, flushed, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else {
            readBack()
            if let lost { throw Self.lostError(lost) }
            return staged
        }
        close(descriptor)
        self.descriptor = nil
        SpilledMappings.add(mapped, count: flushed)
        return Data(
            bytesNoCopy: mapped, count: flushed,
            deallocator: .custom { pointer, count in
                SpilledMappings.remove(pointer)
                munmap(pointer, count)
            })
    }

    private static func lostError(_ code: Int32) -> PDFFinisher.FinishError {
        PDFFinisher.FinishError(message: "a temporary file could not be read back (\(String(cString: strerror(code))))")
    }

    private mutating func spill() {
        guard staged.count >= limit, !inMemory else { return }
        if descriptor == nil, !open() { return }
        write()
    }

    /// An unnamed file in the temporary folder, or false (and memory from now on) when none
    /// can be made. O_TMPFILE where the file system has it: no name ever appears, so a
    /// `watch` whose template folder is the temporary folder does not see it come and go;
    /// elsewhere a named file, unlinked at once.
    private mutating func open() -> Bool {
        let folder = TemporaryFolder.url.path
        var made = briefing_open_unnamed(folder)
        if made < 0 {
            var template = Array((folder + "/briefing-XXXXXX").utf8CString)
            made = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            if made >= 0 {
                _ = fcntl(made, F_SETFD, FD_CLOEXEC)
                template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
            }
        }
        guard made >= 0 else {
            inMemory = true
            return false
        }
        descriptor = made
        return true
    }

    /// What is in memory, to the file; on failure, the file read back into memory.
    private mutating func write() {
        guard let descriptor, !staged.isEmpty, lost == nil else { return }
        guard writeAll(staged, to: descriptor) == nil else {
            readBack()
            return
        }
        flushed += staged.count
        staged.removeAll(keepingCapacity: true)
    }

    /// The bytes written so far, back in front of those in memory; the file is given up.
    private mutating func readBack() {
        guard let descriptor else { return }
        var earlier = Data(count: flushed)
        var failure: Int32?
        let read = earlier.withUnsafeMutableBytes { buffer in
            var done = 0
            while done < buffer.count {
                let got = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(done))
                if got < 0, errno == EINTR { continue }
                guard got > 0 else {
                    failure = got < 0 ? errno : EIO
                    break
                }
                done += got
            }
            return done
        }
        // A file that cannot be read back either: its bytes are lost, and `finish` says so
        // rather than return a file with a hole (this needs a disk failing under the run).
        lost = failure
        staged = earlier.prefix(read) + staged
        flushed = 0
        close(descriptor)
        self.descriptor = nil
        inMemory = true
    }
}

/// The read-only file mappings `SpillingBuffer` returned, so a reader done with part of one
/// can let its pages go (`release`): they are read again from the page cache if touched,
/// while memory that is not a mapping of ours is left alone (dropping it would lose it).
enum SpilledMappings {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var regions: [UInt: Int] = [:]

    static func add(_ base: UnsafeMutableRawPointer, count: Int) {
        lock.withLock { regions[UInt(bitPattern: base)] = count }
    }

    static func remove(_ base: UnsafeMutableRawPointer) {
        _ = lock.withLock { regions.removeValue(forKey: UInt(bitPattern: base)) }
    }

    /// Drops the whole pages of `range` of `data` from memory, when `data` is one of the
    /// mappings; otherwise does nothing.
    static func release(_ data: Data, _ range: Range<Int>) {
        data.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress, let mapped = lock.withLock({ regions[UInt(bitPattern: base)] }), mapped == bytes.count
            else { return }
            let page = Int(sysconf(Int32(_SC_PAGESIZE)))
            let start = (max(0, range.lowerBound) + page - 1) / page * page
            let end = min(range.upperBound, bytes.count) / page * page
            guard end > start else { return }
            _ = madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, MADV_DONTNEED)
        }
    }
}
