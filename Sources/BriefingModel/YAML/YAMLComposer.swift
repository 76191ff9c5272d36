import CYaml

#if canImport(Glibc)
    import Glibc
#endif

/// A YAML file's one document as a tree of `Node`s, built straight from libyaml's events (the
/// C parser Yams compiles in). Yams's composer made a node per scalar with a resolver and
/// constructor attached and hashed every mapping's keys as nodes to find repeats: for 2,000
/// timeline events that was three quarters of reading the file. Scalars are taken as written
/// (no implicit typing); aliases are replaced by their anchored node; a mapping that repeats
/// a key, or a second document, is an error, as it was.
enum YAMLComposer {
    /// What stopped the file being read, with libyaml's own words.
    enum Problem: Error {
        /// The scanner or parser refused the text.
        case syntax(context: String?, problem: String, mark: Node.Mark)
        case composer(context: String?, problem: String, mark: Node.Mark)
        /// Keys given twice in one mapping (sorted), and where the first of them is.
        case duplicatedKeys([String], first: Node.Mark)
        /// The bytes are not text libyaml can read.
        case reader(problem: String)
        case memory
    }

    /// The document's root, or nil for a file with no document (empty, or only comments).
    static func compose(_ text: String) throws -> Node? {
        var text = text
        return try text.withUTF8 { bytes -> Node? in
            guard let start = bytes.baseAddress, !bytes.isEmpty else { return nil }
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            defer { parser.deallocate() }
            guard yaml_parser_initialize(parser) == 1 else { throw Problem.memory }
            defer { yaml_parser_delete(parser) }
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, start, bytes.count)
            return try Composer(parser).document()
        }
    }
}

/// One pass over the events of one file.
private final class Composer {
    let parser: UnsafeMutablePointer<yaml_parser_t>
    /// Nodes by anchor name; a later anchor of the same name replaces the earlier one.
    var anchors: [String: Node] = [:]

    init(_ parser: UnsafeMutablePointer<yaml_parser_t>) { self.parser = parser }

    /// The next event; the caller deletes it (`yaml_event_delete`, harmless twice).
    func next() throws -> yaml_event_t {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { throw problem() }
        return event
    }

    func document() throws -> Node? {
        var event = try next()  // the stream's start
        yaml_event_delete(&event)
        event = try next()  // the document's start, or the stream's end if there is none
        defer { yaml_event_delete(&event) }
        guard event.type != YAML_STREAM_END_EVENT else { return nil }
        var first = try next()
        let root = try node(&first)
        var end = try next()  // the document's end
        yaml_event_delete(&end)
        var after = try next()
        defer { yaml_event_delete(&after) }
        guard after.type == YAML_STREAM_END_EVENT else {
            throw YAMLComposer.Problem.composer(
                context: nil, problem: "a second YAML document starts here ('---'): the file must hold one",
                mark: Self.mark(after.start_mark))
        }
        return root
    }

    /// The node `event` starts (and deletes the event).
    func node(_ event: inout yaml_event_t) throws -> Node {
        defer { yaml_event_delete(&event) }
        let mark = Self.mark(event.start_mark)
        switch event.type {
        case YAML_ALIAS_EVENT:
            guard let name = Self.text(event.data.alias.anchor), let node = anchors[name] else {
                let name = Self.text(event.data.alias.anchor) ?? ""
                throw YAMLComposer.Problem.composer(
                    context: nil, problem: "the alias '*\(name)' names no anchor '&\(name)' given before it", mark: mark)
            }
            return node
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            // Quoted, untagged or tagged `!` (non-specific): text. Otherwise the tag given.
            let written = scalar.quoted_implicit == 1 ? nil : Self.text(scalar.tag)
            let quoted = scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE || scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE
            // A plain, untagged `~`, `null` or nothing is YAML's null (an optional field left
            // out); quoted, it is that text.
            let isNull = written == nil && scalar.style == YAML_PLAIN_SCALAR_STYLE && scalar.length <= 4 && Self.nullSpellings.contains(value)
            let tag = isNull ? Node.nullTag : written.flatMap { $0 == "!" ? nil : $0 } ?? Node.stringTag
            let node = Node.scalar(.init(value, tag: tag, mark: mark, isQuoted: quoted))
            register(scalar.anchor, node)
            return node
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            let anchor = Self.text(start.anchor)
            let tag = start.implicit != 0 ? nil : Self.text(start.tag)
            var nodes: [Node] = []
            while true {
                var child = try next()
                if child.type == YAML_SEQUENCE_END_EVENT {
                    yaml_event_delete(&child)
                    break
                }
                nodes.append(try node(&child))
            }
            let node = Node.sequence(.init(nodes, tag: tag.flatMap { $0 == "!" ? nil : $0 } ?? Node.sequenceTag, mark: mark))
            if let anchor { anchors[anchor] = node }
            return node
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            let anchor = Self.text(start.anchor)
            let tag = start.implicit != 0 ? nil : Self.text(start.tag)
            var pairs: [(key: Node, value: Node)] = []
            // Most mappings have a handful of keys: one allocation rather than four.
            pairs.reserveCapacity(8)
            while true {
                var keyEvent = try next()
                if keyEvent.type == YAML_MAPPING_END_EVENT {
                    yaml_event_delete(&keyEvent)
                    break
                }
                let key = try node(&keyEvent)
                var valueEvent = try next()
                pairs.append((key, try node(&valueEvent)))
            }
            try checkDuplicates(pairs)
            if pairs.contains(where: { Self.isMergeKey($0.0) }) { pairs = try merged(pairs) }
            let node = Node.mapping(.init(pairs: pairs, tag: tag.flatMap { $0 == "!" ? nil : $0 } ?? Node.mappingTag, mark: mark))
            if let anchor { anchors[anchor] = node }
            return node
        default:
            throw YAMLComposer.Problem.composer(context: nil, problem: "unexpected event \(event.type.rawValue)", mark: mark)
        }
    }

    /// How YAML's core schema writes null in plain style.
    static let nullSpellings: Set<String> = ["", "~", "null", "Null", "NULL"]

    /// A plain `<<` key: YAML's merge key (`<<: *defaults`), which config files use to
    /// share fields between items.
    static func isMergeKey(_ key: Node) -> Bool {
        guard case .scalar(let scalar) = key else { return false }
        return scalar.string == "<<" && !scalar.isQuoted && scalar.tag == Node.stringTag
    }

    /// The pairs with each merge key replaced by the pairs of the mapping it names (or of
    /// each mapping of a list, the earlier first), where they stand: keys given in the
    /// mapping itself win wherever they are written, then earlier merges win over later
    /// ones, as YAML's merge key type says. The merged values keep where they were written.
    private func merged(_ pairs: [(key: Node, value: Node)]) throws -> [(key: Node, value: Node)] {
        func name(_ key: Node) -> String? { key.scalar.map { $0.tag + "\u{0}" + $0.string } }
        var taken = Set(pairs.filter { !Self.isMergeKey($0.0) }.compactMap { name($0.0) })
        var result: [(key: Node, value: Node)] = []
        for (key, value) in pairs {
            guard Self.isMergeKey(key) else {
                result.append((key, value))
                continue
            }
            let sources: [Node]
            switch value {
            case .mapping: sources = [value]
            case .sequence(let list) where list.nodes.allSatisfy({ if case .mapping = $0 { true } else { false } }): sources = list.nodes
            default:
                throw YAMLComposer.Problem.composer(
                    context: nil, problem: "a merge key '<<' takes a mapping or a list of mappings, as in '<<: *defaults'",
                    mark: key.mark ?? value.mark ?? .init(line: 1, column: 1))
            }
            for case .mapping(let source) in sources {
                for pair in source.pairs {
                    guard let keyName = name(pair.key) else { continue }
                    if taken.insert(keyName).inserted { result.append((pair.key, pair.value)) }
                }
            }
        }
        return result
    }

    private func register(_ anchor: UnsafeMutablePointer<UInt8>?, _ node: Node) {
        if let name = Self.text(anchor) { anchors[name] = node }
    }

    /// A mapping's scalar keys are each given once (text and tag alike). Most mappings have
    /// a handful of keys: compared pairwise, with nothing allocated, unless one repeats.
    private func checkDuplicates(_ pairs: [(key: Node, value: Node)]) throws {
        guard pairs.count > 1 else { return }
        var repeats = false
        if pairs.count <= 24 {
            // Compared in place: no array of keys made for a mapping that has no repeat.
            outer: for index in pairs.indices.dropFirst() {
                guard case .scalar(let key) = pairs[index].key else { continue }
                for earlier in 0..<index {
                    if case .scalar(let other) = pairs[earlier].key, other.string == key.string, other.tag == key.tag {
                        repeats = true
                        break outer
                    }
                }
            }
        } else {
            let keys = pairs.compactMap { $0.key.scalar }
            var seen = Set<String>()
            repeats = keys.contains { !seen.insert($0.tag + "\u{0}" + $0.string).inserted }
        }
        guard repeats else { return }
        let keys = pairs.compactMap { $0.key.scalar }
        // The keys given more than once, sorted, and where the first of them is first given.
        var firstMarks: [String: Node.Mark] = [:]
        var repeated: Set<String> = []
        for key in keys {
            if firstMarks[key.string] != nil {
                repeated.insert(key.string)
            } else {
                firstMarks[key.string] = key.mark ?? .init(line: 0, column: 0)
            }
        }
        let sorted = repeated.sorted()
        throw YAMLComposer.Problem.duplicatedKeys(sorted, first: firstMarks[sorted[0]]!)
    }

    /// libyaml's error, in its own words and places (1-based).
    private func problem() -> YAMLComposer.Problem {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "unknown problem"
        switch state.error {
        case YAML_MEMORY_ERROR: return .memory
        case YAML_READER_ERROR: return .reader(problem: problem)
        default:
            let context = state.context.map { String(cString: $0) }
            // A quote never closed is found at the end of the file; where it opened is the place to fix.
            let unclosed = context == "while scanning a quoted scalar" && problem.hasPrefix("found unexpected end of stream")
            return .syntax(context: context, problem: problem, mark: Self.mark(unclosed ? state.context_mark : state.problem_mark))
        }
    }

    static func mark(_ mark: yaml_mark_t) -> Node.Mark { Node.Mark(line: Int(mark.line) + 1, column: Int(mark.column) + 1) }

    static func text(_ pointer: UnsafeMutablePointer<UInt8>?) -> String? {
        pointer.map {
            String(
                decoding: UnsafeBufferPointer(start: $0, count: strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))),
                as: UTF8.self)
        }
    }
}
