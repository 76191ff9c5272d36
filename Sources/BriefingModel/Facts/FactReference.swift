/// A name for one fact, as written in placeholders and in `key_figures`: `fig.students`,
/// `growth.it-sector`, `projection.ecommerce-trade`, `event.paksat-mm1`, a supply share
/// `supply.SERIES.ROW.SUPPLIER` (ROW a period as written, `first` or `latest`; SUPPLIER in
/// lower case with hyphens, or `others`) and a point of a line or bar series
/// `series.ID.POINT` (POINT a period as written, `2023`, `2025-Q1`, or `first`, `previous`,
/// `latest`).
public enum FactReference: Sendable, Hashable {
    case figure(String)
    case growth(String)
    case projection(String)
    case event(String)
    case share(series: String, row: String, supplier: String)
    case seriesPoint(series: String, point: String)

    public static let prefixes = ["fig", "growth", "projection", "event", "supply", "series"]

    public init?(_ text: String) {
        guard let dot = text.firstIndex(of: ".") else { return nil }
        let id = String(text[text.index(after: dot)...])
        if text[..<dot] == "supply" {
            let parts = id.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3, !parts.contains(where: \.isEmpty) else { return nil }
            self = .share(series: parts[0], row: parts[1], supplier: parts[2])
            return
        }
        if text[..<dot] == "series" {
            let parts = id.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, !parts.contains(where: \.isEmpty) else { return nil }
            self = .seriesPoint(series: parts[0], point: parts[1])
            return
        }
        switch text[..<dot] {
        case "fig": self = .figure(id)
        case "growth": self = .growth(id)
        case "projection": self = .projection(id)
        case "event": self = .event(id)
        default: return nil
        }
    }
}

extension FactBase {
    /// True when the reference names a fact in this data.
    public func contains(_ reference: FactReference) -> Bool {
        switch reference {
        case .figure(let id): figure(id) != nil
        case .growth(let id): growthRate(id) != nil
        case .projection(let id): projection(id) != nil
        case .event(let id): event(id) != nil
        case .share(let series, let row, let supplier): share(series: series, row: row, supplier: supplier) != nil
        case .seriesPoint(let series, let point): seriesPoint(series: series, point: point) != nil
        }
    }

    /// A point of a line or bar series by its name: a period's key (`2023`, `2025-Q1`,
    /// `2008-12`), or `first`, `previous` (the one before the latest) or `latest`.
    public func seriesPoint(series id: String, point name: String) -> (series: DataSeries, point: DataSeries.Point)? {
        guard let series = dataSeries(id) else { return nil }
        let points = series.points
        let point: DataSeries.Point?
        switch name {
        case "first": point = points.first
        case "latest": point = points.last
        case "previous": point = points.count >= 2 ? points[points.count - 2] : nil
        default: point = points.first { $0.period.key == name }
        }
        return point.map { (series, $0) }
    }

    /// A supply share by its placeholder name: the row, the supplier as written and the
    /// percent (the computed remainder for `others`).
    public func share(series id: String, row key: String, supplier: String) -> (
        series: SupplySeries, row: SupplySeries.Row, supplier: String, percent: Double
    )? {
        guard let series = series(id) else { return nil }
        let row: SupplySeries.Row?
        switch key {
        case "first": row = series.rows.first
        case "latest": row = series.rows.last
        default: row = series.rows.first { $0.key == key }
        }
        guard let row else { return nil }
        if supplier == "others" { return (series, row, SupplySeries.othersLabel, row.remainder) }
        guard let share = row.shares.first(where: { SupplySeries.slug($0.supplier) == supplier }) else { return nil }
        return (series, row, share.supplier, share.percent)
    }

    /// Every valid reference, for "did you mean" hints: the names of every fact in the catalog
    /// (a derived annual rate has no name of its own), and a complete supply row's `others`,
    /// which names its zero remainder without being a fact of its own.
    public var allReferences: [String] {
        var names: [String] = []
        var seen = Set<String>()
        for name in catalog().flatMap(\.names) + completeRowOthers where seen.insert(name).inserted { names.append(name) }
        return names
    }

    private var completeRowOthers: [String] {
        supplySeries.flatMap { series in
            series.rows.enumerated().filter(\.element.complete).flatMap { index, row in
                [row.key] + (index == 0 ? ["first"] : []) + (index == series.rows.count - 1 ? ["latest"] : [])
            }.map { "supply.\(series.id).\($0).others" }
        }
    }
}
