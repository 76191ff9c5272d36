import BriefingContent
import BriefingModel
import Foundation
import TestSupport
import Testing

@testable import BriefingLayout

/// Measuring the last sections on a second thread (`SectionsAhead`) changes who measures a
/// paragraph, never the pages. The tests decide who gets where first with gates in the
/// measurers, so each order is tested on purpose rather than left to the scheduler.
@Suite struct SectionsAheadTests {
    /// A `FakeMeasurer` that keeps what it measured, can make a helper, and records who
    /// measured what.
    final class SharingMeasurer: ConcurrentMeasuring, @unchecked Sendable {
        struct Key: Hashable {
            var paragraph: Paragraph
            var width: Double
        }
        typealias Handover = [(key: Key, measured: MeasuredParagraph)]

        let isHelper: Bool
        private let lock = NSLock()
        private var kept: [Key: MeasuredParagraph] = [:]
        private var sinceHandover: [Key] = []
        /// Paragraphs this measurer laid out itself (not found kept), by their text.
        private(set) var laidOut: [String] = []
        /// Called before a paragraph is laid out (not when it is found kept).
        let gate: (SharingMeasurer, Paragraph) -> Void
        /// The helper made, if any.
        private var made: SharingMeasurer?
        var helper: SharingMeasurer? { lock.withLock { made } }
        let helperGate: (SharingMeasurer, Paragraph) -> Void
        /// Told the count after each of its handovers (the helper's own).
        let handedOver: (Int) -> Void
        private(set) var handovers = 0
        private(set) var adopted = 0

        init(
            isHelper: Bool = false, gate: @escaping (SharingMeasurer, Paragraph) -> Void = { _, _ in },
            helperGate: @escaping (SharingMeasurer, Paragraph) -> Void = { _, _ in }, handedOver: @escaping (Int) -> Void = { _ in }
        ) {
            self.isHelper = isHelper
            self.gate = gate
            self.helperGate = helperGate
            self.handedOver = handedOver
        }

        func measure(_ paragraph: Paragraph, width: Double) -> MeasuredParagraph {
            let key = Key(paragraph: paragraph, width: width)
            if let found = lock.withLock({ kept[key] }) { return found }
            gate(self, paragraph)
            let measured = FakeMeasurer().measure(paragraph, width: width)
            lock.withLock {
                kept[key] = measured
                sinceHandover.append(key)
                laidOut.append(paragraph.plainText)
            }
            return measured
        }

        func makeHelper() -> SharingMeasurer? {
            let helper = SharingMeasurer(isHelper: true, gate: helperGate, handedOver: handedOver)
            lock.withLock { made = helper }
            return helper
        }

        func handOver() -> Handover {
            let (handover, count) = lock.withLock {
                defer {
                    sinceHandover = []
                    handovers += 1
                }
                return (sinceHandover.map { ($0, kept[$0]!) }, handovers + 1)
            }
            handedOver(count)
            return handover
        }

        func adopt(_ handover: Handover) {
            lock.withLock {
                for entry in handover where kept[entry.key] == nil {
                    kept[entry.key] = entry.measured
                    adopted += 1
                }
            }
        }

        var laidOutTexts: [String] { lock.withLock { laidOut } }
        var handoverCount: Int { lock.withLock { handovers } }
    }

    let engineTests = LayoutEngineTests()

    /// Everything of a layout but the shaped text (which the fake does not keep).
    func summary(_ document: PagedDocument) -> String {
        "\(document.pages.map(\.items)) \(document.pages.map(\.label)) \(document.outline) \(document.paragraphs) \(document.links)"
    }

    func layout(_ document: Document, measurer: any TextMeasurer, ahead: Bool) -> PagedDocument {
        LayoutEngine(measurer: measurer, measuresAhead: ahead).layout(document, creator: "test")
    }

    /// Blocks a helper hands over for `document`: one after each block of every section but
    /// the first (the heading goes with block 0), and one for the Sources list.
    func blocksAhead(_ document: Document) -> Int {
        document.sections.dropFirst().map { max(1, $0.blocks.count) }.reduce(0, +) + (document.sources.isEmpty ? 0 : 1)
    }

    @Test(arguments: [1, 2, 3, 10, 40])
    func pagesAreThoseOfOneThreadWhoeverMeasures(sections: Int) {
        let document = engineTests.document(sections: sections)
        let alone = layout(document, measurer: SharingMeasurer(), ahead: false)
        let shared = layout(document, measurer: SharingMeasurer(), ahead: true)
        #expect(summary(shared) == summary(alone))
    }

    /// The helper measures everything before the main thread starts on the sections: the
    /// main thread then lays out only the cover, the first section and the front matter.
    @Test func aHelperThatIsFirstMeasuresTheLastSections() {
        let document = engineTests.document(sections: 6)
        let expected = blocksAhead(document)
        let helperDone = DispatchSemaphore(value: 0)
        var waited = false
        let owner = SharingMeasurer(
            gate: { _, paragraph in
                // At the first section's heading, wait until the helper has handed over every block.
                guard !waited, paragraph.plainText.hasSuffix("Section 1") else { return }
                waited = true
                helperDone.wait()
            },
            handedOver: { count in if count == expected { helperDone.signal() } })
        let pages = layout(document, measurer: owner, ahead: true)
        let helper = try! #require(owner.helper)
        #expect(helper.handoverCount == expected)
        for number in 2...6 { #expect(!owner.laidOutTexts.contains { $0 == "\(number)\u{2003}Section \(number)" }) }
        #expect(!owner.laidOutTexts.contains("Source one."))
        #expect(helper.laidOutTexts.contains { $0 == "6\u{2003}Section 6" })
        #expect(!helper.laidOutTexts.contains { $0 == "1\u{2003}Section 1" })
        #expect(owner.adopted > 0)
        #expect(summary(pages) == summary(layout(document, measurer: SharingMeasurer(), ahead: false)))
    }

    /// The main thread gets to the last section before the helper measures anything: it
    /// stops the helper where it finds it and measures the rest itself, and layout ends.
    /// The main thread waits at the last section until the helper is at its first paragraph:
    /// a helper whose thread has not started yet is stopped before it measures anything,
    /// which is right but is not the case this test is about.
    @Test func aMainThreadThatIsFirstStopsTheHelper() {
        let document = engineTests.document(sections: 6)
        let mainAtLast = DispatchSemaphore(value: 0)
        let helperAtFirst = DispatchSemaphore(value: 0)
        var signalled = false
        let owner = SharingMeasurer(
            gate: { _, paragraph in
                if !signalled, paragraph.plainText.hasSuffix("Section 6") {
                    signalled = true
                    helperAtFirst.wait()
                    mainAtLast.signal()
                }
            },
            helperGate: { helper, _ in
                // The helper's first paragraph waits until the main thread is at the last section.
                if helper.laidOutTexts.isEmpty {
                    helperAtFirst.signal()
                    mainAtLast.wait()
                }
            })
        let pages = layout(document, measurer: owner, ahead: true)
        let helper = try! #require(owner.helper)
        for number in 1...6 { #expect(owner.laidOutTexts.contains { $0 == "\(number)\u{2003}Section \(number)" }) }
        #expect(helper.laidOutTexts.contains("Sources"))
        #expect(summary(pages) == summary(layout(document, measurer: SharingMeasurer(), ahead: false)))
    }

    /// A long document is laid out alone: a helper's font map costs memory, and drawing is
    /// most of such a run. A short one gets a helper.
    @Test func onlyAShortDocumentGetsAHelper() {
        let short = SharingMeasurer()
        _ = layout(engineTests.document(sections: 3), measurer: short, ahead: true)
        #expect(short.helper != nil)
        let long = engineTests.document(sections: 300)
        #expect(SectionsAhead<SharingMeasurer>.textSize(long.sections.flatMap(\.blocks)) > 2 * SectionsAhead<SharingMeasurer>.textBudget)
        let alone = SharingMeasurer()
        _ = layout(long, measurer: alone, ahead: true)
        #expect(alone.helper == nil)
    }

    /// A measurer that cannot make a helper (the fake of most tests) lays out alone.
    @Test func aMeasurerWithoutHelpersLaysOutAlone() {
        let document = engineTests.document(sections: 4)
        #expect(
            summary(layout(document, measurer: FakeMeasurer(), ahead: true))
                == summary(layout(document, measurer: FakeMeasurer(), ahead: false)))
    }
}
