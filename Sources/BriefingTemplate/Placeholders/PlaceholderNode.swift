import Mustache

/// One value a placeholder can name. `{{fig.students}}` renders the node's text;
/// `{{fig.students.value}}` renders a child. Lookups are case-insensitive so `China` and
/// `china` both name a supplier.
final class PlaceholderNode: MustacheParent, MustacheCustomRenderable {
    let renderText: String
    private(set) var children: [String: PlaceholderNode]
    /// A node that only holds others (`fig`, `ref.chart`) and prints nothing of its own, even
    /// when it holds none (`series` in a template without series): a tag naming it would
    /// print nothing, which `TagScanner` refuses. A value whose text is empty (a claim, a
    /// note not given) is not a group.
    let isGroup: Bool

    convenience init(_ text: String, children: [String: PlaceholderNode] = [:]) {
        self.init(text: text, children: children, isGroup: false)
    }

    /// A group of the values `children` (more may be added).
    convenience init(group children: [String: PlaceholderNode] = [:]) {
        self.init(text: "", children: children, isGroup: true)
    }

    private init(text: String, children: [String: PlaceholderNode], isGroup: Bool) {
        renderText = text
        self.children = Dictionary(children.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.isGroup = isGroup
    }

    var isNull: Bool { false }

    func child(named name: String) -> Any? { node(name.lowercased()) }

    func add(_ name: String, _ node: PlaceholderNode) {
        let key = name.lowercased()
        pending[key] = nil
        children[key] = node
    }

    /// Children made on first use: a fact base of thousands of events builds the few nodes
    /// its texts name, not all of them (each is a handful of formatted strings and a
    /// dictionary; making all 2,000 was 8% of a 2,000-event timeline's run).
    private var pending: [String: () -> PlaceholderNode] = [:]

    func addLazily(_ name: String, _ make: @escaping () -> PlaceholderNode) {
        let key = name.lowercased()
        guard children[key] == nil else { return }
        pending[key] = make
    }

    /// The child by its lowercased name, made now if it was added lazily.
    private func node(_ key: String) -> PlaceholderNode? {
        if let made = children[key] { return made }
        guard let make = pending.removeValue(forKey: key) else { return nil }
        let made = make()
        children[key] = made
        return made
    }

    /// Resolves a dotted name (`fig.students.value`) from this node.
    func resolve(_ name: String) -> PlaceholderNode? {
        var node: PlaceholderNode? = self
        for part in name.split(separator: ".", omittingEmptySubsequences: false) {
            node = node?.node(part.lowercased())
        }
        return node
    }

    /// Every dotted name below this node, for "did you mean" hints.
    func allNames(prefix: String = "") -> [String] {
        for key in Array(pending.keys) { _ = node(key) }
        return children.sorted { $0.key < $1.key }.flatMap { key, node in
            let name = prefix.isEmpty ? key : "\(prefix).\(key)"
            return [name] + node.allNames(prefix: name)
        }
    }
}
