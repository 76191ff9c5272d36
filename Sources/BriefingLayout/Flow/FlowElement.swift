/// One vertical piece of the body flow, before it is split into pages.
struct FlowElement {
    enum Kind {
        case paragraph(index: Int, measured: MeasuredParagraph)
        case space(Double)
        case rule(Color, thickness: Double)
        /// A chart: items laid out at the origin, placed whole.
        case drawing([FrameItem], height: Double, alt: String)
        /// A table row: its cells side by side, placed whole.
        case tableRow(TableRow)
        /// Opens or closes a structure element around the elements between (a table).
        case structure(StructureRole, begin: Bool)
    }

    /// One row of a table: each cell's paragraph at its offset from the element's x.
    struct TableRow {
        var cells: [(index: Int, measured: MeasuredParagraph, x: Double, width: Double)]
        var height: Double
        var isHeader: Bool
        /// Rules drawn under the row (header) or not (body rows are separated by space).
        var ruleBelow: Color?
        var width: Double
    }

    var kind: Kind
    /// Left offset from the frame's left edge, and the width the paragraph was measured at.
    var x: Double = 0
    var width: Double = 0
    var spaceBefore: Double = 0
    var spaceAfter: Double = 0
    /// Do not end a page after this element (headings, a rule above a heading).
    var keepWithNext = false
    /// A bullet or number drawn left of the first line, baseline-aligned with it. It is drawn
    /// before the text, so a label tagged Lbl precedes its body in the structure tree.
    var bullet: (index: Int, measured: MeasuredParagraph, x: Double)?
    /// A structure element opened after the bullet and before the text (a list item's LBody,
    /// which may span several elements); a later `.structure(role, begin: false)` closes it.
    var opensAfterBullet: StructureRole?
    /// Text right-aligned on the first line's baseline (a contents entry's page number).
    var trailer: (index: Int, measured: MeasuredParagraph, width: Double)?
    /// Named destination placed at the element's top (headings, source entries).
    var anchor: String?
    var outline: (title: String, level: Int)?
    /// Callout box this element belongs to; boxes are shaded behind their elements.
    var box: Int?
    /// Figure group: consecutive elements with the same id are placed together, and when they
    /// do not fit they float to the top of the next page while the text flows on.
    var floatGroup: Int?
    /// For a table's body rows: the header row, repeated at the top of each page the table
    /// continues on.
    var repeatedHeader: TableRow?
    /// Figures still waiting for the next page are placed before this element (a section's
    /// start), so a figure never floats past the end of its section.
    var flushesFloats = false
    /// The author's page break: what follows starts a new page (unless the page is empty).
    var breaksPage = false

    static func pageBreak(box: Int? = nil) -> FlowElement {
        var element = FlowElement(kind: .space(0), box: box)
        element.breaksPage = true
        return element
    }

    static func space(_ height: Double, box: Int? = nil) -> FlowElement {
        FlowElement(kind: .space(height), box: box)
    }

    /// Opens a structure element. It keeps with what follows, so a heading before a list or a
    /// table still keeps with the list's first line.
    static func begin(_ role: StructureRole, x: Double = 0, box: Int? = nil) -> FlowElement {
        FlowElement(kind: .structure(role, begin: true), x: x, keepWithNext: true, box: box)
    }

    static func end(_ role: StructureRole, x: Double = 0, box: Int? = nil) -> FlowElement {
        FlowElement(kind: .structure(role, begin: false), x: x, box: box)
    }

    /// Content, as opposed to a structure marker.
    var isContent: Bool {
        if case .structure = kind { return false }
        return true
    }
}
