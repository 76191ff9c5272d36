import BriefingContent
import BriefingLayout
import BriefingModel
import BriefingRender
import BriefingTemplate
import Foundation

/// The one way a briefing gets made, under every command (generate, chart, sections, the
/// scheduled job and what comes: watch, delivery):
///
/// 1. `load`: the template folder -> the validated model, the date and the chosen sections;
/// 2. `document`: placeholders expanded, Markdown parsed -> `Document`;
/// 3. `layout`: text measured and paginated -> `PagedDocument` (pages that draw on their own);
/// 4. `render`: PDF bytes, or one PNG or SVG per page.
///
/// Warnings go to the handler as they are found and are kept in the result; errors are
/// thrown (`generate` returns them as values). Nothing here writes a file or opens a store:
/// publishing the bytes (atomically, under a lock, with a manifest and an edition) is the
/// run's job (`RunContract` in BriefingRun), which calls `load` and `make` and hands in what
/// the output's editions say through an `EditionContextProvider`.
public final class Pipeline {
    public let world: World
    private let warn: (Diagnostic) -> Void
    private var fontLoad: Prefetch<PangoTextMeasurer>?
    /// The surface the fonts are made for, from the first request (`FontSetup.Target`).
    private var fontTarget: FontSetup.Target?
    /// Every warning so far, in the order reported (a pipeline may make several briefings).
    public private(set) var warnings: [Diagnostic] = []
    /// Warnings printed since the run began (a batch's row, a watch build).
    private var printed = Set<String>()
    public var timer: PhaseTimer
    /// Whether `load` starts the fonts loading on the other core. A run that may stop at
    /// "unchanged" (`--if-changed`) should not pay for fonts it will not use: layout then
    /// loads them when it first needs them.
    private let prefetchFonts: Bool
    /// Whether the measurer keeps each briefing's text layouts for the next briefing made
    /// (an audience, a batch's row, a watch rebuild reuse most of them). A process that makes
    /// one briefing turns it off: its pages alone hold their layouts, freed once drawn.
    public var reusesLayouts = true
    /// Whether layout measures the last sections on the other core meanwhile
    /// (`LayoutEngine.measuresAhead`): for a process making its briefings one at a time,
    /// not for the workers of a batch, which keep both cores busy already.
    public var measuresAhead = false
    /// Whether this pipeline has laid out a briefing: the next (an audience's) finds most of
    /// its paragraphs measured already, and a helper would measure them again for nothing.
    private var laidOut = false
    /// Templates loaded so far, by folder and data file: a pipeline that makes several
    /// briefings from one template (one per audience) reads and validates it once.
    private var templates: [String: Template] = [:]
    /// The last few briefings made, by everything that decides their bytes: an audience that
    /// reads the same sections as the main output (the leadership, the whole briefing) gets
    /// those bytes instead of a second rendering. A few, not all: pages are large.
    private var made: [(key: MadeKey, output: BriefingOutput)] = []
    /// Pages the PDF finisher marked in the last build, for a process that builds again
    /// (made by `prepareRebuild`; a one-off run does not keep them).
    private var finishedPages: PDFFinisher.PageCache?
    /// Sections parsed in the last build, likewise (made by `prepareRebuild`).
    public private(set) var sections: SectionCache?
    /// How many pages the last PDF of a process that builds again drew (the others were kept
    /// from the build before: `PagewisePDF`); nil before `prepareRebuild`.
    public var pagesDrawn: Int? { finishedPages?.pagewise.lastDrawn }
    /// For a process that builds again: the stamp of the files each loaded template was read
    /// from (`TemplateStamp`).
    private var templateStamps: [String: String] = [:]

    /// Forgets loaded templates and made briefings: a pipeline otherwise works from the
    /// inputs as they were when it first read them, which is right for one run (the main
    /// output and its audiences agree) and wrong for a process that watches files change.
    public func forgetInputs() {
        templates.removeAll()
        made.removeAll()
    }

    /// Between builds of a long-running process: forgets the briefings made and the text
    /// layouts the last build did not use, keeping fonts, hyphenation patterns, the layouts
    /// of paragraphs that did not change, and the loaded template while its files do not
    /// change (`TemplateStamp`).
    public func prepareRebuild() {
        // Templates stay, checked against their files' stamps by the next load.
        made.removeAll()
        printed.removeAll()
        willBuildAgain()
        if case .folder = world.fonts, let measurer = try? fontLoad?.value() { measurer.forgetUnused() }
    }

    /// Before the first build of a process that builds again: what it makes is kept for the
    /// next (the PDF's pages, the parsed sections), so the first edit already redraws only
    /// the pages it changed.
    public func willBuildAgain() {
        if finishedPages == nil { finishedPages = PDFFinisher.PageCache() }
        if sections == nil { sections = SectionCache() }
    }

    /// Between the rows of a batch: the last row's template and briefings go (each row loads
    /// its own variant), and so do the text layouts it did not use; layouts it used stay, as
    /// most paragraphs read the same in every row. Memory stays that of one row, not the sum.
    public func prepareNextRow() {
        forgetInputs()
        printed.removeAll()
        if case .folder = world.fonts, let measurer = try? fontLoad?.value() { measurer.forgetUnused() }
    }

    private struct MadeKey: Equatable {
        var request: BriefingRequest
        var sections: [String]
        var date: FuzzyDate
        var changes: FactChanges?
    }

    public init(world: World, warnings: @escaping (Diagnostic) -> Void = { _ in }, prefetchFonts: Bool = false) {
        self.world = world
        self.warn = warnings
        self.prefetchFonts = prefetchFonts
        timer = PhaseTimer(environment: world.environment)
    }

    // A run that fails on its data must not exit while the font thread is inside fontconfig.
    deinit { joinBackgroundWork() }

    /// Waits for the font thread, if one was started: a process must not exit while it is
    /// inside fontconfig. For a pipeline kept until exit (`ProcessTimeline.keepUntilExit`),
    /// whose deinit never runs.
    public func joinBackgroundWork() { _ = try? fontLoad?.value() }

    /// Starts loading the bundled fonts on the other core, if they are not loading already:
    /// from `load` (unless the pipeline was made not to) or when text is first measured.
    /// - Parameter layout: whether pages will be laid out (hyphenation patterns are wanted).
    func startFonts(layout: Bool = true) {
        guard fontLoad == nil, case .folder(let folder) = world.fonts else { return }
        if let early = EarlyFonts.take(fontsDirectory: folder, layout: layout, target: fontTarget ?? .pdf) {
            fontLoad = early
            return
        }
        fontLoad = Prefetch.measurer(
            fontsDirectory: folder, layout: layout, drawnOn: fontTarget ?? .pdf, cache: CacheFolder.standard(environment: world.environment))
    }

    /// Notes the surface the request's pages are drawn on, before any font is made: PNG or
    /// SVG pages keep their own font options, anything else takes the PDF's.
    func chooseFontTarget(_ request: BriefingRequest) {
        guard fontTarget == nil else { return }
        fontTarget = request.formats.contains { $0 == .png || $0 == .svg } ? .image : .pdf
    }

    /// The measurer text is set with: the injected one, or the bundled fonts through Pango.
    func measurer() throws -> any TextMeasurer {
        switch world.fonts {
        case .measurer(let measurer): return measurer
        case .folder:
            startFonts()
            return try fontLoad!.value()
        }
    }

    // MARK: - Stages

    /// The template folder and data file exist: what a run checks before anything else.
    public func checkInputs(_ request: BriefingRequest) throws {
        try TemplateLoader.checkExists(directory: request.template, dataFile: request.data, files: world.files)
    }

    /// Loaded templates are kept by folder, data file and parameter values.
    private static func templateKey(_ request: BriefingRequest) -> String {
        "\(request.template.standardizedFileURL.path)\n\(request.data?.standardizedFileURL.path ?? "")"
            + request.parameters.sorted { $0.key < $1.key }.map { "\n\($0.key)=\($0.value)" }.joined()
    }

    /// Reads and checks the template (kept for the next load of the same one), resolves the
    /// date and the sections. Starts the fonts loading on the other core meanwhile.
    public func load(_ request: BriefingRequest) throws -> LoadedBriefing {
        chooseFontTarget(request)
        if prefetchFonts { startFonts(layout: request.formats.contains { $0.input == .pages }) }
        let key = Self.templateKey(request)
        // A rebuild reuses the loaded template while no file it was loaded from changed.
        let stamp = sections == nil ? nil : TemplateStamp.template(directory: request.template, dataFile: request.data)
        if let stamp, templateStamps[key] != stamp { templates[key] = nil }
        let template =
            try templates[key]
            ?? TemplateLoader.load(directory: request.template, dataFile: request.data, files: world.files, parameters: request.parameters)
        templates[key] = template
        templateStamps[key] = stamp
        let day = try BriefingDate.resolve(
            flag: request.date, environment: world.environment, policy: template.spec.datePolicy, now: world.now())
        let chosen = try SectionSelection.resolve(only: request.sections, skip: request.skip, sections: template.spec.sections)
        timer.mark("load")
        return LoadedBriefing(request: request, template: template, date: day, sections: chosen)
    }

    public func document(_ loaded: LoadedBriefing) throws -> Document {
        var document = try DocumentBuilder.build(
            template: loaded.template, date: loaded.date, sectionIDs: loaded.sections, changes: loaded.changes, cache: sections,
            context: sections == nil ? "" : TemplateStamp.sections(loaded, template: templateStamps[Self.templateKey(loaded.request)] ?? "")
        )
        try checkImages(document)
        if !document.failedClaims.isEmpty {
            guard loaded.request.draft else {
                throw ClaimsNeedReview(error: InputError(kind: .invalidData, diagnostics: document.failedClaims))
            }
            document.failedClaims.forEach { report(.warning($0.location, $0.message, hint: $0.hints.first)) }
            // A claim placed twice is one claim to review.
            let count = Set(document.failedClaims.map(\.message)).count
            document.draftBanner = document.labels.counted(count, one: .draftBannerOne, other: .draftBanner, ["count": "\(count)"])
        }
        document.warnings.forEach(report)
        timer.mark("document")
        return document
    }

    /// Every image decodes: a file whose header looked right but whose data is damaged stops
    /// the run (nothing is written) instead of leaving a blank space in the briefing.
    func checkImages(_ document: Document) throws {
        let blocks = document.keyJudgements + document.sections.flatMap(\.blocks)
        let broken = blocks.flatMap(\.images).filter { !ImageCheck.decodes($0) }
        guard !broken.isEmpty else { return }
        if broken.contains(where: { $0.format == .svg }), !ImageCheck.svgAvailable {
            throw InputError(
                kind: .missingInput, SourceLocation(file: broken.first { $0.format == .svg }!.path),
                "SVG images need librsvg, which cannot be opened", hint: "install it with: apt-get install librsvg2-2")
        }
        throw InputError(
            kind: .invalidData,
            diagnostics: broken.map {
                .error(
                    SourceLocation(file: $0.path),
                    "the image cannot be decoded (a damaged or unsupported \($0.format.rawValue.uppercased()) file)")
            })
    }

    /// Pages of the document; characters no bundled font can draw are reported here.
    public func layout(_ document: Document, loaded: LoadedBriefing) throws -> PagedDocument {
        let measurer = try measurer()
        timer.mark("fonts")
        let pango = measurer as? PangoTextMeasurer
        pango?.use(language: document.language)
        pango?.forgetMissingGlyphs()
        if let pango, !pango.hyphenationAvailable {
            warn(
                .warning(
                    SourceLocation(file: loaded.template.specFileName),
                    "no hyphenation patterns for language '\(document.language)'; justified lines may be loose",
                    hint: "install Debian's \(Hyphenator.package(for: document.language))"))
        }
        let pages = LayoutEngine(measurer: measurer, measuresAhead: measuresAhead && !laidOut).layout(
            document, creator: loaded.request.creator)
        laidOut = true
        pango?.saveHyphenation()
        if !reusesLayouts { pango?.forgetLayouts() }
        timer.mark("layout")
        if pages.coverOverflowLines > 0 {
            let spec = loaded.template.spec
            let file =
                (try? loaded.template.file(spec.keyJudgementsFile, at: spec.keyJudgementsLocation).displayName)
                ?? spec.keyJudgementsFile
            let lines = pages.coverOverflowLines
            report(
                .warning(
                    SourceLocation(file: file),
                    "the key judgements do not fit on the cover: \(lines) line\(lines == 1 ? "" : "s") over; they continue on a page of their own",
                    hint: "shorten them, or move a judgement into a section (fewer key figures leave more room)"))
        }
        for glyph in pango?.missingGlyphs ?? [] {
            report(
                .warning(
                    SourceLocation(file: loaded.template.dataFileName), glyph.description,
                    hint: "the bundled fonts cover Latin, Greek, Cyrillic, Urdu and Chinese"))
        }
        return pages
    }

    /// With `strict`, any warning since `first` (this run's first) fails the run before
    /// anything is written.
    public func checkStrict(_ request: BriefingRequest, since first: Int = 0) throws {
        let count = warnings.count - first
        guard request.strict, count > 0 else { return }
        throw InputError(
            kind: .invalidData, SourceLocation.argument("--strict"),
            "\(count == 1 ? "a warning" : "\(count) warnings") (above) made this run fail: nothing was written")
    }

    /// The bytes of the output, from the format's writer: one PDF, or one image per page.
    public func render(
        _ pages: consuming PagedDocument, document: Document? = nil, format: OutputFormat, dpi: Double,
        standard: PDFFinisher.Standard = .ua1,
        generator: String = "briefing"
    ) throws -> [Data] {
        var measurer: (any TextMeasurer)?
        if format.input == .document {
            measurer = try self.measurer()
            timer.mark("fonts")
        }
        let input = WriterInput(
            document: document, pages: consume pages, dpi: dpi, standard: standard, cache: finishedPages, measurer: measurer,
            generator: generator)
        return try Writers.writer(for: format).write(consume input) { timer.mark($0) }
    }

    // MARK: - Whole runs

    /// Every stage in order, with no edition history (no "what changed" panel); the
    /// failure, if any, as a value.
    public func generate(_ request: BriefingRequest) -> Result<BriefingOutput, Error> {
        Result {
            chooseFontTarget(request)
            startFonts()
            return try make(try load(request))
        }
    }

    /// The stages after `load`: the run looks at the loaded template first (its input
    /// digest decides `--if-changed`). `editions` says what the output's history adds: the
    /// fact base as edition rows and what changed since the edition compared with.
    public func make(_ loaded: LoadedBriefing, editions: (any EditionContextProvider)? = nil) throws -> BriefingOutput {
        var loaded = loaded
        if let editions {
            let context = try editions.context(for: loaded)
            loaded.factRows = context.factRows
            loaded.changes = context.changes
            timer.mark("changes")
        }
        let key = MadeKey(request: loaded.request, sections: loaded.sections, date: loaded.date, changes: loaded.changes)
        if var output = made.first(where: { $0.key == key })?.output {
            output.loaded = loaded
            timer.mark("reused")
            return output
        }
        let output = try build(loaded)
        made.insert((key, output), at: 0)
        if made.count > 2 { made.removeLast() }
        return output
    }

    private func build(_ loaded: LoadedBriefing) throws -> BriefingOutput {
        let first = warnings.count
        let document = try document(loaded)
        let request = loaded.request
        // Writers of the document alone (HTML) need no pages: layout is skipped.
        var pages = request.formats.contains { $0.input == .pages } ? try layout(document, loaded: loaded) : nil
        let pageCount = pages?.pages.count ?? 0
        try checkStrict(request, since: first)
        // The one writer of pages (formats of pages go alone, or as the PDF beside HTML) is
        // handed them, so it can free them once drawn.
        var files: [[Data]] = []
        for format in request.formats {
            let given = format.input == .pages ? pages.take() ?? .empty : .empty
            files.append(
                try render(
                    given, document: document, format: format, dpi: request.dpi, standard: request.pdfStandard,
                    generator: request.creator))
        }
        var output = BriefingOutput(loaded: loaded, document: document, pageCount: pageCount, files: files[0], warnings: [])
        output.also = zip(request.alsoFormats, files.dropFirst()).map { ($0, $1[0]) }
        output.warnings = Array(warnings.dropFirst(first))
        return output
    }

    /// Kept for the build (the briefing's `--strict` and record) and printed once per run: a
    /// run's audiences would otherwise repeat what the main output said.
    private func report(_ diagnostic: Diagnostic) {
        warnings.append(diagnostic)
        if printed.insert(diagnostic.description).inserted { warn(diagnostic) }
    }
}
