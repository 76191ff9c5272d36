/// The page's styles, inside it (no network): the house colours of the PDF, a measure that
/// reads well from a 360 px phone to a desktop, a dark scheme, and print rules.
enum HTMLStyle {
    /// The reader's own fonts, after the faces the page carries (`WebFont`).
    static let serifStack = "Georgia, \"Times New Roman\", serif"
    static let sansStack = "\"Segoe UI\", system-ui, -apple-system, \"Helvetica Neue\", Arial, sans-serif"

    static let css = """
        :root {
          --ink: #1c2430; --muted: #5b6675; --navy: #1f3a5f; --accent: #b4472b; --panel: #eef2f6; --rule: #c9d2dd;
          --paper: #ffffff; --link: #1f4f8f;
          --serif: \(serifStack);
          --sans: \(sansStack);
          color-scheme: light dark;
        }
        @media (prefers-color-scheme: dark) {
          :root {
            --ink: #e6e9ee; --muted: #a6b0bd; --navy: #9cc0ee; --accent: #f08a6e; --panel: #1d2632; --rule: #3a4654;
            --paper: #121820; --link: #9cc7ff;
          }
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body {
          margin: 0 auto; padding: 0 1rem 3rem; max-width: 46rem; background: var(--paper); color: var(--ink);
          font: 1.0625rem/1.6 var(--serif); overflow-wrap: break-word;
        }
        h1, h2, h3, h4, .kicker, .meta, figcaption, .source, .tag, nav, .key-figures, .changes, .colophon, .skip, .draft {
          font-family: var(--sans);
        }
        a { color: var(--link); }
        a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
        code { white-space: pre-wrap; }
        .skip { position: absolute; left: -9999px; }
        .skip:focus { position: static; display: inline-block; margin: .5rem 0; }
        .draft { background: var(--accent); color: #fff; padding: .5rem .75rem; font-weight: 600; margin: 0 -1rem; }
        .masthead { border-bottom: 3px solid var(--navy); padding: 2rem 0 1rem; }
        .kicker { color: var(--accent); font-size: .8rem; font-weight: 600; letter-spacing: .08em; margin: 0; }
        h1 { color: var(--navy); font-size: clamp(1.7rem, 5vw, 2.4rem); line-height: 1.15; margin: .4rem 0 .6rem; }
        .subtitle { font-size: 1.15rem; color: var(--muted); margin: 0 0 .6rem; }
        .meta { color: var(--muted); font-size: .9rem; margin: 0; }
        h2 { color: var(--navy); font-size: 1.45rem; line-height: 1.25; margin: 2.5rem 0 .8rem; }
        h3 { color: var(--navy); font-size: 1.12rem; margin: 1.8rem 0 .4rem; }
        h4 { font-size: 1rem; margin: 1.4rem 0 .3rem; }
        .section > h2 { border-top: 2px solid var(--navy); padding-top: .6rem; }
        h2 .number { color: var(--accent); margin-right: .35em; }
        nav.contents { background: var(--panel); padding: .2rem 1rem .8rem; margin: 1.5rem 0; border-radius: 4px; }
        nav.contents h2 { font-size: 1.1rem; margin: .8rem 0 .4rem; }
        nav.contents h3 { font-size: .95rem; margin: .8rem 0 .3rem; }
        nav ol { list-style: none; padding: 0; margin: 0; }
        nav li { margin: .3rem 0; }
        nav a { text-decoration: none; }
        nav a:hover, nav a:focus-visible { text-decoration: underline; }
        nav .number { color: var(--accent); font-weight: 600; margin-right: .3em; }
        .judgements ul, .judgements ol { padding-left: 1.2rem; }
        .key-figures ul { list-style: none; padding: 0; margin: 0; display: grid; gap: .75rem;
          grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr)); }
        .key-figures li { background: var(--panel); border-top: 3px solid var(--navy); padding: .6rem .8rem; }
        .key-figures p { margin: 0; }
        .key-figures .value { font-size: 1.6rem; font-weight: 700; color: var(--navy); }
        .key-figures .label { font-weight: 600; line-height: 1.3; margin-top: .2rem; }
        .key-figures .detail { color: var(--muted); font-size: .8rem; margin-top: .3rem; }
        .confidence-note { color: var(--muted); font-size: .85rem; margin-top: 1rem; }
        .changes { background: var(--panel); padding: .2rem 1rem .6rem; border-radius: 4px; margin-top: 2rem; }
        .changes h2 { font-size: 1.1rem; margin: .8rem 0 .4rem; }
        .changes ul { padding-left: 1rem; font-size: .92rem; }
        .changes .tag { color: var(--accent); font-weight: 600; }
        .muted { color: var(--muted); }
        sup { line-height: 0; font-size: .68em; }
        sup a { text-decoration: none; }
        sup.rev a { font-family: var(--sans); color: var(--accent); }
        .marker, sup.marker a { color: var(--accent); }
        aside.callout { background: var(--panel); border-left: 4px solid var(--navy); padding: .1rem 1rem; margin: 1.2rem 0; }
        figure { margin: 1.8rem 0; }
        figcaption { color: var(--navy); font-weight: 600; font-size: .95rem; }
        .figure-number { color: var(--accent); margin-right: .4em; }
        .description { color: var(--muted); font-size: .85rem; margin: .3rem 0 .6rem; }
        .drawing { background: #ffffff; border-radius: 4px; padding: .4rem; overflow-x: auto; }
        .drawing svg { display: block; width: 100%; min-width: 36rem; height: auto; white-space: pre; }
        .source { color: var(--muted); font-size: .8rem; margin: .4rem 0 0; }
        figure.image img { max-width: 100%; height: auto; background: #ffffff; }
        dl.unlabelled { display: grid; grid-template-columns: max-content 1fr; gap: .2rem .8rem; font-size: .85rem; }
        dl.unlabelled dt { font-weight: 600; }
        dl.unlabelled dd { margin: 0; }
        .table { overflow-x: auto; margin: 1.2rem 0; }
        table { border-collapse: collapse; font-size: .9rem; min-width: 100%; }
        th, td { padding: .35rem .6rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid var(--navy); color: var(--navy); }
        tbody th { font-weight: 600; }
        .number { text-align: right; font-variant-numeric: tabular-nums; }
        th.number, td.number { text-align: right; }
        .center { text-align: center; }
        .notes ol { font-size: .85rem; border-top: 1px solid var(--rule); padding-top: .6rem; padding-left: 1.4rem; }
        .notes p { margin: .2rem 0; }
        a.back { text-decoration: none; }
        .sources ol { list-style: none; padding: 0; font-size: .88rem; }
        .sources li { counter-increment: none; padding-left: 2.4rem; text-indent: -2.4rem; margin: .45rem 0; }
        .sources li::before { content: "[" counter(list-item) "]"; display: inline-block; width: 2.4rem; text-indent: 0;
          color: var(--navy); font-weight: 600; }
        .sources a { overflow-wrap: anywhere; }
        .colophon { color: var(--muted); font-size: .8rem; border-top: 1px solid var(--rule); margin-top: 3rem; }
        :target { scroll-margin-top: 1rem; }
        @media (min-width: 48rem) { body { font-size: 1.125rem; } }
        @media print {
          :root { --ink: #000; --muted: #333; --paper: #fff; --panel: #f2f2f2; }
          body { max-width: none; font-size: 10.5pt; padding: 0; }
          .skip, nav.contents { display: none; }
          a { color: inherit; text-decoration: none; }
          @page { size: A4; margin: 16mm 16mm 18mm; }
          figure, .key-figures li, table, aside.callout { break-inside: avoid; }
          h2, h3, h4, figcaption { break-after: avoid; }
          .drawing { overflow: visible; padding: 0; }
          .drawing svg { min-width: 0; }
          .key-figures ul { grid-template-columns: repeat(4, 1fr); }
        }

        """
}
