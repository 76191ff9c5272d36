import Testing

@testable import BriefingModel

/// The composer over libyaml's events: scalars as written, marks 1-based, aliases replaced by
/// their node, and the errors the loader turns into diagnostics.
@Suite struct YAMLComposerTests {
    private func root(_ text: String) throws -> Node? { try YAMLComposer.compose(text) }

    @Test func scalarsKeepTheirTextTagMarkAndQuotes() throws {
        guard case .mapping(let mapping) = try root("a: 1\nb: 'x y'\nc: !!null\nd: \"\\u00e9\"\n") else {
            Issue.record("not a mapping")
            return
        }
        let values = mapping.map { $0.value.scalar! }
        #expect(mapping.map { $0.key.scalar!.string } == ["a", "b", "c", "d"])
        #expect(values.map(\.string) == ["1", "x y", "", "é"])
        #expect(values.map(\.tag) == [Node.stringTag, Node.stringTag, Node.nullTag, Node.stringTag])
        #expect(values.map(\.isQuoted) == [false, true, false, true])
        #expect(
            values.map(\.mark) == [
                .init(line: 1, column: 4), .init(line: 2, column: 4), .init(line: 3, column: 4), .init(line: 4, column: 4),
            ])
    }

    @Test func aliasesAreTheirAnchoredNode() throws {
        guard case .mapping(let mapping) = try root("base: &b [1, 2]\nagain: *b\n"),
            case .sequence(let again) = mapping[1].value
        else {
            Issue.record("not a mapping holding a list")
            return
        }
        #expect(again.map { $0.scalar?.string } == ["1", "2"])
        #expect(again.mark == Node.Mark(line: 1, column: 7))  // where its anchor is written
    }

    @Test func emptyTextOrOnlyCommentsHasNoRoot() throws {
        #expect(try root("") == nil)
        #expect(try root("# nothing\n") == nil)
    }

    @Test func repeatedKeysAreFoundSortedWithTheFirstPlace() {
        #expect {
            try root("x: 1\nb: 2\na: 3\nb: 4\na: 5\n")
        } throws: { error in
            guard case YAMLComposer.Problem.duplicatedKeys(let keys, let first) = error else { return false }
            return keys == ["a", "b"] && first == Node.Mark(line: 3, column: 1)
        }
    }

    /// The keys and values (as text) of the `index`th item of the list under `items`.
    private func item(_ text: String, _ index: Int) throws -> [(String, String)] {
        guard case .mapping(let root) = try root(text), case .sequence(let items) = root[0].value,
            case .mapping(let item) = items[index]
        else { return [] }
        return item.map { ($0.key.scalar?.string ?? "?", $0.value.scalar?.string ?? "?") }
    }

    @Test func mergeKeysBringTheNamedMappingsFields() throws {
        let text = """
            items:
              - &base {source: office, confidence: reported, unit: MW}
              - <<: *base
                id: b
                unit: GW
              - <<: [*base, {note: extra, source: other}]
                id: c
              - "<<": not a merge
            """
        let merged = try item(text, 1)
        #expect(merged.map(\.0) == ["source", "confidence", "id", "unit"], "merged fields stand where the merge key was")
        #expect(merged.first { $0.0 == "unit" }?.1 == "GW", "a key given in the mapping wins")
        let listed = try item(text, 2)
        #expect(listed.map(\.0) == ["source", "confidence", "unit", "note", "id"])
        #expect(listed.first { $0.0 == "source" }?.1 == "office", "an earlier mapping of the list wins")
        #expect(try item(text, 3).map(\.0) == ["<<"], "a quoted '<<' is an ordinary key")
        #expect {
            try root("a: &x 1\nb:\n  <<: *x\n")
        } throws: { error in
            guard case YAMLComposer.Problem.composer(_, let problem, let mark) = error else { return false }
            return problem.contains("a merge key '<<' takes a mapping") && mark.line == 3
        }
    }

    @Test func aSecondDocumentOrAnUnknownAliasIsAnError() {
        #expect {
            try root("a: 1\n---\nb: 2\n")
        } throws: { error in
            guard case YAMLComposer.Problem.composer(_, let problem, let mark) = error else { return false }
            return problem.hasPrefix("a second YAML document starts here") && mark.line == 2
        }
        #expect {
            try root("a: *missing\n")
        } throws: { error in
            guard case YAMLComposer.Problem.composer(_, let problem, _) = error else { return false }
            return problem == "the alias '*missing' names no anchor '&missing' given before it"
        }
    }

    @Test func anUnclosedQuoteIsPlacedWhereItOpens() {
        #expect {
            try root("a: 1\nb: \"open\nc: 2\nd: 3\n")
        } throws: { error in
            guard case YAMLComposer.Problem.syntax(let context, let problem, let mark) = error else { return false }
            return problem.hasPrefix("found unexpected end of stream") && context == "while scanning a quoted scalar" && mark.line == 2
                && mark.column == 4
        }
    }

    @Test func syntaxErrorsCarryLibyamlsWordsAndPlace() {
        #expect {
            try root("a: [1, 2\nb: 3\n")
        } throws: { error in
            guard case YAMLComposer.Problem.syntax(let context, let problem, let mark) = error else { return false }
            return problem.hasPrefix("did not find expected ',' or ']'") && context == "while parsing a flow sequence" && mark.line == 2
        }
    }

    @Test func plainNullSpellingsAreNullAndQuotedOnesText() throws {
        guard case .mapping(let mapping) = try root("a: ~\nb: null\nc:\nd: '~'\ne: \"null\"\nf: nullity\n") else {
            Issue.record("not a mapping")
            return
        }
        let tags = mapping.pairs.map { pair -> String in
            guard case .scalar(let scalar) = pair.value else { return "?" }
            return scalar.tag == Node.nullTag ? "null" : scalar.tag == Node.stringTag ? "str" : scalar.tag
        }
        #expect(tags == ["null", "null", "null", "str", "str", "str"])
    }
}

extension Node: Equatable {
    public static func == (lhs: Node, rhs: Node) -> Bool {
        switch (lhs, rhs) {
        case (.scalar(let a), .scalar(let b)): a.string == b.string && a.tag == b.tag
        case (.sequence(let a), .sequence(let b)): a.nodes == b.nodes
        case (.mapping(let a), .mapping(let b)): a.pairs.map(\.key) == b.pairs.map(\.key) && a.pairs.map(\.value) == b.pairs.map(\.value)
        default: false
        }
    }
}
