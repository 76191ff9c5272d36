import BriefingContent
import BriefingModel
import Foundation

/// Reads an image a section places, from inside the template folder, and checks it before
/// anything is drawn: PNG or SVG by its extension, and its bytes must be what the extension
/// says; within the size limits; with its own size read from the file (PNG's header, the SVG
/// root's width, height or viewBox).
enum ImageLoader {
    /// The largest image file accepted.
    static let maximumBytes = 8 * 1024 * 1024
    /// The most pixels on a side of a PNG (decoded, a 10,000 px square takes 400 MB).
    static let maximumPixels = 8_000

    static func load(_ path: String, alt: String, template: Template, at location: SourceLocation) throws -> ImageFigure {
        // `![alt]({{ref.section.ai}})` arrives as a placeholder's token: said in the author's words.
        guard !path.contains(InlineToken.open) else {
            throw InputError(
                kind: .invalidData, location, "an image's path is a placeholder: an image is a file of the template folder",
                hint: "write the file's path, e.g. ![alt](images/map.png), or a chart as ![title](chart:ID)")
        }
        let format: ImageFigure.Format
        switch (path as NSString).pathExtension.lowercased() {
        case "png": format = .png
        case "svg": format = .svg
        default:
            throw InputError(
                kind: .invalidData, location, "'\(path)' is not a PNG or SVG image",
                hint: "images are .png or .svg files in the template folder")
        }
        let file = try template.file(path, at: location)
        let data: Data
        do {
            data = try template.files.data(file.url, displayName: file.displayName, limit: maximumBytes)
        } catch let error as InputError {
            // Name the section line that places the image, and what went wrong with the file.
            throw InputError(kind: error.kind, location, "image '\(path)': \(error.diagnostics.first?.message ?? "cannot be read")")
        }
        let size = try format == .png ? pngSize(data, path, location) : svgSize(data, path, location)
        return ImageFigure(path: path, alt: alt, title: "", format: format, data: data, width: size.width, height: size.height)
    }

    /// Width and height from the IHDR chunk that must open every PNG.
    private static func pngSize(_ data: Data, _ path: String, _ location: SourceLocation) throws -> (width: Double, height: Double) {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, Array(bytes[0..<8]) == signature, Array(bytes[12..<16]) == Array("IHDR".utf8) else {
            throw InputError(kind: .invalidData, location, "'\(path)' is not a PNG file", hint: "its bytes do not start as a PNG's do")
        }
        func int(_ offset: Int) -> Int { bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) } }
        let width = int(16), height = int(20)
        guard width > 0, height > 0, width <= maximumPixels, height <= maximumPixels else {
            throw InputError(
                kind: .invalidData, location, "'\(path)' is \(width) × \(height) pixels; the limit is \(maximumPixels) on a side",
                hint: "scale the image down")
        }
        return (Double(width), Double(height))
    }

    /// The root element's size: `width` and `height` in px (or unitless), else the viewBox.
    private static func svgSize(_ data: Data, _ path: String, _ location: SourceLocation) throws -> (width: Double, height: Double) {
        guard let text = String(data: data, encoding: .utf8), let open = text.range(of: "<svg"),
            !text[..<open.lowerBound].contains("<html"),
            let close = text[open.upperBound...].firstIndex(of: ">")
        else {
            throw InputError(
                kind: .invalidData, location, "'\(path)' is not an SVG file", hint: "an SVG file is XML with an <svg> root element")
        }
        let tag = String(text[open.upperBound..<close])
        func attribute(_ name: String) -> String? {
            guard let start = tag.range(of: " \(name)=\"") ?? tag.range(of: "\n\(name)=\"") ?? tag.range(of: "\t\(name)=\"") else {
                return nil
            }
            guard let end = tag[start.upperBound...].firstIndex(of: "\"") else { return nil }
            return String(tag[start.upperBound..<end])
        }
        func length(_ text: String?) -> Double? {
            guard var text = text?.trimmingCharacters(in: .whitespaces) else { return nil }
            if text.hasSuffix("px") { text.removeLast(2) }
            guard let value = Double(text), value > 0, value.isFinite else { return nil }
            return value
        }
        if let width = length(attribute("width")), let height = length(attribute("height")) { return (width, height) }
        let box = attribute("viewBox")?.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) } ?? []
        if box.count == 4, box[2] > 0, box[3] > 0 { return (box[2], box[3]) }
        throw InputError(
            kind: .invalidData, location, "'\(path)' has no size",
            hint: "give its <svg> element width and height in px, or a viewBox")
    }
}
