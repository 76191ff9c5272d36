import Mustache

/// One value a placeholder can name. `{{fig.students}}` renders the node's text;
/// `{{fig.students.value}}` renders a child. Lookups are case-insensitive so `China` and
/// `china` both name a supplier.
final class PlaceholderNode: MustacheParent, MustacheCustomRenderable {
    let renderText: String
    private(set) var children: [String: PlaceholderNode]

    init(_ text: String, children: [String: PlaceholderNode] = [:]) {
        self.renderText = text
        self.children = Dictionary(children.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    var isNull: Bool { false }

    func child(named name: String) -> Any? { children[name.lowercased()] }

    func add(_ name: String, _ node: PlaceholderNode) { children[name.lowercased()] = node }

    /// Resolves a dotted name (`fig.students.value`) from this node.
    func resolve(_ name: String) -> PlaceholderNode? {
        var node: PlaceholderNode? = self
        for part in name.split(separator: ".", omittingEmptySubsequences: false) {
            node = node?.children[part.lowercased()]
        }
        return node
    }

    /// Every dotted name below this node, for "did you mean" hints.
    func allNames(prefix: String = "") -> [String] {
        children.sorted { $0.key < $1.key }.flatMap { key, node in
            let name = prefix.isEmpty ? key : "\(prefix).\(key)"
            return [name] + node.allNames(prefix: name)
        }
    }
}
