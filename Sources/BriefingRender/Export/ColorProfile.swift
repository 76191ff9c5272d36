import Foundation

/// The sRGB ICC profile a PDF/A file names as its output intent. It is read from the system
/// (Debian's `icc-profiles-free`, or colord's copy), not bundled: the profile is a package's
/// file, kept current by the package manager.
public enum ColorProfile {
    static let candidates = [
        "/usr/share/color/icc/sRGB.icc",
        "/usr/share/color/icc/colord/sRGB.icc",
        "/usr/share/color/icc/ghostscript/srgb.icc",
    ]

    public struct Missing: Error, CustomStringConvertible {
        public var description: String {
            "PDF/A needs an sRGB ICC profile and none was found (looked for \(ColorProfile.candidates.joined(separator: ", "))); "
                + "install it with: apt-get install icc-profiles-free"
        }
    }

    /// The profile's bytes, read once per process; the first readable candidate that is an
    /// RGB display profile.
    static func sRGB() throws -> Data {
        guard let profile = found?.data else { throw Missing() }
        return profile
    }

    /// Where the profile was found, for `doctor`.
    public static var location: String? { found?.path }

    private static let found: (path: String, data: Data)? = {
        for path in candidates {
            guard let data = FileManager.default.contents(atPath: path), isRGBDisplayProfile(data) else { continue }
            return (path, data)
        }
        return nil
    }()

    /// An ICC header says `acsp` at byte 36, the device class `mntr` at 12 and the colour
    /// space `RGB ` at 16.
    static func isRGBDisplayProfile(_ data: Data) -> Bool {
        guard data.count > 132 else { return false }
        func tag(_ offset: Int) -> String {
            String(decoding: data[(data.startIndex + offset)..<(data.startIndex + offset + 4)], as: UTF8.self)
        }
        return tag(36) == "acsp" && tag(12) == "mntr" && tag(16) == "RGB "
    }
}
