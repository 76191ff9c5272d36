import BriefingContent

/// Draws any chart figure at a given width: the single entry point for the briefing flow and
/// for `briefing chart`.
public enum ChartLayout {
    static func draw(_ figure: ChartFigure, width: Double, store: ParagraphStore, style: ChartStyle) -> ChartDrawing {
        switch figure.data {
        case .supplyShares(let series):
            SupplySharesChart(series: series, style: style, width: width).draw(store: store)
        case .growthRates(let rates, let projection):
            GrowthRatesChart(rates: rates, projection: projection, style: style, width: width).draw(store: store)
        case .timeline(let events, let axis):
            TimelineChart(events: events, style: style, width: width, axis: axis).draw(store: store)
        case .bars(let bars, let unit):
            BarChart(bars: bars, unit: unit, style: style, width: width).draw(store: store)
        case .lines(let series):
            LineChart(series: series, style: style, width: width).draw(store: store)
        }
    }

    /// Geometry only, for tests and tools: the chart drawn with `measurer`.
    public static func drawing(
        _ figure: ChartFigure, width: Double, measurer: any TextMeasurer,
        style: BriefingStyle = BriefingStyle()
    ) -> (drawing: ChartDrawing, paragraphs: [Paragraph]) {
        let store = ParagraphStore(measurer: measurer)
        let drawing = draw(figure, width: width, store: store, style: ChartStyle(house: style))
        return (drawing, store.paragraphs)
    }
}
