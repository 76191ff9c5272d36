import BriefingContent
import BriefingModel

/// Turns content inlines into styled runs: emphasis to italic, citations to linked "[n]",
/// confidence grades to their superscript marker.
struct InlineStyler {
    let style: BriefingStyle
    let citationNumber: (String) -> Int?
    /// The anchor of the section being laid out: footnote numbers link to its notes.
    var noteScope = Anchor.keyJudgements
    /// The template's word for "revised", printed small after a revised value.
    var revisedMark = "rev"

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
            case .citation(let id):
                guard let number = citationNumber(id) else { continue }
                let citation = style.citation.with {
                    $0.size = base.size * 0.64; $0.rise = base.size * 0.26
                }
                runs.append(TextRun("[\(number)]", citation, link: .destination(Anchor.source(number))))
            case .confidenceMarker(let grade):
                guard let marker = grade.marker else { continue }
                let markerStyle = style.marker.with {
                    $0.size = base.size * 0.7; $0.rise = base.size * 0.3
                }
                runs.append(TextRun(marker, markerStyle, link: .destination(Anchor.confidenceNote)))
            case .softBreak:
                runs.append(TextRun(" ", base, link: link))
            case .reference(let reference):
                // Resolved by the document builder; an unresolved one prints its id, never nothing.
                runs.append(TextRun(reference.id, base, link: link))
            case .lineBreak:
                runs.append(TextRun("\u{2028}", base, link: link))
            case .revisedMarker:
                let mark = style.marker.with {
                    $0.family = .sans; $0.size = base.size * 0.55; $0.rise = base.size * 0.34
                }
                runs.append(TextRun("\u{2009}" + revisedMark, mark, link: .destination(Anchor.changes)))
            case .footnote(let number):
                let mark = style.citation.with {
                    $0.size = base.size * 0.64; $0.rise = base.size * 0.32
                }
                runs.append(TextRun("\(number)", mark, link: .destination(Anchor.note(number, in: noteScope))))
            }
        }
        return Self.merge(runs)
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
