import BriefingRender
import Foundation

/// What `doctor` asks of the renderer, through the pipeline (the command line imports no
/// stage below it): whether the bundled fonts load, whether SVG images can be drawn, and
/// where the sRGB profile PDF/A needs is.
public enum FontCheck {
    public static func families(in folder: URL) throws -> [String] {
        _ = try FontSetup(fontsDirectory: folder)
        return [FontSetup.serifFamily, FontSetup.sansFamily]
    }

    /// librsvg can be opened (it is loaded when the first SVG image is drawn).
    public static var svgAvailable: Bool { ImageCheck.svgAvailable }

    /// libqpdf can be opened (every PDF is completed with it; it is opened, not linked).
    public static var qpdfAvailable: Bool { PDFFinisher.libraryAvailable }

    /// The sRGB ICC profile a PDF/A-2b file names as its output intent, if installed.
    public static var colorProfile: String? { ColorProfile.location }
}

/// The PDF's conformance (`--pdf-standard`), as the pipeline takes it.
public typealias PDFStandard = PDFFinisher.Standard
