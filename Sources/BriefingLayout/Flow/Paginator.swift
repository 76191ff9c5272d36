/// Splits the body flow into pages: keeps headings with what follows, avoids single orphan
/// and widow lines, shades callout boxes on each page they touch, and records anchors and
/// the outline.
struct Paginator {
    /// Where the flow goes on its first page.
    let firstFrame: Rect
    /// Where it goes on every later page: the cover's key judgements start below the title
    /// band, but their continuation starts at the top of the page.
    let laterFrame: Rect
    /// The frame of the page being filled.
    var frame: Rect { pages.count == 1 ? firstFrame : laterFrame }
    var pages: [[FrameItem]] = [[]]
    var outline: [PagedDocument.OutlineEntry] = []
    /// The index the first page of this paginator will have in the document.
    let firstPageIndex: Int
    private var y: Double
    private var boxExtents: [BoxKey: (top: Double, bottom: Double)] = [:]
    private var boxOrder: [BoxKey] = []
    private let boxColor: Color
    /// Figures waiting for the top of the next page.
    private var pendingFloats: [[FlowElement]] = []
    private var placingFloats = false
    /// Structure elements open (a list, a table): a figure placed now would become their
    /// child, so waiting figures are held until a page begins outside them.
    private var openStructures = 0

    static let minimumLines = 2

    private struct BoxKey: Hashable {
        var box: Int
        var page: Int
    }

    init(frame: Rect, later laterFrame: Rect? = nil, firstPageIndex: Int, boxColor: Color) {
        firstFrame = frame
        self.laterFrame = laterFrame ?? frame
        self.firstPageIndex = firstPageIndex
        self.boxColor = boxColor
        y = frame.y
    }

    private var atTop: Bool { y <= frame.y + 0.001 }

    private mutating func newPage() {
        pages.append([])
        y = frame.y
        // Deferred figures go first on the new page.
        guard !placingFloats, !pendingFloats.isEmpty, openStructures == 0 else { return }
        placingFloats = true
        let floats = pendingFloats
        pendingFloats = []
        for group in floats { placeSequence(group) }
        placingFloats = false
    }

    /// Figures held while a list or table was open go where it ends, those that fit there
    /// in order; the rest wait for the next page.
    private mutating func placeHeldFloats() {
        guard !placingFloats else { return }
        placingFloats = true
        defer { placingFloats = false }
        while let group = pendingFloats.first {
            let height = group.reduce(0) { $0 + fullHeight($1) + $1.spaceAfter }
            guard atTop || y + height <= frame.maxY else { break }
            pendingFloats.removeFirst()
            placeSequence(group)
        }
    }

    /// Structure elements begun with nothing drawn in them yet. Each is written where its first
    /// item is drawn, so one begun at the foot of a page whose content moved to the next
    /// starts there: cairo 1.16 gave such an element empty marked content on the first page
    /// and left it out of the element's kids, a parent-tree entry no reader could follow.
    private var pendingBegins: [StructureRole] = []

    private mutating func emit(_ item: FrameItem) {
        switch item {
        case .beginStructure(let role):
            pendingBegins.append(role)
            return
        case .anchor:
            // A destination is no content: it stays where it is.
            break
        default:
            for role in pendingBegins { pages[pages.count - 1].append(.beginStructure(role)) }
            pendingBegins.removeAll()
        }
        pages[pages.count - 1].append(item)
    }

    private mutating func extendBox(_ box: Int?, top: Double, bottom: Double) {
        guard let box else { return }
        let key = BoxKey(box: box, page: pages.count - 1)
        if let extent = boxExtents[key] {
            boxExtents[key] = (min(extent.top, top), max(extent.bottom, bottom))
        } else {
            boxExtents[key] = (top, bottom)
            boxOrder.append(key)
        }
    }

    /// The least of an element that may stand at the foot of a page: a paragraph too short to
    /// split without an orphan or a widow goes whole, a longer one needs its first lines.
    private func minimumHeight(_ element: FlowElement) -> Double {
        switch element.kind {
        case .paragraph(_, let measured):
            let count = measured.lines.count
            let lines = count < 2 * Self.minimumLines ? count : Self.minimumLines
            return element.spaceBefore + measured.height(of: 0..<lines)
        case .space(let height): return height
        case .rule(_, let thickness): return element.spaceBefore + thickness
        case .drawing(_, let height, _): return element.spaceBefore + height
        case .tableRow(let row): return element.spaceBefore + row.height
        case .structure: return 0
        }
    }

    /// Height of the whole element, without the space after it.
    private func fullHeight(_ element: FlowElement) -> Double {
        switch element.kind {
        case .paragraph(_, let measured): element.spaceBefore + measured.height
        case .space(let height): height
        case .rule(_, let thickness): element.spaceBefore + thickness
        case .drawing(_, let height, _): element.spaceBefore + height
        case .tableRow(let row): element.spaceBefore + row.height
        case .structure: 0
        }
    }

    mutating func place(_ elements: [FlowElement]) {
        var index = 0
        while index < elements.count {
            if elements[index].flushesFloats, !pendingFloats.isEmpty { newPage() }
            guard let group = elements[index].floatGroup else {
                placeSequence(elements, from: index, to: index + 1)
                index += 1
                continue
            }
            var end = index
            while end < elements.count, elements[end].floatGroup == group { end += 1 }
            let members = Array(elements[index..<end])
            let height = members.reduce(0) { $0 + fullHeight($1) + $1.spaceAfter }
            if atTop || y + height <= frame.maxY || height > frame.height {
                placeSequence(members)
            } else {
                pendingFloats.append(members)
            }
            index = end
        }
        if !pendingFloats.isEmpty { newPage() }
        for key in boxOrder {
            guard let extent = boxExtents[key] else { continue }
            let rect = Rect(x: frame.x, y: extent.top, width: frame.width, height: extent.bottom - extent.top)
            pages[key.page].insert(.fill(rect, boxColor), at: 0)
        }
    }

    private mutating func placeSequence(_ elements: [FlowElement]) {
        placeSequence(elements, from: 0, to: elements.count)
    }

    /// Places `elements[start..<end]`, looking ahead through the whole array for keep-with-next.
    private mutating func placeSequence(_ elements: [FlowElement], from start: Int, to end: Int) {
        for offset in start..<end {
            let element = elements[offset]
            // What must fit below this element before the page may end.
            var required = minimumHeight(element)
            var next = offset + 1
            var keep = element.keepWithNext
            var previous = element
            while keep, next < elements.count {
                required += fullHeight(previous) - minimumHeight(previous) + previous.spaceAfter + minimumHeight(elements[next])
                previous = elements[next]
                // A space or a structure marker (a callout's padding, a list's start) passes the
                // keep on: a heading keeps with the first line of the box or list after it.
                keep = previous.keepWithNext || (isSpace(previous) && !previous.breaksPage)
                next += 1
            }
            if element.breaksPage {
                if !atTop { newPage() }
                continue
            }
            if !atTop, y + required > frame.maxY, !isSpace(element) { newPage() }
            place(element)
        }
    }

    private func isSpace(_ element: FlowElement) -> Bool {
        switch element.kind {
        case .space, .structure: true
        default: false
        }
    }

    private mutating func place(_ element: FlowElement) {
        switch element.kind {
        case .space(let height):
            if atTop && element.box == nil { return }
            let top = y
            y = min(y + height, frame.maxY)
            extendBox(element.box, top: top, bottom: y)
        case .rule(let color, let thickness):
            y += atTop ? 0 : element.spaceBefore
            emit(
                .line(
                    from: Point(x: frame.x + element.x, y: y + thickness / 2),
                    to: Point(x: frame.x + element.x + element.width, y: y + thickness / 2), color: color, width: thickness))
            y += thickness + element.spaceAfter
        case .paragraph(let index, let measured):
            placeParagraph(element, index: index, measured: measured)
        case .drawing(let items, let height, let alt):
            y += atTop ? 0 : element.spaceBefore
            if y + height > frame.maxY, !atTop { newPage() }
            if let anchor = element.anchor { emit(.anchor(name: anchor, at: Point(x: frame.x, y: y))) }
            emit(.beginStructure(.figure(alt: alt)))
            for item in items { emit(item.offsetBy(dx: frame.x + element.x, dy: y)) }
            emit(.endStructure(.figure(alt: alt)))
            y += height + element.spaceAfter
        case .tableRow(let row):
            y += atTop ? 0 : element.spaceBefore
            if y + row.height > frame.maxY, !atTop { newPage() }
            // A table continuing on a new page repeats its header row there, untagged: the
            // structure tree holds the header once.
            if atTop, let header = element.repeatedHeader { placeRow(header, x: element.x, tagged: false) }
            placeRow(row, x: element.x, tagged: true)
            y += element.spaceAfter
        case .structure(let role, let begin):
            openStructures += begin ? 1 : -1
            emit(begin ? .beginStructure(role) : .endStructure(role))
            if openStructures == 0 { placeHeldFloats() }
        }
    }

    /// A table row at the current position: cells (tagged TH or TD by their paragraphs'
    /// roles, inside a TR) and the rule under a header.
    private mutating func placeRow(_ row: FlowElement.TableRow, x: Double, tagged: Bool) {
        if tagged { emit(.beginStructure(.tableRow)) }
        for cell in row.cells {
            let origin = Point(x: frame.x + x + cell.x, y: y - (cell.measured.lines.first?.top ?? 0))
            emit(.text(paragraph: cell.index, lines: 0..<cell.measured.lines.count, origin: origin, width: cell.width))
        }
        if tagged { emit(.endStructure(.tableRow)) }
        y += row.height
        if let color = row.ruleBelow {
            emit(
                .line(from: Point(x: frame.x + x, y: y - 1.5), to: Point(x: frame.x + x + row.width, y: y - 1.5), color: color, width: 0.6))
        }
    }

    private mutating func placeParagraph(_ element: FlowElement, index: Int, measured: MeasuredParagraph) {
        let lines = measured.lines
        var before = atTop ? 0 : element.spaceBefore
        var start = 0
        if let anchor = element.anchor {
            emit(.anchor(name: anchor, at: Point(x: frame.x, y: max(frame.y, y))))
        }
        if let outline = element.outline, let anchor = element.anchor {
            self.outline.append(
                .init(
                    title: outline.title, level: outline.level, destination: anchor,
                    page: firstPageIndex + pages.count - 1))
        }
        while start < lines.count {
            var fit = 0
            while start + fit < lines.count,
                y + before + measured.height(of: start..<(start + fit + 1)) <= frame.maxY + 0.01
            {
                fit += 1
            }
            let remaining = lines.count - start
            if fit < remaining {
                // Widows: carry at least two lines to the next page.
                if remaining - fit < Self.minimumLines { fit = max(0, remaining - Self.minimumLines) }
                // Orphans: do not start a paragraph with a lone line at the foot of a page.
                if start == 0 && fit < Self.minimumLines { fit = 0 }
            }
            if fit == 0 {
                if atTop {
                    fit = max(1, min(remaining, Self.fitting(measured, from: start, height: frame.height)))
                } else {
                    newPage()
                    before = 0
                    continue
                }
            }
            let range = start..<(start + fit)
            let origin = Point(x: frame.x + element.x, y: y + before - lines[start].top)
            if start == 0, let bullet = element.bullet, let bulletLine = bullet.measured.lines.first {
                let bulletOrigin = Point(x: frame.x + bullet.x, y: origin.y + lines[0].baseline - bulletLine.baseline)
                emit(.text(paragraph: bullet.index, lines: 0..<1, origin: bulletOrigin, width: element.x - bullet.x))
            }
            if start == 0, let role = element.opensAfterBullet {
                openStructures += 1
                emit(.beginStructure(role))
            }
            emit(.text(paragraph: index, lines: range, origin: origin, width: element.width))
            if start == 0, let trailer = element.trailer, let trailerLine = trailer.measured.lines.first {
                let trailerOrigin = Point(x: frame.x + element.x + element.width, y: origin.y + lines[0].baseline - trailerLine.baseline)
                emit(.text(paragraph: trailer.index, lines: 0..<1, origin: trailerOrigin, width: trailer.width))
            }
            let top = y
            y += before + measured.height(of: range)
            extendBox(element.box, top: top, bottom: y)
            start += fit
            before = 0
            if start < lines.count { newPage() }
        }
        y += element.spaceAfter
        extendBox(element.box, top: y - element.spaceAfter, bottom: y)
    }

    /// How many lines from `start` fit in `height` (at least one, so a giant line cannot loop).
    private static func fitting(_ measured: MeasuredParagraph, from start: Int, height: Double) -> Int {
        var count = 0
        while start + count < measured.lines.count, measured.height(of: start..<(start + count + 1)) <= height { count += 1 }
        return count
    }
}
