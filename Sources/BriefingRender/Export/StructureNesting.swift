import BriefingLayout

/// Checks, before cairo sees them, that the layout's structure elements nest: every end
/// closes the element the last unclosed begin opened (across pages: a list may continue
/// on the next page), and every element opened is closed by the last page. cairo 1.16 would
/// otherwise fail the whole surface with "invalid tag name, attributes, or nesting" and
/// no hint of where; a layout bug found here is named at its item.
enum StructureNesting {
    /// The first item that breaks the nesting, with what is wrong; nil when every element nests.
    static func problem(in document: PagedDocument) -> (page: Int, item: Int, message: String)? {
        var open: [(role: StructureRole, page: Int, item: Int)] = []
        for (page, content) in document.pages.enumerated() {
            for (index, item) in content.items.enumerated() {
                switch item {
                case .beginStructure(let role):
                    open.append((role, page, index))
                case .endStructure(let role):
                    guard let last = open.popLast() else {
                        return (page, index, "the end of a \(role.tag) element with none open")
                    }
                    guard last.role.tag == role.tag else {
                        return (
                            page, index,
                            "the end of a \(role.tag) element while a \(last.role.tag) element (opened on page \(last.page + 1)) is open"
                        )
                    }
                default:
                    continue
                }
            }
        }
        if let last = open.last {
            return (last.page, last.item, "a \(last.role.tag) element is never closed")
        }
        return nil
    }
}
