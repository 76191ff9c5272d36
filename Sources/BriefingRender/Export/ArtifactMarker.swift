import CLibdeflate
import Foundation

/// Marks what a page paints outside any structure element (running heads, footers, rules,
/// the cover band, chart decoration) as `/Artifact BMC … EMC`, as PDF/UA requires: content
/// is either tagged or an artifact. cairo 1.16 fails the whole surface on an "Artifact"
/// tag, so the marks are added to the content stream afterwards. A run is opened before the
/// first painting operator at marked-content depth 0, at the last point where no text object
/// or path was open, and closed before the next tagged sequence begins outside a text
/// object (cairo closes text objects before it starts a tag), or at the end. Painting is not
/// changed, only bracketed, so the page renders exactly as before.
enum ArtifactMarker {
    /// The content with its untagged painting bracketed, or nil when it cannot be done
    /// safely (an inline image, unbalanced marked content): the page is then left as it is.
    static func mark(_ content: [UInt8]) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(content.count + 512)
        var copied = 0
        var depth = 0  // marked content of the page's own (not counting an open artifact)
        var artifactOpen = false
        var inText = false, inPath = false
        var instructionStart = 0
        var safePoint = 0  // the latest instruction start with no text object or path open
        var index = 0
        let count = content.count

        var misplaced = false
        func insert(_ text: String, at position: Int) {
            guard position >= copied else {
                misplaced = true
                return
            }
            output += content[copied..<position]
            output += Array(text.utf8)
            copied = position
        }
        let white = Self.white, delimiter = Self.delimiter
        func isWhite(_ byte: UInt8) -> Bool { white[Int(byte)] }
        func isDelimiter(_ byte: UInt8) -> Bool { delimiter[Int(byte)] }

        while index < count {
            let byte = content[index]
            if isWhite(byte) {
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "%"):
                while index < count, content[index] != 0x0A, content[index] != 0x0D { index += 1 }
            case UInt8(ascii: "("):
                var nesting = 0
                while index < count {
                    let current = content[index]
                    if current == UInt8(ascii: "\\") {
                        index += 2
                        continue
                    }
                    if current == UInt8(ascii: "(") { nesting += 1 }
                    if current == UInt8(ascii: ")") {
                        nesting -= 1
                        if nesting == 0 {
                            index += 1
                            break
                        }
                    }
                    index += 1
                }
            case UInt8(ascii: "<"):
                if index + 1 < count, content[index + 1] == UInt8(ascii: "<") {
                    index += 2
                } else {
                    while index < count, content[index] != UInt8(ascii: ">") { index += 1 }
                    index += 1
                }
            case UInt8(ascii: ">"):
                index += index + 1 < count && content[index + 1] == UInt8(ascii: ">") ? 2 : 1
            case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                index += 1
            case UInt8(ascii: "/"):
                index += 1
                while index < count, !isWhite(content[index]), !isDelimiter(content[index]) { index += 1 }
            default:
                let start = index
                while index < count, !isWhite(content[index]), !isDelimiter(content[index]) { index += 1 }
                let word = content[start..<index]
                // A number is an operand; anything else is an operator ending the instruction.
                if let first = word.first,
                    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) || first == UInt8(ascii: "-")
                        || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
                {
                    continue
                }
                // The operator packed into an integer: no string for each of millions of them.
                guard word.count <= 3 else { continue }
                let op = word.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
                switch op {
                case Op.BI: return nil  // inline image data cannot be tokenized safely
                case Op.BDC, Op.BMC:
                    if artifactOpen, depth == 0, !inText, !inPath {
                        insert("EMC\n", at: instructionStart)
                        artifactOpen = false
                    }
                    depth += 1
                case Op.EMC:
                    if depth == 0 { return nil }  // closes something this pass did not see open
                    depth -= 1
                case Op.BT: inText = true
                case Op.ET: inText = false
                default: if Op.constructsPath(op) { inPath = true }
                }
                if depth == 0, !artifactOpen, Op.paints(op) {
                    insert("/Artifact BMC\n", at: safePoint)
                    artifactOpen = true
                }
                if Op.paintsPath(op) { inPath = false }
                // The next instruction starts after this operator.
                var next = index
                while next < count, isWhite(content[next]) { next += 1 }
                instructionStart = next
                if !inText, !inPath, depth == 0 { safePoint = next }
            }
        }
        guard depth == 0, !misplaced else { return nil }
        output += content[copied..<count]
        if artifactOpen { output += Array("\nEMC\n".utf8) }
        return output
    }

    /// PDF white space and delimiters, by byte.
    static let white: [Bool] = (0..<256).map { [0x20, 0x0A, 0x0D, 0x09, 0x0C, 0x00].contains($0) }
    static let delimiter: [Bool] = (0..<256).map { "()<>[]{}/%".utf8.map(Int.init).contains($0) }

    /// Operators as packed bytes (`Tj` is 0x546A).
    enum Op {
        static func code(_ text: String) -> UInt32 { text.utf8.reduce(UInt32(0)) { $0 << 8 | UInt32($1) } }
        // Written as numbers, so they are constants rather than initialised on first use.
        static let BI: UInt32 = 0x4249, BDC: UInt32 = 0x42_4443, BMC: UInt32 = 0x42_4D43, EMC: UInt32 = 0x45_4D43
        static let BT: UInt32 = 0x4254, ET: UInt32 = 0x4554
        static let pathConstruction = Set(["m", "l", "c", "v", "y", "h", "re"].map(code))
        static let pathPainting = Set(["S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n"].map(code))
        static let painting = pathPainting.subtracting([code("n")]).union(["Tj", "TJ", "'", "\"", "sh", "Do"].map(code))

        // The sets above as switches over the packed codes, for the marker's loop: a set
        // lookup (hashing, and the set's lazy initialisation checked) for each of a page's
        // operators was a third of marking it. The tests hold the two in agreement.

        /// m l c v y h re
        @inline(__always) static func constructsPath(_ op: UInt32) -> Bool {
            switch op {
            case 0x6D, 0x6C, 0x63, 0x76, 0x79, 0x68, 0x7265: true
            default: false
            }
        }

        /// S s f F f* B B* b b* n
        @inline(__always) static func paintsPath(_ op: UInt32) -> Bool {
            switch op {
            case 0x53, 0x73, 0x66, 0x46, 0x662A, 0x42, 0x422A, 0x62, 0x622A, 0x6E: true
            default: false
            }
        }

        /// Path painting but `n`, and Tj TJ ' " sh Do.
        @inline(__always) static func paints(_ op: UInt32) -> Bool {
            switch op {
            case 0x53, 0x73, 0x66, 0x46, 0x662A, 0x42, 0x422A, 0x62, 0x622A: true
            case 0x546A, 0x544A, 0x27, 0x22, 0x7368, 0x446F: true
            default: false
            }
        }
    }

    /// zlib-deflated, as `/FlateDecode` reads it: by libdeflate at its level 6, which took
    /// about half zlib's instructions at its default level on the same page contents and
    /// wrote a few percent fewer bytes (a 2,000-event timeline's page: 45 to 23 million
    /// instructions, 54,380 to 53,090 bytes).
    static func deflate(_ data: [UInt8]) -> [UInt8]? {
        guard let compressor = libdeflate_alloc_compressor(6) else { return nil }
        defer { libdeflate_free_compressor(compressor) }
        let bound = libdeflate_zlib_compress_bound(compressor, data.count)
        var output = [UInt8](repeating: 0, count: bound)
        let size = output.withUnsafeMutableBufferPointer { target in
            data.withUnsafeBufferPointer { source in
                libdeflate_zlib_compress(compressor, source.baseAddress, data.count, target.baseAddress, bound)
            }
        }
        guard size > 0 else { return nil }
        // Copied to its size: trimming would keep the bound's capacity (about the content's
        // own size), and a long briefing holds every page's deflated content at once.
        return Array(output[..<size])
    }
}
