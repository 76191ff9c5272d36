import BriefingLayout
import BriefingModel
import CLinux
import CQPDF
import Foundation

/// Completes the PDF cairo 1.16 writes into one a PDF/UA-1 reader accepts, through libqpdf:
/// cairo drops a figure's alt text and writes no catalog language, no XMP metadata, no
/// `DisplayDocTitle`, no link `/Contents` and no page `/Tabs`, and says PDF 1.5. What the
/// layout knows (each figure's alt text and each link's target, in drawing order) is matched
/// to what cairo wrote, and any disagreement fails the export rather than mislabel a figure.
/// libqpdf reads and changes the objects; the file is then written in one pass over cairo's
/// bytes with the changed objects' new text (`PDFRewrite`): libqpdf's own writer cost as
/// much as drawing the pages (about 1 s for 354 pages). The header says 1.7 and the catalog
/// `/Version` agrees. No clock, no random ID: the
/// bytes repeat for the same inputs.
public enum PDFFinisher {
    public struct FinishError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { "PDF post-processing: \(message)" }
    }

    /// The pages marked by the last finish, by their content as cairo wrote it: a process
    /// that builds again and again (watch) re-marks and re-deflates only the pages whose
    /// content changed. Holds one document's pages at a time.
    public final class PageCache {
        var marked: [Data: [UInt8]] = [:]
        /// The other streams cairo left uncompressed, deflated (`StreamCompression`).
        var deflated: StreamCompression.Cache = [:]
        /// Each page's finished PDF, for a writer that joins them (`PagewisePDF`).
        public let pagewise = PagewisePDF()
        public init() {}
    }

    /// libqpdf can be opened (it is opened at run time, not linked).
    public static var libraryAvailable: Bool { QPDFLibrary.isAvailable }

    /// Opens libqpdf on another thread, for a run that will finish a PDF later.
    public static func preloadLibrary() { QPDFLibrary.preload() }

    public static func finish(
        _ pdf: Data, document: PagedDocument, standard: Standard, cache: PageCache? = nil, marking: PageMarking? = nil
    ) throws -> Data {
        try finish(pdf, facts: Facts(document), standard: standard, cache: cache, marking: marking)
    }

    /// - Parameter pdf: cairo's bytes, let go of when the finished file is made.
    /// - Parameter marking: the pages marked while cairo wrote (`PageMarking`).
    public static func finish(
        _ pdf: consuming Data, facts: Facts, standard: Standard, cache: PageCache? = nil, marking: PageMarking? = nil
    ) throws -> Data {
        guard standard != .none else { return try compressedOnly(pdf) }
        // What cairo freed when it was destroyed goes back first, then libqpdf's parsed
        // objects (at 354 pages, 9 MiB of small blocks) before the output is assembled, then
        // the marked pages and cairo's bytes before the file is published: freed heap pages
        // otherwise stay resident, and the next large blocks come on top.
        malloc_trim(0)
        let finished: Data
        do {
            let rewrite = try edits(consume pdf, facts: facts, standard: standard, cache: cache, marking: marking)
            malloc_trim(0)
            finished = try rewrite.bytes()
        }
        malloc_trim(0)
        return finished
    }

    /// cairo's file with its uncompressed streams deflated and nothing else changed: no
    /// libqpdf, no ID, the header and trailer as cairo wrote them. A file cairo compressed
    /// itself comes back as it is.
    static func compressedOnly(_ pdf: Data) throws -> Data {
        let offsets = CairoXref.offsets(pdf)
        var kept: StreamCompression.Cache? = nil
        let streams = StreamCompression.replacements(in: pdf, offsets: offsets, skipping: [], previous: [:], kept: &kept)
        guard !streams.isEmpty else { return pdf }
        guard let xrefStart = PDFTail.startXref(pdf), let root = PDFTail.trailerReference("/Root", in: pdf, from: xrefStart) else {
            throw FinishError(message: "cairo's PDF has no readable trailer")
        }
        let info = PDFTail.trailerReference("/Info", in: pdf, from: xrefStart) ?? 0
        return try PDFRewrite(
            original: pdf, offsets: offsets, xrefStart: xrefStart, replacements: streams, contentStreams: [:], appended: [], catalog: root,
            info: info, fileID: nil
        ).bytes()
    }

    /// The changes, worked out with libqpdf, which is closed again when this returns.
    private static func edits(_ pdf: Data, facts: Facts, standard: Standard, cache: PageCache?, marking: PageMarking?) throws -> PDFRewrite {
        guard QPDFLibrary.isAvailable else {
            let claims = [standard.accessible ? "PDF/UA-1" : nil, standard.archival ? "PDF/A-2b" : nil].compactMap { $0 }
            throw RenderError.missingLibrary(
                name: "libqpdf", package: "libqpdf29",
                needed: "it completes the PDF for \(claims.joined(separator: " and ")) (only --pdf-standard none does without it)")
        }
        guard let qpdf = qpdf_init() else { throw FinishError(message: "libqpdf did not start") }
        defer {
            var handle: qpdf_data? = qpdf
            qpdf_cleanup(&handle)
        }
        qpdf_silence_errors(qpdf)
        qpdf_set_suppress_warnings(qpdf, 1)
        // The file's ID is a hash of all of it: summed as cairo wrote it, or read once here
        // (then let go of until needed).
        let fileID = String((marking?.fileHash(of: pdf.count) ?? InputHash.hex(of: pdf)).prefix(32))
        SpilledMappings.release(pdf, 0..<pdf.count)
        let read = pdf.withUnsafeBytes { bytes in
            qpdf_read_memory(qpdf, "briefing.pdf", bytes.baseAddress?.assumingMemoryBound(to: CChar.self), UInt64(bytes.count), nil)
        }
        try check(qpdf, read)
        var file = QPDFFile(qpdf: qpdf, original: pdf)
        try file.completeCatalog(facts.metadata, standard: standard)
        try file.labelLinks(facts)
        file.releaseOriginal()
        try file.describeFigures(facts)
        try file.scopeTableHeaders()
        try file.identifyNotes()
        try file.mapCIDFonts()
        file.releaseOriginal()
        if standard.archival { try file.stopInterpolation() }
        try file.markArtifacts(cache: cache, premarked: marking?.marked() ?? [:])
        file.compressStreams(cache: cache)
        // Read again only in part from here on (link annotations, unchanged objects).
        SpilledMappings.release(pdf, 0..<pdf.count)
        let rewrite = try file.rewrite(fileID: fileID)
        try check(qpdf, QPDF_SUCCESS)
        return rewrite
    }

    static func check(_ qpdf: qpdf_data, _ code: QPDF_ERROR_CODE) throws {
        guard code & Int32(QPDF_ERRORS) != 0 || qpdf_has_error(qpdf) != 0 else { return }
        let message = qpdf_get_error(qpdf).flatMap { qpdf_get_error_full_text(qpdf, $0) }.map { String(cString: $0) } ?? "error \(code)"
        throw FinishError(message: message)
    }
}

/// The open document, with the few object operations the finisher needs.
private struct QPDFFile {
    let qpdf: qpdf_data
    /// cairo's bytes and where each object starts in them (its xref table), for the objects
    /// edited as text: thousands of link annotations, which libqpdf would parse one by one.
    let original: Data
    let offsets: [Int32: Int]
    /// Link annotations' new text, by object number, spliced into cairo's object with
    /// `/F 4` (printed, as PDF/A requires; cairo writes no flags).
    var linkContents: [Int32: String] = [:]
    /// Objects whose dictionary was edited as text, whole (an image that must not ask for
    /// interpolation); the stream data after it is copied unchanged.
    var editedObjects: [Int32: [UInt8]] = [:]
    /// Page content streams with their untagged painting marked as artifacts, deflated.
    var contentStreams: [Int32: [UInt8]] = [:]
    /// The other streams cairo left uncompressed, deflated, whole objects' text by number.
    var compressedStreams: [Int32: [UInt8]] = [:]

    init(qpdf: qpdf_data, original: Data) {
        self.qpdf = qpdf
        self.original = original
        offsets = CairoXref.offsets(original)
    }
    /// Object numbers of the indirect objects changed, to write in the update.
    var changed = Set<Int32>()
    /// New streams (the XMP metadata, the output intent's ICC profile), numbered after the
    /// last object and written by hand: qpdf's unparse does not give a stream's data.
    var appended: [(id: Int32, dictionary: String, data: Data)] = []
    /// Entries added to the catalog's text, referring to the appended streams.
    var catalogEntries = ""

    /// Records that the indirect object `object` changed; a direct one cannot be written on
    /// its own, so the finisher refuses rather than lose the change.
    mutating func touch(_ object: qpdf_oh) throws {
        let id = qpdf_oh_get_object_id(qpdf, object)
        guard id > 0, qpdf_oh_get_generation(qpdf, object) == 0 else {
            throw PDFFinisher.FinishError(message: "a changed object is not an indirect object of generation 0")
        }
        changed.insert(id)
    }

    func key(_ object: qpdf_oh, _ name: String) -> qpdf_oh? {
        guard qpdf_oh_has_key(qpdf, object, name) != 0 else { return nil }
        return qpdf_oh_get_key(qpdf, object, name)
    }

    func name(_ object: qpdf_oh) -> String? {
        guard qpdf_oh_is_name(qpdf, object) != 0 else { return nil }
        return qpdf_oh_get_name(qpdf, object).map { String(cString: $0) }
    }

    func items(_ object: qpdf_oh) -> [qpdf_oh] {
        if qpdf_oh_is_array(qpdf, object) != 0 {
            return (0..<qpdf_oh_get_array_n_items(qpdf, object)).map { qpdf_oh_get_array_item(qpdf, object, $0) }
        }
        return [object]
    }

    func text(_ value: String) -> qpdf_oh { qpdf_oh_new_unicode_string(qpdf, value) }

    /// Catalog `/Lang`, `/MarkInfo`, `/ViewerPreferences`, the Info dates in the form PDF
    /// requires (cairo 1.16 leaves out "D:") and an XMP stream that says the same as Info.
    mutating func completeCatalog(_ metadata: PagedDocument.Metadata, standard: PDFFinisher.Standard) throws {
        let root = qpdf_get_root(qpdf)
        try touch(root)
        let language = metadata.language.isEmpty ? "en" : metadata.language
        qpdf_oh_replace_key(qpdf, root, "/Lang", text(language))
        qpdf_oh_replace_key(qpdf, root, "/MarkInfo", qpdf_oh_parse(qpdf, "<< /Marked true >>"))
        qpdf_oh_replace_key(qpdf, root, "/ViewerPreferences", qpdf_oh_parse(qpdf, "<< /DisplayDocTitle true >>"))
        qpdf_oh_replace_key(qpdf, root, "/Version", qpdf_oh_new_name(qpdf, "/1.7"))
        if let info = key(qpdf_get_trailer(qpdf), "/Info") {
            for date in ["/CreationDate", "/ModDate"] {
                if let value = qpdf_get_info_key(qpdf, date).map({ String(cString: $0) }), !value.isEmpty, !value.hasPrefix("D:") {
                    qpdf_set_info_key(qpdf, date, "D:" + value)
                    try touch(info)
                }
            }
        }
        let producer = qpdf_get_info_key(qpdf, "/Producer").map { String(cString: $0) } ?? ""
        let xmp = Data(XMP.packet(metadata, language: language, producer: producer, standard: standard).utf8)
        // The stream is a new object numbered after the last (the trailer's /Size), written
        // by hand with the catalog's reference to it: asking libqpdf for a new object makes it
        // parse every object in the file first (half a second at 354 pages), and a reference
        // to an object it does not know crashes its cleanup.
        let id = Int32(key(qpdf_get_trailer(qpdf), "/Size").map { qpdf_oh_get_int_value_as_int(qpdf, $0) } ?? 0)
        guard id > 0 else { throw PDFFinisher.FinishError(message: "the trailer has no /Size") }
        qpdf_oh_remove_key(qpdf, root, "/Metadata")
        // PDF/A keeps the metadata stream unfiltered, so any reader can find it.
        appended.append((id, "/Type /Metadata /Subtype /XML", xmp))
        catalogEntries += " /Metadata \(id) 0 R"
        if standard.archival {
            // The output intent: every DeviceRGB colour in the file means sRGB.
            let profile = try ColorProfile.sRGB()
            appended.append((id + 1, "/N 3", profile))
            qpdf_oh_remove_key(qpdf, root, "/OutputIntents")
            catalogEntries +=
                " /OutputIntents [<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1)"
                + " /RegistryName (http://www.color.org) /Info (sRGB IEC61966-2.1) /DestOutputProfile \(id + 1) 0 R >>]"
        }
    }

    /// PDF/A forbids `/Interpolate true` on images, which cairo writes for a smoothly scaled
    /// image; viewers then draw its pixels as they choose. Edited in place, one byte longer.
    mutating func stopInterpolation() throws {
        let flag = "/Interpolate true"
        for id in CairoXref.objects(in: original, containing: flag, offsets: offsets) {
            guard let body = CairoXref.object(id, in: original, offsets: offsets),
                let hit = CairoXref.find(flag, in: body, from: body.startIndex)
            else { continue }
            if let stream = CairoXref.find("stream", in: body, from: body.startIndex), stream < hit { continue }
            editedObjects[id] = Array(body[..<hit]) + Array("/Interpolate false".utf8) + Array(body[(hit + flag.utf8.count)...])
        }
    }

    /// `/CIDToGIDMap /Identity` on each TrueType CID font: cairo 1.16 leaves it out (the
    /// default it relies on is Identity), and PDF/A requires it written.
    mutating func mapCIDFonts() throws {
        for id in CairoXref.objects(in: original, containing: "/Subtype /CIDFontType2", offsets: offsets) {
            let font = qpdf_get_object_by_id(qpdf, id, 0)
            guard key(font, "/Subtype").flatMap(name) == "/CIDFontType2", key(font, "/CIDToGIDMap") == nil else { continue }
            qpdf_oh_replace_key(qpdf, font, "/CIDToGIDMap", qpdf_oh_new_name(qpdf, "/Identity"))
            try touch(font)
        }
    }

    /// `/Tabs /S` on every page (tab order follows the structure) and `/Contents` on every
    /// link annotation: where it goes, in the words a screen reader says.
    mutating func labelLinks(_ facts: PDFFinisher.Facts) throws {
        let pages = Int(qpdf_get_num_pages(qpdf))
        guard pages == facts.pageLinks.count else {
            throw PDFFinisher.FinishError(message: "the PDF has \(pages) pages, the layout \(facts.pageLinks.count)")
        }
        for index in 0..<pages {
            // The annotations lie between the pages' contents: what was read for them goes
            // back as the pages go by (`releaseOriginal`).
            releaseOriginal()
            let page = qpdf_get_page_n(qpdf, index)
            qpdf_oh_replace_key(qpdf, page, "/Tabs", qpdf_oh_new_name(qpdf, "/S"))
            try touch(page)
            // The links the painter drew, in drawing order: the order cairo lists them.
            let targets = facts.pageLinks[index]
            // cairo writes only link annotations, each an object of its own: their numbers
            // come from the page's /Annots without parsing them.
            let annotations = key(page, "/Annots").map(items) ?? []
            let links = annotations.map { qpdf_oh_get_object_id(qpdf, $0) }
            guard links.count == targets.count, links.allSatisfy({ isLinkAnnotation($0) }) else {
                throw PDFFinisher.FinishError(
                    message: "page \(index + 1) has \(links.count) annotations but the layout drew \(targets.count) links")
            }
            for (id, target) in zip(links, targets) {
                switch target {
                case .uri(let uri): linkContents[id] = "Link to \(uri)"
                case .destination(let name): linkContents[id] = "Go to \(facts.titles[name] ?? Self.describe(destination: name))"
                }
            }
            // The C API keeps every handle until released; a page's are not needed again.
            qpdf_oh_release_all(qpdf)
        }
    }

    /// A destination without an outline entry, by the kind its name gives away.
    static func describe(destination name: String) -> String {
        if name.hasPrefix("source-") { return "source \(name.dropFirst("source-".count)) in the list of sources" }
        if name.hasPrefix("figure-") { return "figure \(name.dropFirst("figure-".count))" }
        if let note = name.range(of: ".note-") { return "note \(name[note.upperBound...])" }
        return name.replacingEvery("-", with: " ")
    }

    /// `/Alt` on every Figure element, in the order the layout drew the figures.
    mutating func describeFigures(_ facts: PDFFinisher.Facts) throws {
        let alts = facts.figureAlts
        let figures = try figureElements()
        guard figures.count == alts.count else {
            throw PDFFinisher.FinishError(message: "the PDF has \(figures.count) Figure elements but the layout drew \(alts.count) figures")
        }
        for (id, alt) in zip(figures, alts) {
            let figure = qpdf_get_object_by_id(qpdf, id, 0)
            qpdf_oh_replace_key(qpdf, figure, "/Alt", text(alt))
            try touch(figure)
        }
        qpdf_oh_release_all(qpdf)
    }

    /// What the rewrite changes, read out of libqpdf while it is open: each changed object's
    /// new text, by number, and the trailer's references. The bytes are then assembled with
    /// libqpdf closed (`PDFRewrite`), so its parsed objects are not held beside the output.
    func rewrite(fileID: String) throws -> PDFRewrite {
        guard let xrefStart = PDFTail.startXref(original), !offsets.isEmpty else {
            throw PDFFinisher.FinishError(message: "cairo's PDF has no readable xref table")
        }
        var replacements: [Int32: [UInt8]] = [:]
        let catalog = qpdf_oh_get_object_id(qpdf, qpdf_get_root(qpdf))
        for (number, id) in changed.enumerated() {
            if number % 16 == 15 { releaseOriginal() }
            guard let unparsed = qpdf_oh_unparse_resolved(qpdf, qpdf_get_object_by_id(qpdf, id, 0)) else { continue }
            var body = Array(
                UnsafeBufferPointer(start: UnsafeRawPointer(unparsed).assumingMemoryBound(to: UInt8.self), count: strlen(unparsed)))
            if id == catalog, !catalogEntries.isEmpty, body.suffix(2) == Array(">>".utf8) {
                body.removeLast(2)
                body += Array("\(catalogEntries) >>".utf8)
            }
            replacements[id] = body
        }
        for (id, body) in editedObjects { replacements[id] = body }
        for (id, body) in compressedStreams where replacements[id] == nil { replacements[id] = body }
        // Each rewritten page's length object holds its new length.
        var contentLengths: [Int32: Int32] = [:]
        for (number, (id, stream)) in contentStreams.enumerated() {
            if number % 16 == 15 { releaseOriginal() }
            guard let length = StreamCompression.Stream.lengthObject(of: id, in: original, offsets: offsets), replacements[length] == nil
            else { continue }
            contentLengths[id] = length
            replacements[length] = Array("\(stream.count)".utf8)
        }
        for (number, (id, words)) in linkContents.enumerated() {
            if number % 16 == 15 { releaseOriginal() }
            guard let body = CairoXref.object(id, in: original, offsets: offsets),
                let open = CairoXref.find("<<", in: body, from: body.startIndex)
            else {
                throw PDFFinisher.FinishError(message: "link annotation \(id) not found in cairo's file")
            }
            replacements[id] =
                Array(body[..<(open + 2)]) + Array(" /Contents \(CairoXref.textString(words)) /F 4".utf8) + Array(body[(open + 2)...])
        }
        let info = key(qpdf_get_trailer(qpdf), "/Info").map { qpdf_oh_get_object_id(qpdf, $0) } ?? 0
        var rewrite = PDFRewrite(
            original: original, offsets: offsets, xrefStart: xrefStart, replacements: replacements, contentStreams: contentStreams,
            appended: appended, catalog: catalog, info: info, fileID: fileID)
        rewrite.contentLengths = contentLengths
        return rewrite
    }

    /// The Figure elements in drawing order. cairo writes each structure element as an
    /// object of its own (`<< /Type /StructElem /S /Figure /P 3 0 R /Pg 12 0 R /K 4 ...`): they
    /// are found in its bytes, checked through libqpdf and ordered by their page and marked
    /// content id, which cairo numbers in drawing order on each page, so no other element of
    /// a long briefing is parsed. A figure may stand anywhere in the tree (in a list item, a
    /// table cell); one without a page or marked content is refused rather than guessed at.
    func figureElements() throws -> [Int32] {
        let found = CairoXref.objects(in: original, containing: "/S /Figure", offsets: offsets)
        guard !found.isEmpty else { return [] }
        var pageIndex: [Int32: Int] = [:]
        for index in 0..<Int(qpdf_get_num_pages(qpdf)) {
            pageIndex[qpdf_oh_get_object_id(qpdf, qpdf_get_page_n(qpdf, index))] = index
        }
        var keyed: [(id: Int32, page: Int, mcid: Int)] = []
        for id in found {
            let element = qpdf_get_object_by_id(qpdf, id, 0)
            guard key(element, "/S").flatMap(name) == "/Figure" else {
                throw PDFFinisher.FinishError(message: "object \(id) is not a Figure structure element")
            }
            guard let page = key(element, "/Pg").flatMap({ pageIndex[qpdf_oh_get_object_id(qpdf, $0)] }),
                let mcid = key(element, "/K").flatMap({ firstMarkedContent($0) })
            else {
                throw PDFFinisher.FinishError(message: "Figure element \(id) has no page or marked content to order it by")
            }
            keyed.append((id, page, mcid))
        }
        return keyed.sorted { ($0.page, $0.mcid) < ($1.page, $1.mcid) }.map(\.id)
    }

    /// The first marked-content id an element's `/K` holds: an integer, or the first in an array.
    private func firstMarkedContent(_ kids: qpdf_oh) -> Int? {
        for kid in items(kids) where qpdf_oh_is_integer(qpdf, kid) != 0 {
            return Int(qpdf_oh_get_int_value_as_int(qpdf, kid))
        }
        return nil
    }

    /// Header cells head their column (`/A << /O /Table /Scope /Column >>`): tables have a
    /// header row, repeated on each page, and no header column.
    mutating func scopeTableHeaders() throws {
        for id in CairoXref.objects(in: original, containing: "/S /TH", offsets: offsets) {
            let cell = qpdf_get_object_by_id(qpdf, id, 0)
            guard key(cell, "/S").flatMap(name) == "/TH" else { continue }
            qpdf_oh_replace_key(qpdf, cell, "/A", qpdf_oh_parse(qpdf, "<< /O /Table /Scope /Column >>"))
            try touch(cell)
        }
    }

    /// Every Note element gets the unique `/ID` PDF/UA-1 (7.9) requires, numbered in the
    /// order cairo wrote them, and the structure tree the `/IDTree` that PDF 1.7 (14.7.2)
    /// requires once any element has an identifier: each name with its element, sorted by
    /// the name's bytes.
    mutating func identifyNotes() throws {
        var identified: [(name: String, id: Int32)] = []
        for id in CairoXref.objects(in: original, containing: "/S /Note", offsets: offsets) {
            let note = qpdf_get_object_by_id(qpdf, id, 0)
            guard key(note, "/S").flatMap(name) == "/Note" else { continue }
            let identifier = "note.\(identified.count + 1)"
            qpdf_oh_replace_key(qpdf, note, "/ID", qpdf_oh_new_string(qpdf, identifier))
            try touch(note)
            identified.append((identifier, id))
        }
        guard !identified.isEmpty, let root = key(qpdf_get_root(qpdf), "/StructTreeRoot") else { return }
        let names = identified.sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
            .map { "(\($0.name)) \($0.id) 0 R" }.joined(separator: " ")
        // Added to cairo's text of the object: libqpdf's parser, given references, leaves
        // handles its cleanup crashes on.
        let id = qpdf_oh_get_object_id(qpdf, root)
        guard id > 0, let body = CairoXref.object(id, in: original, offsets: offsets), body.suffix(2) == Data(">>".utf8) else {
            throw PDFFinisher.FinishError(message: "the structure tree root is not an object of its own")
        }
        editedObjects[id] = Array(body.dropLast(2)) + Array(" /IDTree << /Names [ \(names) ] >> >>".utf8)
    }

    /// Each page's content with what it paints outside structure elements marked as an
    /// artifact (`ArtifactMarker`). A page whose content is not one stream, or that the
    /// marker cannot read safely, is left as it is.
    mutating func markArtifacts(cache: PDFFinisher.PageCache?, premarked: [Int32: PageMarking.Page]) throws {
        // Read through libqpdf on this thread; marked and deflated on every core (pure work
        // on bytes, a page each), which is most of the finisher's time. A batch at a time,
        // so a long briefing's decoded pages are not all held at once.
        let previous = cache?.marked ?? [:]
        var marked: [Data: [UInt8]] = [:]
        let count = Int(qpdf_get_num_pages(qpdf))
        for batch in stride(from: 0, to: count, by: 16) {
            var pages: [(id: Int32, content: Data)] = []
            for index in batch..<min(count, batch + 16) {
                let page = qpdf_get_page_n(qpdf, index)
                guard let contents = key(page, "/Contents"), qpdf_oh_is_stream(qpdf, contents) != 0 else { continue }
                let id = qpdf_oh_get_object_id(qpdf, contents)
                var buffer: UnsafeMutablePointer<UInt8>?
                var length = 0
                guard qpdf_oh_get_page_content_data(qpdf, page, &buffer, &length) == QPDF_SUCCESS, let buffer, id > 0 else { continue }
                pages.append((id, Data(bytes: buffer, count: length)))
                free(buffer)
            }
            qpdf_oh_release_all(qpdf)
            // cairo's bytes (mapped from a file in a long briefing) hold these pages' content
            // uncompressed: the pages read for them go back before the next batch's are read.
            SpilledMappings.release(original, 0..<original.count)
            let results = ParallelMap.map(pages) { page -> [UInt8]? in
                if let cached = previous[page.content] { return cached }
                if let early = premarked[page.id], early.matches(page.content) { return early.marked }
                return ArtifactMarker.mark(Array(page.content)).flatMap(ArtifactMarker.deflate)
            }
            for (page, result) in zip(pages, results) {
                guard let result else { continue }
                contentStreams[page.id] = result
                if cache != nil { marked[page.content] = result }
            }
        }
        cache?.marked = marked
    }

    /// Deflates what cairo left uncompressed besides the marked pages (`StreamCompression`).
    mutating func compressStreams(cache: PDFFinisher.PageCache?) {
        var kept: StreamCompression.Cache? = cache == nil ? nil : [:]
        let skipping = Set(contentStreams.keys).union(editedObjects.keys).union(changed)
        compressedStreams = StreamCompression.replacements(
            in: original, offsets: offsets, skipping: skipping, previous: cache?.deflated ?? [:], kept: &kept)
        if let kept { cache?.deflated = kept }
    }

    /// Lets go of the pages of cairo's file read so far, when it is mapped from disk (a long
    /// briefing): its objects are read a few at a time, scattered between page contents
    /// cairo wrote uncompressed, and the kernel maps up to 64 KiB around each page read, so
    /// a few hundred objects read made most of the file resident. Called every few objects.
    func releaseOriginal() {
        SpilledMappings.release(original, 0..<original.count)
    }

    /// Whether cairo's object `id` is a link annotation.
    func isLinkAnnotation(_ id: Int32) -> Bool {
        guard let body = CairoXref.object(id, in: original, offsets: offsets) else { return false }
        return CairoXref.find("/Subtype /Link", in: body, from: body.startIndex) != nil
    }

}

/// The file's `/ID`: two FNV-1a 64-bit hashes of the bytes cairo wrote, as 32 hex digits.
/// An identifier, not a security measure; the same bytes always give the same ID.
enum InputHash {
    static func hex(of data: Data) -> String {
        var hash = FileIDHash()
        // A window at a time, each let go of once read: a long briefing's file is mapped
        // from disk, and reading it whole made all of it resident at once.
        let window = 1 << 20
        data.withUnsafeBytes { bytes in
            for start in stride(from: 0, to: bytes.count, by: window) {
                hash.add(UnsafeRawBufferPointer(rebasing: bytes[start..<min(bytes.count, start + window)]))
                SpilledMappings.release(data, start..<min(bytes.count, start + window))
            }
        }
        return hash.hex
    }
}

/// The hash the file ID is made of (two FNV-1a variants over every byte), fed in pieces:
/// `PageMarking` sums cairo's bytes on the other core as they are written, and the
/// finisher sums the file itself only when those were not all of it.
struct FileIDHash {
    private var first: UInt64 = 0xcbf2_9ce4_8422_2325
    private var second: UInt64 = 0x8422_2325_cbf2_9ce4
    /// Bytes summed so far.
    private(set) var count = 0

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var first = first, second = second
        for byte in bytes {
            first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 &+ 1
        }
        self.first = first
        self.second = second
        count += bytes.count
    }

    var hex: String { String(format: "%016llx%016llx", first, second) }
}
