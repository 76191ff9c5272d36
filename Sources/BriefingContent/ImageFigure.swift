import Foundation

/// An image a section places with `![alt](images/map.png)`: the file's bytes, checked to be
/// what its extension says, its size, and the alt text that stands for it.
public struct ImageFigure: Sendable, Hashable {
    public enum Format: String, Sendable, Hashable { case png, svg }

    /// The path as written, relative to the template folder.
    public var path: String
    public var alt: String
    /// The title written after the path (`![alt](map.png "Title")`), printed as a caption.
    public var title: String
    public var format: Format
    public var data: Data
    /// The image's own size: pixels for PNG, CSS pixels (1/96 in) for SVG.
    public var width: Double
    public var height: Double

    public init(path: String, alt: String, title: String, format: Format, data: Data, width: Double, height: Double) {
        self.path = path
        self.alt = alt
        self.title = title
        self.format = format
        self.data = data
        self.width = width
        self.height = height
    }
}
