import BriefingContent
import BriefingModel

/// Turns content inlines into styled runs: emphasis to italic, and the marks the document
/// decides (`InlineMarks`: citations "[n]", confidence markers, "rev", footnote numbers)
/// to small raised linked runs. What a mark says and links to is the document's; only how
/// it looks is decided here.
struct InlineStyler {
    let style: BriefingStyle
    let marks: InlineMarks
    /// The anchor of the section being laid out: footnote numbers link to its notes.
    var noteScope = Anchor.keyJudgements

    func runs(_ inlines: [Inline], base: TextStyle, link: LinkTarget? = nil) -> [TextRun] {
        var runs: [TextRun] = []
        for inline in inlines {
            switch inline {
            case .text(let text):
                runs.append(TextRun(text, base, link: link))
            case .emphasis(let children):
                runs += self.runs(children, base: base.with { $0.italic.toggle() }, link: link)
            case .strong(let children):
                runs += self.runs(children, base: base.with { $0.weight = .bold }, link: link)
            case .code(let text):
                runs.append(
                    TextRun(
                        text,
                        base.with {
                            $0.family = .sans; $0.size *= 0.92
                        }, link: link))
            case .link(let url, let children):
                let target: LinkTarget = url.hasPrefix("#") ? .destination(String(url.dropFirst())) : .uri(url)
                runs += self.runs(children, base: base.with { $0.color = style.navy }, link: target)
            case .citation, .confidenceMarker, .revisedMarker, .footnote:
                guard let mark = marks.mark(inline, noteScope: noteScope) else { continue }
                runs.append(
                    TextRun(
                        mark.kind == .revised ? "\u{2009}" + mark.text : mark.text, look(of: mark.kind, base: base),
                        link: .destination(mark.anchor)))
            case .softBreak:
                runs.append(TextRun(" ", base, link: link))
            case .reference(let reference):
                // Resolved by the document builder; an unresolved one prints its id, never nothing.
                runs.append(TextRun(reference.id, base, link: link))
            case .lineBreak:
                runs.append(TextRun("\u{2028}", base, link: link))
            }
        }
        return Self.merge(runs)
    }

    /// How a mark looks beside text of `base`: small and raised; "rev" in the sans face,
    /// set off by a thin space.
    private func look(of kind: InlineMarks.Mark.Kind, base: TextStyle) -> TextStyle {
        switch kind {
        case .citation:
            style.citation.with {
                $0.size = base.size * 0.64; $0.rise = base.size * 0.26
            }
        case .confidence:
            style.marker.with {
                $0.size = base.size * 0.7; $0.rise = base.size * 0.3
            }
        case .revised:
            style.marker.with {
                $0.family = .sans; $0.size = base.size * 0.55; $0.rise = base.size * 0.34
            }
        case .footnote:
            style.citation.with {
                $0.size = base.size * 0.64; $0.rise = base.size * 0.32
            }
        }
    }

    /// Adjacent runs with equal style and link become one, so Pango gets fewer attributes.
    static func merge(_ runs: [TextRun]) -> [TextRun] {
        var merged: [TextRun] = []
        for run in runs where !run.text.isEmpty {
            if let last = merged.last, last.style == run.style, last.link == run.link {
                merged[merged.count - 1].text += run.text
            } else {
                merged.append(run)
            }
        }
        return merged
    }

}
