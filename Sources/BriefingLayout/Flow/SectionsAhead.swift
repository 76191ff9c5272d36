import BriefingContent
import BriefingModel
import Foundation

/// The main thread's side of `SectionsAhead`: called as the flow reaches each block.
protocol MeasuringAhead: AnyObject {
    /// Before the main thread lays out block `block` of part `part` (a section's index, the
    /// heading counting with block 0; the Sources list is the part after the last section):
    /// takes what the helper measured, and stops the helper once the main thread has caught
    /// up with it.
    func reach(part: Int, block: Int)
    /// Stops the helper, waits for its thread to end and takes the rest: the helper's shaped
    /// text may be drawn from then on.
    func finish()
}

/// Measures a document's last parts on a second thread while the main thread lays out from
/// the first: the helper takes the Sources list, then the sections from the last, each block
/// by block, handing over what it measured after each block; the main thread takes it as it
/// goes and stops the helper where they meet. Only the measuring is shared: the helper's flow
/// elements are thrown away and the main thread builds every element itself, finding its
/// paragraphs measured, so the pages are those one thread makes.
final class SectionsAhead<Measurer: ConcurrentMeasuring>: MeasuringAhead, @unchecked Sendable {
    /// A block of a part; the heading counts with block 0.
    private struct Position: Equatable {
        var part: Int
        var block: Int
    }

    private let owner: Measurer
    /// Used by the helper's thread alone until it ends, then kept here, so that what it
    /// measured is released on the main thread, never while pages are drawn.
    private let helper: Measurer
    private let condition = NSCondition()
    /// Handovers the main thread has not taken yet.
    private var handed: [Measurer.Handover] = []
    /// The block the helper is measuring, or measures next; nil once it has ended.
    private var at: Position?
    private var stopped = false
    private var ended = false

    /// Starts the helper, or nil when the document has a single part or the measurer cannot
    /// make a helper.
    init?(document: Document, owner: Measurer, makeBuilder: (ParagraphStore) -> FlowBuilder) {
        let parts = document.sections.count + 1
        guard parts - (document.sources.isEmpty ? 1 : 0) >= 2, Self.worthAHelper(document), let helper = owner.makeHelper()
        else { return nil }
        self.owner = owner
        self.helper = helper
        let builder = Builder(makeBuilder(ParagraphStore(measurer: helper)))
        let thread = Thread { [self] in measure(document, with: builder) }
        // Deep block nesting recurses through the builder, as on the main thread.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The helper's builder, handed to its thread.
    private final class Builder: @unchecked Sendable {
        var flow: FlowBuilder
        init(_ flow: FlowBuilder) { self.flow = flow }
    }

    /// How much text (UTF-8 bytes of the paragraphs it measures) the helper measures at most,
    /// about twice a ten-page briefing's. Its layouts are made in its own thread's memory,
    /// which the main thread does not reuse once the pages that hold them are drawn: a helper
    /// that measured half of a 350-page document added 5 to 7 MiB to the peak. Past this the
    /// main thread measures alone; for a document that long, drawing is most of the run.
    static var textBudget: Int { 48 * 1024 }

    /// Whether a helper pays for itself: a short document, whose layout is a large share of its
    /// run. A helper's font map holds HarfBuzz faces of its own (about 5 MiB more at the peak
    /// of a 350-page document), and it measures at most `textBudget` of text anyway; past
    /// twice that, drawing the pages is most of the run and the helper is left out.
    static func worthAHelper(_ document: Document) -> Bool {
        var size = document.sources.reduce(0) { $0 + $1.text.utf8.count }
        for section in document.sections {
            size += textSize(section.blocks)
            if size > 2 * textBudget { return false }
        }
        return size <= 2 * textBudget
    }

    /// The text of these blocks in UTF-8 bytes, near enough to size a document: charts and
    /// images count nothing.
    static func textSize(_ blocks: [Block]) -> Int {
        blocks.reduce(0) { total, block in
            switch block {
            case .heading(_, let inlines), .paragraph(let inlines): total + inlines.plainText.utf8.count
            case .bulletList(let items), .orderedList(_, let items): total + items.reduce(0) { $0 + textSize($1) }
            case .callout(let inner): total + textSize(inner)
            case .table(let table):
                total + (table.rows + [table.header]).joined().reduce(0) { $0 + $1.plainText.utf8.count }
            case .notes(let notes): total + notes.reduce(0) { $0 + textSize($1.blocks) }
            case .thematicBreak, .chart, .image, .pageBreak: total
            }
        }
    }

    /// The helper's thread. Part 0 is left to the main thread, which starts there.
    private func measure(_ document: Document, with builder: Builder) {
        let sections = document.sections
        var measuredText = 0, counted = 0
        parts: for part in stride(from: sections.count, through: 1, by: -1) {
            let isSources = part == sections.count
            if isSources, document.sources.isEmpty { continue }
            let blocks = isSources ? 1 : max(1, sections[part].blocks.count)
            for block in 0..<blocks {
                condition.lock()
                let stop = stopped
                at = Position(part: part, block: block)
                condition.unlock()
                if stop { break parts }
                if isSources {
                    builder.flow.addSectionHeading(number: nil, title: builder.flow.labels[.sources], anchor: Anchor.sources)
                    builder.flow.addSources(document.sources)
                } else {
                    let section = sections[part]
                    let anchor = Anchor.section(section.id)
                    if block == 0 {
                        builder.flow.addSectionHeading(number: section.number, title: section.title, anchor: anchor)
                        builder.flow.styler.noteScope = anchor
                    }
                    if block < section.blocks.count { builder.flow.add(section.blocks[block], at: block, anchorPrefix: anchor) }
                }
                builder.flow.elements.removeAll()
                let handover = helper.handOver()
                condition.lock()
                handed.append(handover)
                // Past this block: the main thread arriving here finds it measured.
                at = Position(part: part, block: block + 1)
                condition.broadcast()
                condition.unlock()
                let paragraphs = builder.flow.store.paragraphs
                measuredText += paragraphs[counted...].reduce(0) { total, paragraph in paragraph.runs.reduce(total) { $0 + $1.text.utf8.count } }
                counted = paragraphs.count
                if measuredText >= Self.textBudget { break parts }
            }
        }
        condition.lock()
        ended = true
        at = nil
        condition.broadcast()
        condition.unlock()
    }

    func reach(part: Int, block: Int) {
        condition.lock()
        if !stopped, let at {
            if at == Position(part: part, block: block) {
                // The helper is measuring this very block and started it first: wait for it,
                // then go on alone (what follows, the helper has not measured either).
                stopped = true
                while self.at == at, !ended { condition.wait() }
            } else if at.part < part || (at.part == part && at.block < block) {
                stopped = true
            }
        }
        let taken = handed
        handed = []
        condition.unlock()
        taken.forEach(owner.adopt)
    }

    func finish() {
        condition.lock()
        stopped = true
        while !ended { condition.wait() }
        let taken = handed
        handed = []
        condition.unlock()
        taken.forEach(owner.adopt)
    }
}

/// Starts measuring the last parts of `document` ahead, if `measurer` can make a helper.
func measuringAhead(
    _ measurer: any TextMeasurer, document: Document, makeBuilder: (ParagraphStore) -> FlowBuilder
) -> (any MeasuringAhead)? {
    guard let concurrent = measurer as? any ConcurrentMeasuring else { return nil }
    return startAhead(concurrent, document: document, makeBuilder: makeBuilder)
}

private func startAhead<Measurer: ConcurrentMeasuring>(
    _ measurer: Measurer, document: Document, makeBuilder: (ParagraphStore) -> FlowBuilder
) -> (any MeasuringAhead)? {
    SectionsAhead(document: document, owner: measurer, makeBuilder: makeBuilder)
}
