import BriefingHTML
import BriefingLayout
import BriefingRender

/// A chart drawn by the PDF's chart layout, written as SVG for the HTML edition: shapes as
/// paths, and every word as `<text>` placed run by run where Pango placed it in the PDF, set
/// in the page's own subset of the same bundled face. Text stays text: it is sharp at any
/// zoom, a few kilobytes instead of glyph outlines, and found by the browser's search.
///
/// The drawing is one image named by its description (`role="img"`), so a screen reader
/// reads the description once, not the labels one by one. Ids start with `prefix`, so two
/// charts on one page never share one. Written into bytes: a hatched bar is hundreds of
/// coordinates, and a string per number cost more than laying the chart out.
struct ChartSVGMarkup {
    /// The characters each face draws (the fonts the page must carry).
    private(set) var faces: [FontFace: Set<UInt32>] = [:]
    private var out: [UInt8] = []
    private var clips = 0
    private let prefix: String
    private let family: (FontFace) -> String

    /// The markup.
    var markup: String { String(decoding: out, as: UTF8.self) }

    /// - Parameter family: the CSS family a face is carried under on the page.
    init(_ page: PagedDocument, prefix: String, label: String, family: @escaping (FontFace) -> String) {
        self.prefix = prefix
        self.family = family
        out.reserveCapacity(32_768)
        put("<svg role=\"img\" aria-label=\"")
        put(HTMLEscape.attribute(label))
        put("\" focusable=\"false\" viewBox=\"0 0 ")
        number(page.pageSize.width)
        put(" ")
        number(page.pageSize.height)
        put("\">\n")
        for item in page.pages.first?.items ?? [] { draw(item, in: page) }
        put("</svg>")
    }

    private mutating func draw(_ item: FrameItem, in page: PagedDocument) {
        switch item {
        case .text(let paragraph, let lines, let origin, _):
            text(paragraph, lines: lines, origin: origin, in: page)
        case .fill(let rect, let color):
            put("<path d=\"")
            rectangle(rect)
            put("\"")
            paint("fill", color)
            put("/>\n")
        case .line(let from, let to, let color, let width):
            put("<path d=\"")
            segment(from, to)
            put("\" fill=\"none\"")
            paint("stroke", color)
            attribute("stroke-width", width)
            put("/>\n")
        case .shape(let shape, let style):
            self.shape(shape, style)
        case .anchor, .image, .beginStructure, .endStructure:
            // A chart has no images or destinations; its structure is the `role="img"`.
            break
        }
    }

    // MARK: - Text

    private mutating func text(_ paragraph: Int, lines: Range<Int>, origin: Point, in page: PagedDocument) {
        for index in lines {
            guard let line = page.placedLine(paragraph: paragraph, line: index), !line.runs.isEmpty else { continue }
            let left = origin.x + line.x, baseline = origin.y + line.baseline
            put("<text>")
            for run in line.runs where !run.text.isEmpty {
                faces[run.face, default: []].formUnion(run.text.unicodeScalars.map(\.value))
                put("<tspan")
                attribute("x", left + run.x)
                attribute("y", baseline - run.rise)
                put(" font-family=\"")
                put(family(run.face))
                put("\"")
                attribute("font-size", run.size)
                if run.face.weight != 400 { put(" font-weight=\"\(run.face.weight)\"") }
                if run.face.italic { put(" font-style=\"italic\"") }
                if run.letterSpacing != 0 { attribute("letter-spacing", run.letterSpacing) }
                if let color = run.color { paint("fill", color) }
                put(">")
                put(HTMLEscape.text(run.text))
                put("</tspan>")
            }
            put("</text>\n")
        }
    }

    // MARK: - Shapes

    /// Fill, hatching and stroke, in the PDF painter's order.
    private mutating func shape(_ shape: Shape, _ style: ShapeStyle) {
        guard let pattern = style.pattern else {
            outline(shape)
            if let fill = style.fill { paint("fill", fill) } else { put(" fill=\"none\"") }
            stroke(style)
            put("/>\n")
            return
        }
        if let fill = style.fill {
            outline(shape)
            paint("fill", fill)
            put("/>\n")
        }
        clips += 1
        put("<clipPath id=\"\(prefix)c\(clips)\">")
        outline(shape)
        put("/></clipPath><g clip-path=\"url(#\(prefix)c\(clips))\">")
        for hatching in pattern.hatching(in: shape.bounds) {
            put("<path d=\"")
            switch hatching {
            case .lines(let color, let width, let segments):
                for line in segments { segment(line.from, line.to) }
                put("\" fill=\"none\"")
                paint("stroke", color)
                attribute("stroke-width", width)
            case .dots(let color, let radius, let centres):
                for centre in centres { circle(centre, radius) }
                put("\"")
                paint("fill", color)
            }
            put("/>")
        }
        put("</g>\n")
        if style.stroke != nil {
            outline(shape)
            put(" fill=\"none\"")
            stroke(style)
            put("/>\n")
        }
    }

    /// `<path d="…"` (open: the caller adds the paint and closes it).
    private mutating func outline(_ shape: Shape) {
        put("<path d=\"")
        switch shape {
        case .rect(let rect): rectangle(rect)
        case .circle(let centre, let radius): circle(centre, radius)
        case .polygon(let points), .polyline(let points):
            for (index, point) in points.enumerated() {
                put(index == 0 ? "M" : "L")
                number(point.x)
                put(" ")
                number(point.y)
            }
            if case .polygon = shape, !points.isEmpty { put("Z") }
        }
        put("\"")
    }

    private mutating func stroke(_ style: ShapeStyle) {
        guard let color = style.stroke else { return }
        paint("stroke", color)
        attribute("stroke-width", style.lineWidth)
        guard !style.dash.isEmpty else { return }
        put(" stroke-dasharray=\"")
        for (index, length) in style.dash.enumerated() {
            if index > 0 { put(" ") }
            number(length)
        }
        put("\"")
    }

    private mutating func rectangle(_ rect: Rect) {
        put("M")
        number(rect.x)
        put(" ")
        number(rect.y)
        put("h")
        number(rect.width)
        put("v")
        number(rect.height)
        put("h")
        number(-rect.width)
        put("Z")
    }

    private mutating func segment(_ from: Point, _ to: Point) {
        put("M")
        number(from.x)
        put(" ")
        number(from.y)
        put("L")
        number(to.x)
        put(" ")
        number(to.y)
    }

    /// A full circle as two arcs (a path has no circle command).
    private mutating func circle(_ centre: Point, _ radius: Double) {
        put("M")
        number(centre.x - radius)
        put(" ")
        number(centre.y)
        for sign in ["", "-"] {
            put("a")
            number(radius)
            put(" ")
            number(radius)
            put(" 0 1 0 \(sign)")
            number(2 * radius)
            put(" 0")
        }
        put("Z")
    }

    // MARK: - Bytes

    private mutating func put(_ text: String) { out.append(contentsOf: text.utf8) }

    /// ` name="12.5"`.
    private mutating func attribute(_ name: String, _ value: Double) {
        put(" \(name)=\"")
        number(value)
        put("\"")
    }

    /// ` fill="#1f3a5f"`, with its opacity when not opaque.
    private mutating func paint(_ attribute: String, _ color: Color) {
        let digits = Array("0123456789abcdef".utf8)
        put(" \(attribute)=\"#")
        for channel in [color.red, color.green, color.blue] {
            let byte = Int((min(max(channel, 0), 1) * 255).rounded())
            out.append(digits[byte >> 4])
            out.append(digits[byte & 15])
        }
        put("\"")
        if color.alpha < 1 { self.attribute("\(attribute)-opacity", color.alpha) }
    }

    /// A coordinate to two decimals, without trailing zeros: "12.5", "-3", "0.45".
    private mutating func number(_ value: Double) {
        let hundredths = Int((value * 100).rounded())
        if hundredths < 0 { out.append(UInt8(ascii: "-")) }
        let magnitude = hundredths.magnitude
        digits(magnitude / 100)
        let fraction = magnitude % 100
        guard fraction != 0 else { return }
        out.append(UInt8(ascii: "."))
        out.append(UInt8(ascii: "0") + UInt8(fraction / 10))
        if fraction % 10 != 0 { out.append(UInt8(ascii: "0") + UInt8(fraction % 10)) }
    }

    private mutating func digits(_ value: UInt) {
        if value >= 10 { digits(value / 10) }
        out.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
