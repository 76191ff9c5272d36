/// The words a briefing prints that are not its content: headings of the cover and contents,
/// "Figure 3", "page 2 of 7", the confidence legend, chart captions' fixed phrases, month
/// names. English defaults live in `Labels+English.swift`; `briefing.yaml` may override any
/// of them under `labels:`, so a briefing in another language needs no code change.
///
/// A label may contain `{name}` slots (`"page {n} of {total}"`); each key names the slots it
/// takes, and the decoder refuses others with the file, line and column.
public struct Labels: Sendable, Hashable {
    public enum Key: String, CaseIterable, Sendable {
        case kicker, audience, keyJudgements = "key_judgements", keyJudgementsBookmark = "key_judgements_bookmark"
        case keyFigures = "key_figures", wholeBriefing = "whole_briefing", asOf = "as_of"
        case confidenceReported = "confidence_reported", confidenceUnconfirmed = "confidence_unconfirmed"
        case sourcesNote = "sources_note"
        case contents, figures, sources, figure, section, page, pageOf = "page_of"
        case source, unlabelledHeading = "unlabelled_heading", unlabelledListed = "unlabelled_listed"
        case unlabelledMarked = "unlabelled_marked", allOthers = "all_others", paleBar = "pale_bar"
        case growthAxis = "growth_axis", since, hatchedUnconfirmed = "hatched_unconfirmed", growthTitle = "growth_title"
        case multiple, perYear = "per_year", derivedRate = "derived_rate", timelineTitle = "timeline_title"
        case dayDate = "day_date", monthDate = "month_date", decade, span
        case leftOutSection = "left_out_section", leftOutChart = "left_out_chart", leftOutFigure = "left_out_figure"
        case readVia = "read_via"
        case growthLabel = "growth_label", projectionDetail = "projection_detail", projection, timelineNote = "timeline_note"
        case altNoShare = "alt_no_share", altCategoryShare = "alt_category_share", altCategories = "alt_categories"
        case altRose = "alt_rose", altFell = "alt_fell", altStayed = "alt_stayed", altSupplyTrend = "alt_supply_trend"
        case altLargest = "alt_largest", altNextSuppliers = "alt_next_suppliers", altGrowthItem = "alt_growth_item"
        case altGrowth = "alt_growth", altProjection = "alt_projection", altTimeline = "alt_timeline"
        case altProjectionFall = "alt_projection_fall", altProjectionFlat = "alt_projection_flat"
        case altSupplyOnePeriod = "alt_supply_one_period", altOtherSuppliers = "alt_other_suppliers"
        case altNextSupplier = "alt_next_supplier", altOtherSupplier = "alt_other_supplier"
        case altTimelineEvents = "alt_timeline_events", altTimelineEvent = "alt_timeline_event", altBarOne = "alt_bar_one"
        case altBusiestDecade = "alt_busiest_decade", altDomains = "alt_domains", and, chartDocument = "chart_document"
        case altTimelineOne = "alt_timeline_one", unlabelledListedOne = "unlabelled_listed_one"
        case unlabelledMarkedOne = "unlabelled_marked_one", timelineOutside = "timeline_outside"
        case timelineOutsideOne = "timeline_outside_one", range, quarterDate = "quarter_date", halfDate = "half_date"
        case barTitle = "bar_title", altBar = "alt_bar", altBarItem = "alt_bar_item", lineTitle = "line_title", altLine = "alt_line"
        case altLineFlat = "alt_line_flat", altLineSteady = "alt_line_steady", altRising = "alt_rising", altFalling = "alt_falling"
        case altLineHigh = "alt_line_high", altLineLow = "alt_line_low", altLineValues = "alt_line_values"
        case altPointItem = "alt_point_item", altLineLead = "alt_line_lead", altLineLeadItem = "alt_line_lead_item"
        case changesHeading = "changes_heading", changesRevised = "changes_revised", changesSource = "changes_source"
        case changesConfidence = "changes_confidence", changesAdded = "changes_added", changesEvent = "changes_event"
        case changesRemoved = "changes_removed", changesNotShown = "changes_not_shown", changesDerived = "changes_derived"
        case changesCover = "changes_cover"
        case skipToContent = "skip_to_content", backToText = "back_to_text", sourceNumber = "source_number"
        case changesMore = "changes_more", revisedMarker = "revised_marker", revisedNote = "revised_note"
        case draftBanner = "draft_banner", draftBannerOne = "draft_banner_one"

        /// The `{slots}` this label may use.
        public var slots: Set<String> {
            switch self {
            case .figure, .section, .page, .sourceNumber: ["n"]
            case .pageOf: ["n", "total"]
            case .asOf: ["date"]
            case .unlabelledHeading: ["n"]
            case .timelineOutside, .timelineOutsideOne: ["count", "first", "last"]
            case .range: ["low", "high"]
            case .quarterDate: ["quarter", "year"]
            case .barTitle: ["unit"]
            case .changesHeading: ["date", "count"]
            case .changesMore, .draftBanner, .draftBannerOne: ["count"]
            case .altBar, .altBarOne: ["count", "unit", "list"]
            case .altBarItem: ["label", "value"]
            case .lineTitle: ["list", "first", "last"]
            case .altLine: ["label", "trend", "from", "first", "to", "last", "change"]
            case .altLineFlat: ["label", "value", "first", "last"]
            case .altLineSteady: ["direction"]
            case .altLineHigh, .altLineLow: ["value", "period"]
            case .altLineValues, .altLineLead: ["list"]
            case .altPointItem: ["period", "value"]
            case .altLineLeadItem: ["label", "value", "period"]
            case .halfDate: ["half", "year"]
            case .unlabelledListed, .unlabelledMarked, .unlabelledListedOne, .unlabelledMarkedOne: ["count"]
            case .since: ["date"]
            case .multiple: ["multiple", "years"]
            case .perYear: ["percent"]
            case .timelineTitle: ["first", "last"]
            case .dayDate: ["day", "month", "year"]
            case .monthDate: ["month", "year"]
            case .decade: ["year"]
            case .span: ["start", "end"]
            case .leftOutSection: ["id", "n"]
            case .leftOutChart: ["id"]
            case .leftOutFigure: ["n"]
            case .readVia: ["via"]
            case .growthLabel: ["label"]
            case .projectionDetail: ["from", "to", "percent"]
            case .projection: ["from", "from_year", "to", "to_year"]
            case .altNoShare: ["title", "focus"]
            case .altCategoryShare: ["percent", "category"]
            case .altCategories: ["focus", "list"]
            case .altSupplyTrend: ["focus", "trend", "from", "first", "to", "last"]
            case .altNextSuppliers, .altNextSupplier, .altOtherSupplier: ["period", "list"]
            case .altGrowthItem: ["label", "percent", "since"]
            case .altGrowth, .altDomains: ["list"]
            case .altProjection, .altProjectionFall: ["label", "from", "from_year", "to", "to_year", "percent"]
            case .altProjectionFlat: ["label", "from", "from_year", "to_year"]
            case .altSupplyOnePeriod: ["focus", "to", "last"]
            case .altOtherSuppliers: ["period", "list"]
            case .altTimelineEvents: ["list"]
            case .altTimelineEvent: ["date", "title"]
            case .altTimeline, .altTimelineOne: ["count", "first", "last"]
            case .altBusiestDecade: ["decade", "count"]
            case .chartDocument: ["title"]
            default: []
            }
        }
    }

    private var texts: [Key: String]
    /// January to December, as dates print them.
    public private(set) var months: [String]

    public init(texts: [Key: String], months: [String]) {
        precondition(Key.allCases.allSatisfy { texts[$0] != nil } && months.count == 12, "every label needs a default")
        self.texts = texts
        self.months = months
    }

    public subscript(_ key: Key) -> String { texts[key]! }

    /// `one` when `count` is 1, else `other`: "1 event", "2 events".
    public func counted(_ count: Int, one: Key, other: Key, _ values: KeyValuePairs<String, String>) -> String {
        text(count == 1 ? one : other, values)
    }

    /// The label with its slots filled: `text(.pageOf, ["n": "2", "total": "7"])`.
    /// One pass over the label: a `{slot}` with a value is replaced, anything else (an
    /// unknown slot, a lone brace) is copied; a value is never read again as a label, so
    /// the result does not depend on the order of `values`. Foundation's
    /// `replacingOccurrences` (one NSString pass per slot) was a fifth of a 2,000-event
    /// timeline's instructions. The values are pairs, not a dictionary: a label has two or
    /// three slots, and hashing them cost more than filling them.
    public func text(_ key: Key, _ values: KeyValuePairs<String, String>) -> String {
        Self.fill(texts[key]!, values)
    }

    static func fill(_ text: String, _ values: KeyValuePairs<String, String>) -> String {
        // Scanned as the text's own UTF-8 buffer: braces are ASCII. Walking it by Characters
        // (grapheme breaking) made this 13,000 instructions a call, and `String.UTF8View`
        // slices compared with `Substring`s still about 6,000: a 2,000-event timeline's alt
        // text fills 4,000 labels.
        var text = text
        return text.withUTF8 { bytes -> String in
            let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
            guard var brace = bytes.firstIndex(of: open) else { return String(decoding: bytes, as: UTF8.self) }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 32)
            var copied = 0
            while true {
                let name = brace + 1
                guard let end = bytes[name...].firstIndex(where: { $0 == close || $0 == open }) else { break }
                var next = name
                if bytes[end] == close, let value = Self.value(named: UnsafeBufferPointer(rebasing: bytes[name..<end]), in: values) {
                    result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<brace]))
                    result.append(contentsOf: value.utf8)
                    copied = end + 1
                    next = copied
                }
                guard let found = bytes[next...].firstIndex(of: open) else { break }
                brace = found
            }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// The value of the slot whose name is these bytes.
    private static func value(named name: UnsafeBufferPointer<UInt8>, in values: KeyValuePairs<String, String>) -> String? {
        for (key, value) in values where key.utf8.count == name.count {
            if key.utf8.withContiguousStorageIfAvailable({ $0.elementsEqual(name) }) ?? key.utf8.elementsEqual(name) { return value }
        }
        return nil
    }

    /// These labels with some replaced (the template's overrides).
    public func overriding(_ overrides: [Key: String], months: [String]? = nil) -> Labels {
        Labels(texts: texts.merging(overrides) { $1 }, months: months ?? self.months)
    }

    /// The `{slot}` names in a label's text.
    public static func slots(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

// MARK: - Dates in the template's words

extension FuzzyDate {
    /// As it reads in a sentence, with the template's month names and date order.
    public func text(_ labels: Labels) -> String {
        switch precision {
        case .day: labels.text(.dayDate, ["day": "\(day!)", "month": labels.months[month! - 1], "year": "\(year)"])
        case .month: labels.text(.monthDate, ["month": labels.months[month! - 1], "year": "\(year)"])
        case .quarter: labels.text(.quarterDate, ["quarter": "\(part!)", "year": "\(year)"])
        case .half: labels.text(.halfDate, ["half": "\(part!)", "year": "\(year)"])
        case .year: "\(year)"
        case .decade: labels.text(.decade, ["year": "\(year)"])
        }
    }
}

extension Event.When {
    /// A date, or a span of two, in the template's words.
    public func text(_ labels: Labels) -> String {
        switch self {
        case .point(let date): date.text(labels)
        case .span(let start, let end): labels.text(.span, ["start": start.text(labels), "end": end.text(labels)])
        }
    }
}
