import BriefingLayout
import Foundation

/// What the joined file has once for the whole document, written as a run writes it for a
/// document drawn in one piece: its page labels and bookmarks, the strings that name
/// destinations, and the notes' identifiers with the ID tree.
extension PDFPageMerge {
    /// cairo's page labels (`/P (i)` for a label that is not a number, `/S /D /St n` where a
    /// run of numbers starts), for labels given page by page.
    static func pageLabels(_ labels: [String]) -> PDFValue? {
        var nums: [PDFValue] = []
        var previous: Int?
        for (index, label) in labels.enumerated() where !label.isEmpty {
            if let number = Int(label), label.allSatisfy(\.isASCII), number > 0 {
                if let previous, number == previous + 1 {
                    // The run goes on.
                } else {
                    nums += [.integer(index), .dictionary([("/S", .token(Array("/D".utf8))), ("/St", .integer(number))])]
                }
                previous = number
            } else {
                nums += [.integer(index), .dictionary([("/P", .token(Array(CairoXref.textString(label).utf8)))])]
                previous = nil
            }
        }
        return nums.isEmpty ? nil : .dictionary([("/Nums", .array(nums))])
    }

    /// The bookmarks, as cairo writes them for flags 0 (closed): each entry with children
    /// counts them negated, and so does the root.
    static func outlineObjects(_ outline: [PagedDocument.OutlineEntry], rootID: Int32) -> [(Int32, [UInt8])] {
        guard !outline.isEmpty else { return [] }
        var parent = [Int32](repeating: rootID, count: outline.count)
        var stack: [(level: Int, index: Int)] = []
        for (index, entry) in outline.enumerated() {
            while let last = stack.last, last.level >= entry.level { stack.removeLast() }
            if let last = stack.last { parent[index] = rootID + 1 + Int32(last.index) }
            stack.append((entry.level, index))
        }
        func id(_ index: Int) -> Int32 { rootID + 1 + Int32(index) }
        var kidsOf: [Int32: [Int]] = [:]
        for index in outline.indices { kidsOf[parent[index], default: []].append(index) }
        func children(of node: Int32) -> [Int] { kidsOf[node] ?? [] }
        func links(_ node: Int32) -> [(String, PDFValue)] {
            let kids = children(of: node)
            guard let firstKid = kids.first, let lastKid = kids.last else { return [] }
            return [("/First", .reference(id(firstKid))), ("/Last", .reference(id(lastKid))), ("/Count", .integer(-kids.count))]
        }
        var objects: [(Int32, [UInt8])] = []
        var root: [UInt8] = []
        PDFValue.dictionary([("/Type", .token(Array("/Outlines".utf8)))] + links(rootID)).write(to: &root)
        objects.append((rootID, root))
        for (index, entry) in outline.enumerated() {
            let siblings = children(of: parent[index])
            let position = siblings.firstIndex(of: index)!
            var entries: [(key: String, value: PDFValue)] = [("/Title", .token(Array(CairoXref.textString(entry.title).utf8))), ("/Parent", .reference(parent[index]))]
            if position > 0 { entries.append(("/Prev", .reference(id(siblings[position - 1])))) }
            if position + 1 < siblings.count { entries.append(("/Next", .reference(id(siblings[position + 1])))) }
            entries += links(id(index)).map { ($0.0, $0.1) }
            entries.append(("/Dest", .token(Array(CairoXref.textString(entry.destination).utf8))))
            var bytes: [UInt8] = []
            PDFValue.dictionary(entries).write(to: &bytes)
            objects.append((id(index), bytes))
        }
        return objects
    }

    /// A string token's bytes: a literal string with its escapes undone, or a hex string decoded.
    static func decodedString(_ token: [UInt8]) -> [UInt8] {
        guard let first = token.first else { return [] }
        if first == UInt8(ascii: "<") {
            let digits = token.dropFirst().prefix { $0 != UInt8(ascii: ">") }.compactMap { byte -> UInt8? in
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
                default: return nil
                }
            }
            var bytes: [UInt8] = []
            var index = 0
            while index < digits.count {
                bytes.append(digits[index] << 4 | (index + 1 < digits.count ? digits[index + 1] : 0))
                index += 2
            }
            return bytes
        }
        guard first == UInt8(ascii: "("), token.count >= 2 else { return token }
        var bytes: [UInt8] = []
        var index = 1
        let end = token.count - 1
        while index < end {
            let byte = token[index]
            index += 1
            guard byte == UInt8(ascii: "\\"), index < end else {
                bytes.append(byte)
                continue
            }
            let escaped = token[index]
            index += 1
            switch escaped {
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = Int(escaped - UInt8(ascii: "0"))
                var digits = 1
                while digits < 3, index < end, token[index] >= UInt8(ascii: "0"), token[index] <= UInt8(ascii: "7") {
                    value = value * 8 + Int(token[index] - UInt8(ascii: "0"))
                    index += 1
                    digits += 1
                }
                bytes.append(UInt8(truncatingIfNeeded: value))
            case 0x0A: continue
            case 0x0D:
                if index < end, token[index] == 0x0A { index += 1 }
            default: bytes.append(escaped)
            }
        }
        return bytes
    }

    /// Bytes as a literal string, escaped.
    static func literalString(_ bytes: [UInt8]) -> [UInt8] {
        var token: [UInt8] = [UInt8(ascii: "(")]
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\\"): token += [UInt8(ascii: "\\"), byte]
            case 0x0A: token += Array("\\n".utf8)
            case 0x0D: token += Array("\\r".utf8)
            default: token.append(byte)
            }
        }
        token.append(UInt8(ascii: ")"))
        return token
    }

    /// The N of a Note's `/ID` string `note.N`, as the finisher writes it.
    static func noteNumber(_ token: [UInt8]) -> Int? {
        let text = decodedString(token)
        guard text.starts(with: Array("note.".utf8)) else { return nil }
        return Int(String(decoding: text.dropFirst(5), as: UTF8.self))
    }

    /// The structure tree's `/IDTree`: each element identifier and its element, sorted by
    /// the identifier's bytes as a name tree must be.
    static func idTree(_ entries: [(name: [UInt8], element: Int32)]) -> PDFValue {
        let sorted = entries.sorted { $0.name.lexicographicallyPrecedes($1.name) }
        return .dictionary([("/Names", .array(sorted.flatMap { [PDFValue.token(literalString($0.name)), .reference($0.element)] }))])
    }
}

