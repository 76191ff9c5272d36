import Foundation

/// Where the finisher assembles the finished file. A large file goes, a megabyte at a time,
/// to a temporary file that is unlinked as soon as it is made and read back as mapped
/// pages: the finished bytes are then not held in memory beside cairo's while one is copied
/// into the other (at 354 pages, 10 MiB each; the mapped pages are read again only when
/// the file is published). A small file, or one whose temporary file cannot be written
/// (no space, no temporary folder), is assembled in memory.
struct AssembledFile {
    /// Files at least this large (cairo's bytes) are assembled on disk.
    static let onDiskFrom = 1 << 20
    private static let stagedLimit = 1 << 20

    private var staged: Data
    private var flushed = 0
    /// The unlinked temporary file, or nil in memory.
    private let descriptor: Int32?
    private var failure: Int32?

    private init(capacity: Int, descriptor: Int32?) {
        staged = Data(capacity: descriptor == nil ? capacity : Self.stagedLimit + 64 * 1024)
        self.descriptor = descriptor
    }

    static func inMemory(capacity: Int) -> AssembledFile { AssembledFile(capacity: capacity, descriptor: nil) }

    /// A file in the temporary folder (`TMPDIR`, else /tmp), or nil when none can be made.
    static func onDisk() -> AssembledFile? {
        var template = Array((FileManager.default.temporaryDirectory.path + "/briefing-finish-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        // Gone from the folder at once: a run that is killed leaves nothing behind.
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return AssembledFile(capacity: 0, descriptor: descriptor)
    }

    var count: Int { flushed + staged.count }

    mutating func append(_ bytes: Data) {
        staged.append(bytes)
        stageOut()
    }

    mutating func append(_ bytes: [UInt8]) {
        staged.append(contentsOf: bytes)
        stageOut()
    }

    /// The first bytes, changed in place (the header's version), before any were written out.
    mutating func replaceByte(at offset: Int, with byte: UInt8) {
        precondition(flushed == 0 && offset < staged.count)
        staged[staged.startIndex + offset] = byte
    }

    func starts(with prefix: Data) -> Bool { flushed == 0 && staged.starts(with: prefix) }

    private mutating func stageOut() {
        guard let descriptor, staged.count >= Self.stagedLimit, failure == nil else { return }
        failure = writeAll(staged, to: descriptor)
        flushed += staged.count
        staged.removeAll(keepingCapacity: true)
    }

    /// The bytes: in memory, or the temporary file mapped. Throws when the file could not be
    /// written (the caller assembles in memory instead).
    mutating func finish() throws -> Data {
        guard let descriptor else { return staged }
        defer { close(descriptor) }
        if failure == nil, !staged.isEmpty { failure = writeAll(staged, to: descriptor) }
        flushed += staged.count
        staged = Data()
        if let failure {
            throw PDFFinisher.FinishError(message: "cannot write a temporary file: \(String(cString: strerror(failure)))")
        }
        // Mapped, not read: pages are read in when the file is published. The mapping
        // outlives the descriptor and the unlinked name, and goes with the last copy of the
        // data.
        let size = flushed
        guard size > 0, let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else {
            throw PDFFinisher.FinishError(message: "cannot map the temporary file: \(String(cString: strerror(errno)))")
        }
        return Data(bytesNoCopy: mapped, count: size, deallocator: .custom { pointer, count in munmap(pointer, count) })
    }
}
