import Foundation

/// Writes every byte of `data` to an open descriptor, retrying short writes and EINTR: the
/// one write loop behind atomic publishing, streamed output and the finisher's assembly. Returns nil, or the errno of
/// the write that failed (ENOSPC for a full disk or device, EFBIG past a size limit, EPIPE
/// for a reader that went away), for the caller to word.
public func writeAll(_ data: Data, to descriptor: Int32) -> Int32? {
    data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Int32? in
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return errno }
            offset += written
        }
        return nil
    }
}
