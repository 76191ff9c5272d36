import CCairoPango
import Foundation

/// Collects what a cairo surface writes, so exporters return bytes and the caller decides
/// where they go (an atomically published file, standard output, a mail attachment).
final class ByteSink {
    private(set) var data = Data()

    /// The write function cairo calls, with the sink passed as its closure pointer.
    static let write: cairo_write_func_t = { closure, bytes, length in
        guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
        Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
        return CAIRO_STATUS_SUCCESS
    }

    /// The pointer to hand cairo; valid while the sink is alive.
    var closure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}
