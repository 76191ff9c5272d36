/// Block-level content of a section, after templates are expanded and Markdown parsed.
public indirect enum Block: Sendable, Equatable {
    /// Level 1 is the section title (added by the document builder); Markdown `##` is level 2.
    case heading(level: Int, [Inline])
    case paragraph([Inline])
    case bulletList([[Block]])
    case orderedList(start: Int, [[Block]])
    /// A Markdown block quote, set as a shaded "key points" box.
    case callout([Block])
    case thematicBreak
    /// A numbered chart with caption, alt text and source line.
    case chart(ChartFigure)
    /// A GFM table: a header row, body rows, and each column's alignment.
    case table(Table)
    /// An image from the template folder, with its alt text.
    case image(ImageFigure)
    /// The section's footnotes, numbered in order of first reference, set at its end.
    case notes([Footnote])
    /// The author's page break (`<!-- page break -->` on a line of its own): what follows
    /// starts a new page.
    case pageBreak
}
