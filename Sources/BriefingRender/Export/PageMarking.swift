import CLibdeflate
import Foundation

/// Page contents marked as artifacts and deflated on the other core while cairo is still
/// writing the rest of the PDF: cairo writes on one core, the other is idle until the
/// finisher starts, and marking and deflating the pages was most of the finisher's work.
/// The finisher takes a page from here only when libqpdf reads back the same content for
/// that object (its length, CRC-32 and Adler-32); any other page it marks itself, so the
/// finished file is the same with or without this. The file ID's hash is summed there too
/// (`FileIDHash`), on a queue of its own so it never waits behind a page.
public final class PageMarking: @unchecked Sendable {
    /// A page's content as it was marked, and the result (nil: left unmarked, as the
    /// finisher would leave it).
    struct Page {
        var signature: Signature
        var marked: [UInt8]?

        func matches(_ content: Data) -> Bool { content.withUnsafeBytes { Signature($0) } == signature }
    }

    /// What identifies a page's content here: its length and two checksums libdeflate
    /// computes at memory speed (a hash in Swift was 3% of a 354-page run, computed twice).
    /// The content is cairo's own bytes, found again by the finisher: they differ only if the
    /// scanner misread cairo's output, which both sums and the length would have to miss.
    struct Signature: Equatable {
        var length: Int
        var crc: UInt32
        var adler: UInt32

        init(_ bytes: UnsafeRawBufferPointer) {
            length = bytes.count
            crc = libdeflate_crc32(0, bytes.baseAddress, bytes.count)
            adler = libdeflate_adler32(1, bytes.baseAddress, bytes.count)
        }
    }

    private var scanner = ContentStreamScanner()
    private let queue = DispatchQueue(label: "briefing.page-marking")
    private let lock = NSLock()
    private var pages: [Int32: Page] = [:]
    private let hashing = DispatchQueue(label: "briefing.file-hash")
    /// Touched only on `hashing`.
    private var hash = FileIDHash()

    public init() {}

    /// cairo's next bytes (on the thread cairo writes from): complete content streams go to
    /// the other core.
    func feed(_ bytes: UnsafeRawBufferPointer) {
        // A copy (cairo reuses its buffer; a memcpy is a twentieth of the summing).
        let piece = [UInt8](bytes)
        hashing.async { [self] in piece.withUnsafeBytes { hash.add($0) } }
        scanner.feed(bytes) { id, content in
            queue.async { [self] in
                let page = Page(
                    signature: content.withUnsafeBytes { Signature($0) },
                    marked: ArtifactMarker.mark(content).flatMap(ArtifactMarker.deflate))
                lock.lock()
                pages[id] = page
                lock.unlock()
            }
        }
    }

    /// Every page marked, once the work handed over has ended.
    func marked() -> [Int32: Page] {
        queue.sync {}
        lock.lock()
        defer { lock.unlock() }
        return pages
    }

    /// The file ID's hash of everything fed, if that was `count` bytes (else nil: the
    /// finisher sums the file itself).
    func fileHash(of count: Int) -> String? {
        hashing.sync { hash.count == count ? hash.hex : nil }
    }

    /// A page as if it had been marked: for tests of a mismatch.
    func record(_ id: Int32, _ page: Page) {
        queue.sync {}
        lock.lock()
        pages[id] = page
        lock.unlock()
    }
}
