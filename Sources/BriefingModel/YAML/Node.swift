/// A YAML node as the model reads it: scalars as written (no implicit typing), mappings in
/// document order, lists, each with where it was written. Aliases are already replaced by the
/// node their anchor names. CSV cells are given as scalars too, with their cell as the mark,
/// so a bad value in an export is located like one in a YAML file.
public enum Node: Sendable {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Sequence)

    /// A 1-based line and column.
    public struct Mark: Sendable, Hashable {
        public var line: Int
        public var column: Int

        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
    }

    /// YAML's tag for text: what every scalar has unless the file gives it another.
    public static let stringTag = "tag:yaml.org,2002:str"
    /// The tag of a scalar written `!!null`.
    public static let nullTag = "tag:yaml.org,2002:null"
    public static let mappingTag = "tag:yaml.org,2002:map"
    public static let sequenceTag = "tag:yaml.org,2002:seq"

    public struct Scalar: Sendable {
        public var string: String
        /// The tag as written (`!!null` is `tag:yaml.org,2002:null`), else `stringTag`.
        public var tag: String
        public var mark: Mark?
        /// Written in 'single' or "double" quotes: its text starts a column after its mark.
        public var isQuoted: Bool

        public init(_ string: String, tag: String = Node.stringTag, mark: Mark? = nil, isQuoted: Bool = false) {
            self.string = string
            self.tag = tag
            self.mark = mark
            self.isQuoted = isQuoted
        }
    }

    /// Key-value pairs in the order written.
    public struct Mapping: Sendable, RandomAccessCollection {
        public var pairs: [(key: Node, value: Node)]
        public var tag: String
        public var mark: Mark?

        public init(_ pairs: [(Node, Node)], tag: String = Node.mappingTag, mark: Mark? = nil) {
            self.pairs = pairs.map { (key: $0.0, value: $0.1) }
            self.tag = tag
            self.mark = mark
        }

        /// Pairs already labelled, taken as they are (no copy of a long mapping).
        public init(pairs: [(key: Node, value: Node)], tag: String = Node.mappingTag, mark: Mark? = nil) {
            self.pairs = pairs
            self.tag = tag
            self.mark = mark
        }

        public var startIndex: Int { pairs.startIndex }
        public var endIndex: Int { pairs.endIndex }
        public subscript(position: Int) -> (key: Node, value: Node) { pairs[position] }
    }

    public struct Sequence: Sendable, RandomAccessCollection {
        public var nodes: [Node]
        public var tag: String
        public var mark: Mark?

        public init(_ nodes: [Node], tag: String = Node.sequenceTag, mark: Mark? = nil) {
            self.nodes = nodes
            self.tag = tag
            self.mark = mark
        }

        public var startIndex: Int { nodes.startIndex }
        public var endIndex: Int { nodes.endIndex }
        public subscript(position: Int) -> Node { nodes[position] }
    }

    public var mark: Mark? {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .mapping(let mapping): mapping.mark
        case .sequence(let sequence): sequence.mark
        }
    }

    public var tag: String {
        switch self {
        case .scalar(let scalar): scalar.tag
        case .mapping(let mapping): mapping.tag
        case .sequence(let sequence): sequence.tag
        }
    }

    public var scalar: Scalar? {
        if case .scalar(let scalar) = self { scalar } else { nil }
    }
}
