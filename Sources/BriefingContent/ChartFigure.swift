import BriefingModel

/// A chart placed in the briefing: which chart, the facts it draws (already resolved and
/// validated), its caption, alt text and sources. Numbered after sections are chosen.
public struct ChartFigure: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case supplyShares = "supply-shares"
        case growthRates = "growth-rates"
        case timeline
        case bar
        case line

        public var summary: String {
            switch self {
            case .bar: "absolute values as bars from zero: figures in one unit, or one series by period"
            case .line: "one or more series over time in one unit, spaced by the periods' dates"
            case .supplyShares: "who supplies what: each supplier's share as 100% stacked bars, by period or by category"
            case .growthRates: "growth rates on a common zero-based axis, with a projection and its derived annual rate"
            case .timeline: "dated events and spans, colour- and shape-coded by domain"
            }
        }
    }

    public enum Data: Sendable {
        case supplyShares(SupplySeries)
        case growthRates([GrowthRate], projection: Projection?)
        /// The events drawn, and the years the axis covers when the chart block limits it
        /// (from the start of the first to the end of the last); nil spans all events.
        case timeline([Event], axis: ClosedRange<Double>? = nil)
        /// Bars from zero, in one unit: a label, a value and the value's grade each.
        case bars([Bar], unit: String)
        /// Lines over time, in one unit.
        case lines([DataSeries])
    }

    /// One bar: "United States", 120, reported.
    /// The most bars a bar chart may have: each keeps its label and its value legible, and
    /// the chart stays within a page (45 bars ran past the footer and lost the last ones).
    public static let maximumBars = 30

    public struct Bar: Sendable {
        public var label: String
        public var value: Double
        public var confidence: Confidence
        /// The fact drawn (`fig.us-capacity`, `series.us-wafers.Q1-2025`), for change tracking;
        /// nil for a bar drawn from no fact of the briefing.
        public var key: FactKey?
        public init(label: String, value: Double, confidence: Confidence, key: FactKey? = nil) {
            self.label = label
            self.value = value
            self.confidence = confidence
            self.key = key
        }
    }

    public var kind: Kind
    public var data: Data
    /// "Figure N" once numbered; 0 before.
    public var number: Int
    public var title: String
    /// One or two sentences describing what the data shows, generated from it (for readers
    /// who cannot see the chart, and printed under the title).
    public var altText: String
    /// What the drawing shows beyond the printed description, spoken after it as part of the
    /// Figure's alternative text: a timeline's events by date and name, which its labels
    /// show a sighted reader but which would crowd the description printed under the title.
    public var spokenDetail: String?
    /// The Figure's whole alternative text: the description, then the spoken detail.
    public var spokenAlt: String { [altText, spokenDetail].compactMap { $0 }.joined(separator: " ") }
    /// Sources of every fact drawn, in first-use order.
    public var sourceIDs: [String]
    /// A note for the source line ("shares of volume (SIPRI TIV)").
    public var sourceNote: String?
    /// The chart block's own `id`, naming this placement for `briefing chart ID`.
    public var blockID: String?

    public init(kind: Kind, data: Data, number: Int = 0, title: String, altText: String, sourceIDs: [String], sourceNote: String?) {
        self.kind = kind
        self.data = data
        self.number = number
        self.title = title
        self.altText = altText
        self.sourceIDs = sourceIDs
        self.sourceNote = sourceNote
    }

    /// Anchor for links to this figure.
    public var anchor: String { Anchor.figure(number) }
}
