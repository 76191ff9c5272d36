/// A supply series computed from a file instead of typed rows (`from:` in `data.yaml`): the
/// file, its format, the periods to compute and how many suppliers to name. Resolved once the
/// template folder is known (`TemplateLoader`), so the file is read inside it.
public struct SupplyImport: Sendable {
    public var series: String
    public var file: String
    public var format: String
    /// The periods asked for, each with where it is written.
    public var periods: [(period: Period, location: SourceLocation)]
    /// Suppliers named; the rest are "all others".
    public var suppliers: Int
    public var attribution: Attribution
    public var location: SourceLocation

    public static let formats = ["sipri-tiv"]
}

extension SupplyImport {
    /// The series' rows from a TIV export: each period's shares of the suppliers named
    /// (the focus, then the largest over all the periods asked for, up to `suppliers`), with
    /// "all others" left to the model's remainder. Shares are exact; only printing rounds.
    func rows(from export: TIVExport, focus: String?) throws -> [SupplySeries.Row] {
        var problems: [Diagnostic] = []
        guard let first = export.years.first, let last = export.years.last else { return [] }
        for (period, location) in periods where period.start < Double(first) || period.end > Double(last + 1) {
            problems.append(
                .error(location, "the period \(period) is outside the export's years (\(first)\u{2013}\(last))"))
        }
        if let focus, !export.suppliers.contains(where: { $0.name.lowercased() == focus.lowercased() }) {
            let names = export.suppliers.map(\.name)
            problems.append(
                .error(
                    location, "the supplier '\(focus)' is not in \(file)",
                    hint: Suggestion.closest(to: focus, in: names).map { "did you mean '\($0)'?" }
                        ?? "suppliers: \(names.prefix(8).joined(separator: ", "))"))
        }
        guard problems.isEmpty else { throw InputError(kind: .invalidData, diagnostics: problems) }
        // Named suppliers: the focus first, then by their deliveries over all the periods.
        var totals: [String: Double] = [:]
        for (period, _) in periods {
            for share in export.shares(in: period).shares { totals[share.supplier, default: 0] += share.percent }
        }
        var named = totals.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
        if let focus, let exact = named.first(where: { $0.lowercased() == focus.lowercased() }) {
            named.removeAll { $0 == exact }
            named.insert(exact, at: 0)
        }
        named = Array(named.prefix(max(1, suppliers)))
        let note = "computed from SIPRI TIV" + (export.generated.map { ", export generated \($0)" } ?? "")
        return periods.map { period, location in
            let (computed, total) = export.shares(in: period)
            let shares = named.compactMap { name in
                computed.first { $0.supplier == name }.map { SupplySeries.Share(supplier: name, percent: $0.percent, origin: $0.origin) }
            }
            var attribution = attribution
            attribution.note = attribution.note ?? note
            var row = SupplySeries.Row(
                label: period.description, period: period, shares: shares, complete: false, attribution: attribution, location: location)
            // The numbers behind the row, for `briefing data show`.
            let others = computed.filter { !named.contains($0.supplier) }.reduce(0) { $0 + $1.tiv }
            let parts = named.compactMap { name in
                computed.first { $0.supplier == name }.map { "\(name) \(NumberFormatting.format($0.tiv))" }
            }
            row.basis =
                "\(NumberFormatting.format(total)) TIV in \(period) from \(file): "
                + (parts + ["all others \(NumberFormatting.format(others))"]).joined(separator: ", ")
            return row
        }
    }
}
