import BriefingContent
import BriefingModel
import TestSupport
import Testing

@testable import BriefingLayout

/// Sparse timelines label every event: the placer gives up a label only when the chart
/// cannot hold it, which at the briefing's width never happens below a couple of dozen events.
@Suite struct TimelineLabellingTests {
    /// The text width of the default briefing's pages, where its timeline is drawn.
    let width = 455.0

    private func draw(_ events: [Event]) -> ChartDrawing {
        ChartLayout.drawing(ChartFixtures.figure(.timeline(events), kind: .timeline), width: width, measurer: FakeMeasurer()).drawing
    }

    @Test(arguments: 1...25)
    func randomTimelinesLabelEveryEvent(count: Int) {
        for seed in UInt64(1)...60 {
            let events = ChartFixtures.events(count, seed: seed &* 7_919 &+ UInt64(count))
            let drawing = draw(events)
            #expect(drawing.unlabelled.isEmpty, "seed \(seed): \(drawing.unlabelled.count) of \(count) events unlabelled")
            ChartCollisions.expectNone(drawing, width: width)
        }
    }
}

/// The sparse cases a new user met: a few events with one far in the past, fifteen events of
/// a chip-supply briefing, and two events on one date.
@Suite struct SparseTimelineTests {
    let width = 455.0

    private func event(_ id: String, _ date: String, _ title: String, domain: Domain = ChartFixtures.domain("trade")) -> Event {
        Event(
            id: id, title: title, when: .point(try! FuzzyDate.parse(date)), domain: domain, attribution: ChartFixtures.attribution(),
            location: ChartFixtures.location)
    }

    private func draw(_ events: [Event], axis: ClosedRange<Double>? = nil) -> ChartDrawing {
        let drawing = ChartLayout.drawing(
            ChartFixtures.figure(.timeline(events, axis: axis), kind: .timeline), width: width, measurer: FakeMeasurer()
        ).drawing
        ChartCollisions.expectNone(drawing, width: width)
        return drawing
    }

    static let chipEvents: [(String, String)] = [
        ("1987", "TSMC founded in Hsinchu"), ("2019-07", "Japan restricts exports of three chip materials to Korea"),
        ("2020-05", "TSMC announces a fab in Arizona"), ("2020-09", "US export rules cut Huawei off from foundries"),
        ("2021-04", "Intel launches its foundry services unit"), ("2021-11", "TSMC and Sony agree a fab in Kumamoto"),
        ("2022-02", "European Chips Act proposed"), ("2022-08", "CHIPS and Science Act signed"),
        ("2022-10", "US controls on advanced computing chips to China"), ("2022-11", "Rapidus founded with eight Japanese firms"),
        ("2023-07", "China controls gallium and germanium exports"), ("2023-08", "TSMC commits to a Dresden fab"),
        ("2024-02", "Kumamoto fab opens"), ("2024-12", "Arizona fab begins volume production"),
        ("2025-04", "Rapidus starts its pilot line in Chitose"),
    ]

    @Test func fourEventsWithOneFarInThePast() {
        let events = [
            ("1987", "TSMC founded"), ("2020-05", "Arizona fab announced"), ("2022-08", "CHIPS Act signed"),
            ("2025-04", "Pilot line in Chitose"),
        ]
        .enumerated().map { event("e\($0.offset)", $0.element.0, $0.element.1) }
        #expect(draw(events).unlabelled.isEmpty)
    }

    @Test func fifteenEventsOfAChipBriefing() {
        let events = Self.chipEvents.enumerated().map { event("e\($0.offset)", $0.element.0, $0.element.1) }
        #expect(draw(events).unlabelled.isEmpty)
        // Limited to 2019-2025 the recent years spread over the whole width, and still all fit.
        let recent = Array(events.dropFirst())
        let limited = draw(recent, axis: 2019...2026)
        #expect(limited.unlabelled.isEmpty)
        #expect(limited.axisBox.map { $0.width > width - 20 } == true)
    }

    @Test func eventsOnOneDateAreAllLabelled() {
        let events = [
            event("a", "2023-10-18", "Pakistan joins the lunar research station", domain: ChartFixtures.domain("space")),
            event("b", "2023-10-18", "Belt and Road forum opens in Beijing", domain: ChartFixtures.domain("diplomacy")),
            event("c", "2023-10-18", "Digital economy memorandum signed", domain: ChartFixtures.domain("it")),
            event("d", "2021", "Earlier event"),
        ]
        let drawing = draw(events)
        #expect(drawing.unlabelled.isEmpty)
        #expect(drawing.labelBoxes.count >= 4)
    }

    @Test func anEventDatedAtTheAxisEndIsClippedToIt() {
        let events = [event("a", "2010s", "A decade of plans"), event("b", "2024-03", "Opening")]
        let drawing = draw(events, axis: 2015...2026)
        let bars = drawing.items.compactMap { item -> Rect? in
            if case .shape(.rect(let rect), _) = item, abs(rect.height - 8) < 0.001 { return rect }
            return nil
        }
        let axis = try! #require(drawing.axisBox)
        #expect(bars.allSatisfy { $0.x >= axis.x - 0.001 && $0.maxX <= axis.maxX + 0.001 }, "\(bars) leave \(axis)")
        #expect(drawing.unlabelled.isEmpty)
    }
}

/// A measurer with a width bound, as Pango's: the fake's advance for every character.
private struct BoundedMeasurer: TextMeasurer {
    func measure(_ paragraph: Paragraph, width: Double) -> MeasuredParagraph { FakeMeasurer().measure(paragraph, width: width) }
    func minimumWidth(_ runs: [TextRun]) -> Double { runs.reduce(0) { $0 + Double($1.text.count) * $1.style.size * 0.5 } }
}

@Suite struct HugeLabelTests {
    /// A label of thousands of characters measures its widest wrapped line (at most 10,000
    /// pt); the placer's width bound must not claim more (found by the renderer fuzzer).
    @Test func aLabelWiderThanAnyPageIsMarkedNotLabelled() {
        let huge = Event(
            id: "huge", title: Array(repeating: "word", count: 1_500).joined(separator: " "), when: .point(FuzzyDate(year: 2020)),
            domain: ChartFixtures.domain("space"), attribution: ChartFixtures.attribution(), location: ChartFixtures.location)
        let events = ChartFixtures.events(12, seed: 3) + [huge]
        let drawing = ChartLayout.drawing(
            ChartFixtures.figure(.timeline(events, axis: nil), kind: .timeline), width: 455, measurer: BoundedMeasurer()
        ).drawing
        #expect(drawing.unlabelled.contains(events.count - 1))
    }
}

/// A wrapped label breaks between words: the break width is never narrower than its longest
/// word, which Pango would otherwise split mid-word ("Consolidatio-n").
@Suite struct LabelWrapTests {
    @Test func aWrappedLabelIsNeverNarrowerThanItsLongestWord() throws {
        let style = BriefingStyle()
        let canvas = ChartCanvas(store: ParagraphStore(measurer: FakeMeasurer()))
        let runs = [TextRun("December 2021", style.small), TextRun(" Internationalisation into one group", style.small)]
        let word = canvas.measure([TextRun("Internationalisation", style.small)]).width
        for lines in 2...3 {
            guard let wrapped = TimelineChart.wrap(runs, lines: lines, lineHeight: style.small.size * 1.2, canvas: canvas) else { continue }
            #expect(wrapped.breakWidth >= word, "\(lines) lines broken at \(wrapped.breakWidth), the word is \(word) wide")
        }
    }
}

/// Point events' labels come after every mark and leader: on top of a leader passing behind
/// them, and one run of marks then one of text for cairo's page analysis, which unions each
/// drawing's box into a region (text among the marks made that union five times the work).
@Suite struct TimelineDrawingOrderTests {
    @Test func labelsAreDrawnAfterEveryMark() {
        let events = ChartFixtures.events(25, seed: 42)
        let drawing = ChartLayout.drawing(ChartFixtures.figure(.timeline(events), kind: .timeline), width: 455, measurer: FakeMeasurer())
            .drawing
        let items = drawing.items
        // The legend (text and symbols) comes first; the marks start at the first pale bar.
        let isMark = { (item: FrameItem) -> Bool in
            if case .shape = item { true } else if case .line = item { true } else { false }
        }
        let isText = { (item: FrameItem) -> Bool in if case .text = item { true } else { false } }
        let axis = items.lastIndex { if case .line(let from, let to, _, _) = $0 { from.y == to.y && to.x - from.x > 400 } else { false } }
        let labels = items.indices.filter { isText(items[$0]) && $0 < (axis ?? items.count) }
        let marks = items.indices.filter { isMark(items[$0]) && $0 < (axis ?? items.count) }
        #expect(axis != nil)
        #expect(labels.count >= 20)
        // After the legend, no mark follows a label before the axis.
        let firstLabel = labels.first { $0 > (marks.dropFirst(events.count / 2).first ?? 0) }
        #expect(firstLabel != nil)
        #expect(marks.allSatisfy { $0 < firstLabel! }, "a mark is drawn after a label")
    }
}
