/// Which sections a run includes: `--sections a,b` (only those) or `--skip a,b` (all but
/// those), always in template order. Problems are usage errors (exit 64).
public enum SectionSelection {
    /// The chosen section ids in template order.
    public static func resolve(only: String?, skip: String?, sections: [BriefingSpec.Section]) throws -> [String] {
        let valid = sections.map(\.id)
        if only != nil && skip != nil {
            throw InputError(
                kind: .usage, SourceLocation.argument("--sections"), "--sections and --skip cannot be used together",
                hint: "name the sections to keep with --sections, or the ones to drop with --skip")
        }
        guard let list = only ?? skip else { return valid }
        let flag = only != nil ? "--sections" : "--skip"
        let names = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var problems: [Diagnostic] = []
        for name in names where !valid.contains(name) {
            var hints: [String] = []
            if let closest = Suggestion.closest(to: name, in: valid) { hints.append("did you mean '\(closest)'?") }
            hints.append("valid sections: \(valid.joined(separator: ", "))")
            problems.append(Diagnostic(.error, at: SourceLocation.argument(flag), "unknown section '\(name)'", hints: hints))
        }
        if !problems.isEmpty { throw InputError(kind: .usage, diagnostics: problems) }
        let chosen = only != nil ? valid.filter { names.contains($0) } : valid.filter { !names.contains($0) }
        guard !chosen.isEmpty else {
            throw InputError(
                kind: .usage, SourceLocation.argument(flag), "no sections left to include",
                hint: "valid sections: \(valid.joined(separator: ", "))")
        }
        return chosen
    }
}
