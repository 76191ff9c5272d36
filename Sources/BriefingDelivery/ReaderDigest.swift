import BriefingModel
import BriefingPipeline
import BriefingRunState
import BriefingTemplate
import Foundation

/// What one audience reads, as a digest to compare between editions: the spec (title,
/// labels), the key judgements and the chosen sections' text, and every fact the audience's
/// briefing shows (value as printed, source, grade). Not the date, not the other sections,
/// not facts only they show: `when: changed` mails the defence desk when something it
/// reads changed, not when the IT section was edited.
enum ReaderDigest {
    static func of(_ made: BriefingOutput) -> String {
        let loaded = made.loaded, template = loaded.template, spec = template.spec
        let location = SourceLocation(file: template.specFileName)
        var text = "format \(loaded.request.format.rawValue) \(loaded.request.pdfStandard.rawValue)\n"
        let files = [template.specFileName, spec.keyJudgementsFile] + spec.sections.filter { loaded.sections.contains($0.id) }.map(\.file)
        for file in files {
            // Line ends are not what a reader reads: a file saved again with Windows line
            // ends (an editor, git's autocrlf) must not mail every reader again.
            var content = (try? template.read(file, at: location).text) ?? "-"
            if content.utf8.contains(0x0D) { content = content.replacingOccurrences(of: "\r\n", with: "\n") }
            text += "file \(file)\n\(content)\n"
        }
        let shown = FactVisibility.shown(loaded.factRows.map(\.key), in: made.document, template: template)
        for row in loaded.factRows where shown.contains(row.key) {
            text += "fact \(row.key)|\(row.text)|\(row.sourceID)|\(row.sourceTitle)|\(row.confidence)\n"
        }
        return InputDigest.sha256(of: Data(text.utf8))
    }
}
