import Foundation

/// Who supplies a country's arms: one row per period (or per equipment category), each with the
/// share of named suppliers. Unless a row is marked complete, the model computes "all others" as
/// the remainder, so shares that must sum to 100 are never typed twice.
public struct SupplySeries: Sendable, Identifiable {
    public struct Share: Sendable, Hashable {
        public var supplier: String
        public var percent: Double
        /// Where the value was read (a YAML value, a CSV cell, a TIV export's row), kept for
        /// the edition store's provenance.
        public var origin: SourceLocation?
        public init(supplier: String, percent: Double, origin: SourceLocation? = nil) {
            self.supplier = supplier
            self.percent = percent
            self.origin = origin
        }
    }

    public struct Row: Sendable {
        /// A period ("2008–12") or an equipment category ("Main battle tanks").
        public var label: String
        public var period: Period?
        public var shares: [Share]
        /// True when `shares` name every supplier (they must then sum to 100 ± 0.5).
        public var complete: Bool
        public var attribution: Attribution
        public var location: SourceLocation
        /// For a row computed from a file, the numbers behind it ("4,640 TIV in all; China
        /// 2,820, United States 1,600"), for `briefing data show`.
        public var basis: String?

        public init(label: String, period: Period?, shares: [Share], complete: Bool, attribution: Attribution, location: SourceLocation) {
            self.label = label
            self.period = period
            self.shares = shares
            self.complete = complete
            self.attribution = attribution
            self.location = location
        }

        /// The row's name in placeholders and fact keys: its period's key (`2021-25`,
        /// `Q1-2025`), or its category with hyphens for dashes.
        public var key: String { period?.key ?? label.replacingEvery("\u{2013}", with: "-") }

        public var namedTotal: Double { shares.reduce(0) { $0 + $1.percent } }

        /// The share of every supplier not named: 100 minus the named shares (0 for complete rows).
        public var remainder: Double { complete ? 0 : max(0, 100 - namedTotal) }

        public func percent(of supplier: String) -> Double? {
            shares.first { $0.supplier.lowercased() == supplier.lowercased() }?.percent
        }
    }

    public var id: String
    public var title: String
    /// What the shares measure, e.g. "share of the volume of major arms imports (SIPRI TIV)".
    public var measure: String
    /// The supplier the chart and text focus on (China), drawn solid; nil for none.
    public var focus: String?
    public var rows: [Row]
    public var location: SourceLocation

    public init(id: String, title: String, measure: String, focus: String?, rows: [Row], location: SourceLocation) {
        self.id = id
        self.title = title
        self.measure = measure
        self.focus = focus
        self.rows = rows
        self.location = location
    }

    public static let othersLabel = "All others"

    /// Placeholder names are ASCII without spaces: "United States" is `united-states`,
    /// "Türkiye" is `turkiye`; a name in another script is transliterated first ("中国" is
    /// `zhong-guo`, "Россия" `rossia`), where it would otherwise have no name at all.
    public static func slug(_ name: String) -> String {
        var folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        // Only names still outside ASCII once folded pay for ICU's transliterator.
        if folded.unicodeScalars.contains(where: { !$0.isASCII && $0.properties.isAlphabetic }),
            let latin = name.applyingTransform(.toLatin, reverse: false)
        {
            folded = latin.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        }
        return folded.lowercased().split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }).joined(separator: "-")
    }
}
