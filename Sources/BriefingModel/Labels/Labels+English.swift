extension Labels {
    /// The English (British) defaults: the one place reader-facing words are written in code.
    /// A template overrides any of them under `labels:` in `briefing.yaml`.
    public static let english = Labels(
        texts: [
            // Cover
            .kicker: "POLICY BRIEFING",
            .audience: "For:",
            .keyJudgements: "KEY JUDGEMENTS",
            .keyJudgementsBookmark: "Key judgements",
            .keyFigures: "KEY FIGURES",
            .wholeBriefing: "WHOLE BRIEFING",
            .asOf: "as of {date}",
            .confidenceReported: "Reported: a secondary source attributes the figure to the primary publisher.",
            .confidenceUnconfirmed: "Unconfirmed: stated in the source essay; no independent source was found.",
            .sourcesNote: "Bracketed numbers refer to the Sources at the end.",
            // Contents, headings, references, running heads
            .contents: "Contents",
            .figures: "FIGURES",
            .sources: "Sources",
            .figure: "Figure {n}",
            .section: "section {n}",
            .page: "page {n}",
            .pageOf: "page {n} of {total}",
            // Chart captions and charts
            .source: "Source:",
            .unlabelledHeading: "Events not labelled in Figure {n}",
            .unlabelledListed: "{count} events without a label are listed after the figure.",
            .unlabelledMarked: "{count} events are marked but not labelled; the briefing lists them after the figure.",
            .allOthers: "All others (computed)",
            .paleBar: "pale bar: the period a date covers (month, year, decade)",
            .growthAxis: "Growth since the base year",
            .since: "since {date}",
            .hatchedUnconfirmed: "hatched: unconfirmed figure",
            .growthTitle: "Growth rates as reported, each from its own base year",
            .multiple: "\u{00D7}{multiple} in {years} years =",
            .perYear: "{percent} a year",
            .derivedRate: "(rate derived from the two values)",
            .timelineTitle: "Milestones of cooperation, {first}\u{2013}{last}",
            // Alt text: the sentences that describe each chart's data
            .altNoShare: "{title}: no share is given for {focus}.",
            .altCategoryShare: "{percent} of {category}",
            .altCategories: "{focus} supplies {list}.",
            .altRose: "rose",
            .altFell: "fell",
            .altStayed: "stayed",
            .altSupplyTrend: "{focus}'s share {trend} from {from} in {first} to {to} in {last}",
            .altLargest: "; it was the largest supplier in every period shown.",
            .altNextSuppliers: "In {period} the next suppliers were {list}.",
            .altGrowthItem: "{label} +{percent} since {since}",
            .altGrowth: "Reported growth: {list}.",
            .altProjection: "{label} is projected to grow from {from} in {from_year} to {to} in {to_year}, an implied {percent} a year.",
            .altTimeline: "{count} events from {first} to {last}",
            .altBusiestDecade: "; the busiest decade is the {decade} with {count}",
            .altDomains: ", across {list}.",
            .and: "and",
            // The title in the metadata of a chart exported on its own
            .chartDocument: "Figure: {title}",
            .timelineNote: "events at the precision their sources give: a day, a month, a year or a decade",
            // Dates
            .dayDate: "{day} {month} {year}",
            .monthDate: "{month} {year}",
            .decade: "{year}s",
            .span: "{start}\u{2013}{end}",
            // Words the document builder writes
            .leftOutSection: "the full briefing\u{2019}s {id} section",
            .leftOutChart: "the full briefing\u{2019}s {id} chart",
            .readVia: "Read via {via}.",
            .growthLabel: "{label} growth",
            .projectionDetail: "{from} to {to}: {percent} a year",
            .projection: "{from} in {from_year} to {to} by {to_year}",
        ],
        months: [
            "January", "February", "March", "April", "May", "June",
            "July", "August", "September", "October", "November", "December",
        ])
}
