import BriefingRender
import Foundation

/// Whether the bundled fonts load, for `doctor`: the families a briefing is set in.
public enum FontCheck {
    public static func families(in folder: URL) throws -> [String] {
        _ = try FontSetup(fontsDirectory: folder)
        return [FontSetup.serifFamily, FontSetup.sansFamily]
    }
}
