import Foundation
import TestSupport
import Testing

/// Reader-facing words come from the template: a German label set renders without a code change.
@Suite(.serialized, .systemTier) struct LabelsTests {
    static let german = """
        language: de-DE
        labels:
          kicker: POLITISCHES BRIEFING
          audience: "Für:"
          key_judgements: WICHTIGSTE EINSCHÄTZUNGEN
          key_judgements_bookmark: Wichtigste Einschätzungen
          key_figures: KENNZAHLEN
          whole_briefing: GESAMTES BRIEFING
          as_of: "Stand {date}"
          confidence_reported: "Berichtet: eine Sekundärquelle schreibt die Zahl dem Herausgeber zu."
          confidence_unconfirmed: "Unbestätigt: nur im Quellenessay genannt."
          sources_note: Zahlen in Klammern verweisen auf die Quellen am Ende.
          contents: Inhalt
          figures: ABBILDUNGEN
          sources: Quellen
          figure: "Abbildung {n}"
          section: "Abschnitt {n}"
          page: "Seite {n}"
          page_of: "Seite {n} von {total}"
          source: "Quelle:"
          growth_axis: Wachstum seit dem Basisjahr
          since: "seit {date}"
          timeline_title: "Meilensteine der Zusammenarbeit, {first}–{last}"
          unlabelled_heading: "Nicht beschriftete Ereignisse in Abbildung {n}"
          all_others: Alle anderen (berechnet)
          pale_bar: "heller Balken: der Zeitraum, den ein Datum umfasst"
          hatched_unconfirmed: "schraffiert: unbestätigte Zahl"
          growth_title: Wachstumsraten wie berichtet, jeweils ab eigenem Basisjahr
          multiple: "×{multiple} in {years} Jahren ="
          alt_supply_trend: "Der Anteil von {focus} {trend} von {from} ({first}) auf {to} ({last})"
          alt_rose: stieg
          alt_fell: fiel
          alt_stayed: blieb
          alt_largest: "; in jedem gezeigten Zeitraum der größte Lieferant."
          alt_next_suppliers: "{period} folgten {list}."
          alt_growth_item: "{label} {percent} seit {since}"
          alt_growth: "Berichtetes Wachstum: {list}."
          alt_projection: "{label} soll von {from} ({from_year}) auf {to} ({to_year}) wachsen, rechnerisch {percent} pro Jahr."
          alt_timeline: "{count} Ereignisse von {first} bis {last}"
          alt_busiest_decade: "; am dichtesten sind die {decade} mit {count}"
          alt_domains: ", in den Bereichen {list}."
          and: und
          decade: "{year}er"
          per_year: "{percent} pro Jahr"
          derived_rate: (Rate aus den beiden Werten abgeleitet)
          timeline_note: "Ereignisse in der Genauigkeit ihrer Quellen"
          read_via: "Gelesen über {via}."
          growth_label: "Wachstum: {label}"
          projection_detail: "{from} bis {to}: {percent} pro Jahr"
          projection: "{from} ({from_year}) bis {to} ({to_year})"
          day_date: "{day}. {month} {year}"
          months: [Januar, Februar, März, April, Mai, Juni, Juli, August, September, Oktober, November, Dezember]

        """

    /// The default template overrides one label of its own; these tests bring their own set.
    static func dropOwnLabels(_ fixture: TemplateFixture) throws {
        let own = try fixture.read("briefing.yaml").components(separatedBy: "\n").filter {
            $0.hasPrefix("labels:") || $0.hasPrefix("  confidence_unconfirmed:")
        }
        try #require(own.count == 2, "the default template's labels block changed")
        try fixture.replace("briefing.yaml", own.joined(separator: "\n") + "\n", with: "")
    }

    private func text(_ pdf: URL) throws -> String {
        try Command.tool("pdftotext", [pdf.path, "-"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func aGermanLabelSetRendersWithoutACodeChange() throws {
        let fixture = try TemplateFixture()
        let directory = try Command.temporaryDirectory()
        defer {
            fixture.remove()
            try? FileManager.default.removeItem(at: directory)
        }
        try Self.dropOwnLabels(fixture)
        try fixture.write("briefing.yaml", try fixture.read("briefing.yaml") + "\n" + Self.german)
        let pdf = directory.appendingPathComponent("de.pdf")
        let result = try Command.run(
            Command.briefing, ["generate", "--template", fixture.directory.path, "--date", "2026-01-05", "--output", pdf.path])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try text(pdf)
        for word in [
            "POLITISCHES BRIEFING", "Für: Policy analysts", "KENNZAHLEN", "Inhalt", "ABBILDUNGEN",
            "Abbildung 1", "Quelle:", "Quellen", "Seite ii", "Seite 1 von", "5. Januar 2026", "Wachstum seit dem Basisjahr",
            "Meilensteine der Zusammenarbeit", "Berichtet: eine Sekundärquelle", "Stand 2018", "Alle anderen (berechnet)",
            "2021 bis 2031: 32.9% pro Jahr", "Gelesen über", "3.5 bn USD (2021) bis 60 bn USD (2031)", "×17 in 10 Jahren = 32.9% pro Jahr",
            "24 Ereignisse von 1963 bis 2024; am dichtesten sind die 2020er mit 11", "Berichtetes Wachstum:", "1970er–1990er",
        ] {
            #expect(text.contains(word), "'\(word)' is missing")
        }
        for english in [
            "KEY JUDGEMENTS", "KEY FIGURES", "Contents", "page 1 of", "Figure 1", "5 January 2026", "Source:", "Read via",
            "All others", "pale bar", "(rate derived", "hatched: unconfirmed", "Reported growth", "events from 1963",
        ] {
            #expect(!text.contains(english), "'\(english)' is still printed")
        }
        // Cross-references use the template's word, and so do the bookmarks.
        #expect(text.contains("Abschnitt "))
        let outline = try Command.tool(
            "python3", ["-c", "import fitz,sys; print([t for _,t,_ in fitz.open(sys.argv[1]).get_toc()])", pdf.path])
        #expect(
            outline.stdout.contains("Wichtigste Einschätzungen") && outline.stdout.contains("Inhalt"), "\(outline.stdout)\(outline.stderr)")
    }

    @Test func badLabelsAreLocatedErrors() throws {
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        try Self.dropOwnLabels(fixture)
        try fixture.write(
            "briefing.yaml",
            try fixture.read("briefing.yaml")
                + "\nlanguage: deutsch!\nlabels:\n  page_of: \"Seite {n} von {gesamt}\"\n  contens: Inhalt\n  months: [Jan, Feb]\n")
        let result = try Command.run(Command.briefing, ["generate", "--template", fixture.directory.path, "--output", "/tmp/never.pdf"])
        #expect(result.status == 65)
        let line = try fixture.line(of: "page_of:", in: "briefing.yaml")
        #expect(result.stderr.contains("briefing.yaml:\(line):"), "\(result.stderr)")
        #expect(result.stderr.contains("field 'labels.page_of': unknown slot {gesamt}"))
        #expect(result.stderr.contains("hint: it may use {n}, {total}"))
        #expect(result.stderr.contains("unknown key 'labels.contens'") && result.stderr.contains("did you mean 'contents'?"))
        #expect(result.stderr.contains("expected 12 month names, found 2"))
        #expect(result.stderr.contains("'deutsch!' is not a language tag"))
    }
}
