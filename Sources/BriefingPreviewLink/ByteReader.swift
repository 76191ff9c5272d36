import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reads lines and counted bytes from a descriptor (a pipe), through a buffer of its own: a
/// frame's header is a line, its body a count of bytes that may hold anything.
public final class ByteReader {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var ended = false

    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// The next line without its line end; nil when the input ended before one began. A
    /// last line without a line end counts as a line.
    public func line() throws -> String? {
        while true {
            if let end = buffer[start...].firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[start..<end], as: UTF8.self)
                start = end + 1
                return line
            }
            guard try fill() else {
                guard start < buffer.count else { return nil }
                defer { start = buffer.count }
                return String(decoding: buffer[start...], as: UTF8.self)
            }
        }
    }

    /// Exactly `count` bytes; throws when the input ends first.
    public func bytes(_ count: Int) throws -> Data {
        while buffer.count - start < count {
            guard try fill() else { throw CutShort(wanted: count, got: buffer.count - start) }
        }
        defer { start += count }
        return Data(buffer[start..<(start + count)])
    }

    /// Reads more; false at the end of the input.
    private func fill() throws -> Bool {
        guard !ended else { return false }
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if got > 0 {
                buffer.append(contentsOf: chunk[..<got])
                return true
            }
            if got == 0 {
                ended = true
                return false
            }
            guard errno == EINTR else { throw ReadFailed(code: errno) }
        }
    }

    /// read(2) failed.
    public struct ReadFailed: Error, CustomStringConvertible {
        public var code: Int32
        public var description: String { "cannot read the preview link: \(String(cString: strerror(code)))" }
    }

    /// The input ended inside a frame.
    public struct CutShort: Error, CustomStringConvertible {
        public var wanted: Int
        public var got: Int
        public var description: String { "the input ended after \(got) of \(wanted) bytes" }
    }
}
