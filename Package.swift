// swift-tools-version:6.0
import PackageDescription

/// Layers, each depending only on those above it in this list:
/// C system modules -> BriefingModel -> BriefingContent -> BriefingTemplate
/// -> BriefingLayout -> BriefingRender -> BriefingPipeline (with BriefingSchedule and
/// BriefingEditions, the SQLite edition store) -> BriefingDelivery (mail) -> briefing (CLI).
/// Linux only (Debian 12): cairo, Pango, libqpdf, inotify and cron, so no `platforms`.
let package = Package(
    name: "Briefing",
    products: [
        .executable(name: "briefing", targets: ["briefing"]),
        // `watch --serve`'s web server, a process of its own (`PreviewProcess` says why).
        .executable(name: "briefing-preview", targets: ["briefing-preview"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        // MARK: - C system libraries
        .systemLibrary(
            name: "CCairoPango",
            pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev", "libfontconfig-dev"])]
        ),
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "CRsvg",
            providers: [.apt(["librsvg2-2"])]
        ),
        .systemLibrary(
            name: "CQPDF",
            providers: [.apt(["libqpdf-dev"])]
        ),
        .systemLibrary(
            name: "CHarfBuzzSubset",
            pkgConfig: "harfbuzz-subset",
            providers: [.apt(["libharfbuzz-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CLibdeflate",
            providers: [.apt(["libdeflate-dev"])]
        ),
        .systemLibrary(name: "CLinux"),
        // HarfBuzz shaping reused across Pango's line breaking: Pango 1.50 shapes each
        // paragraph about 2.4 times; a range whose ends HarfBuzz marks safe to break is copied
        // from the earlier shaping instead (shape_reuse.c).
        .target(name: "CShapeReuse", dependencies: ["CHarfBuzzSubset"]),
        // cairo writes every number of a PDF through snprintf ("%f", "%d"); exact, fast
        // formatting of those two, glibc for anything else (fast_printf.c).
        .target(name: "CFastPrintf"),
        .systemLibrary(
            name: "CHyphen",
            providers: [.apt(["libhyphen-dev", "hyphen-en-gb"])]
        ),

        // MARK: - Pipeline
        // Yams for the libyaml it builds (its CYaml module): the model composes its own nodes
        // from libyaml's events (`YAMLComposer`).
        .target(
            name: "BriefingModel",
            dependencies: [.product(name: "Yams", package: "Yams"), .product(name: "SwiftCSV", package: "SwiftCSV")]
        ),
        .target(
            name: "BriefingContent",
            dependencies: ["BriefingModel"]
        ),
        .target(
            name: "BriefingTemplate",
            dependencies: [
                "BriefingModel", "BriefingContent", "CCmark",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(
            name: "BriefingLayout",
            dependencies: ["BriefingModel", "BriefingContent"]
        ),
        .target(
            name: "BriefingRender",
            dependencies: [
                "BriefingLayout", "CCairoPango", "CHarfBuzzSubset", "CHyphen", "CRsvg", "CQPDF", "CLibdeflate", "CLinux", "CShapeReuse", "CFastPrintf",
            ]
        ),
        .target(
            name: "BriefingRunState",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "BriefingSchedule",
            dependencies: ["BriefingRunState"]
        ),
        .target(
            name: "BriefingEditions",
            dependencies: ["BriefingModel", "BriefingContent", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "BriefingPipeline",
            dependencies: [
                "BriefingModel", "BriefingContent", "BriefingTemplate", "BriefingLayout", "BriefingRender", "BriefingEditions",
                "BriefingHTML", "CLinux",
            ]
        ),
        .target(
            name: "BriefingServe",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "BriefingHTML",
            dependencies: ["BriefingModel", "BriefingContent"]
        ),
        .target(
            name: "BriefingRun",
            dependencies: [
                "BriefingModel", "BriefingContent", "BriefingEditions", "BriefingPipeline", "BriefingRender", "BriefingRunState",
                "BriefingHTML",
            ]
        ),
        .target(
            name: "BriefingDelivery",
            dependencies: [
                "BriefingModel", "BriefingContent", "BriefingEditions", "BriefingPipeline", "BriefingRun", "BriefingRunState",
                "BriefingHTML", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "briefing",
            dependencies: [
                "BriefingModel", "BriefingContent", "BriefingPipeline", "BriefingRun", "BriefingRunState", "BriefingSchedule",
                "BriefingEditions",
                "BriefingDelivery", "BriefingPreviewLink",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "BriefingPreviewLink"),
        .executableTarget(name: "briefing-preview", dependencies: ["BriefingServe", "BriefingPreviewLink"]),

        // MARK: - Tests
        .target(name: "TestSupport", dependencies: ["BriefingLayout", "BriefingRunState"], path: "Tests/TestSupport"),
        .testTarget(name: "BriefingModelTests", dependencies: ["BriefingModel", "TestSupport"]),
        .testTarget(name: "BriefingTemplateTests", dependencies: ["BriefingTemplate", "BriefingModel", "BriefingContent", "TestSupport"]),
        .testTarget(
            name: "BriefingLayoutTests",
            dependencies: ["BriefingLayout", "BriefingContent", "BriefingModel", "BriefingTemplate", "TestSupport"]),
        .testTarget(
            name: "BriefingFuzzTests",
            dependencies: ["BriefingModel", "BriefingContent", "BriefingTemplate", "BriefingLayout", "TestSupport"]
        ),
        // CZlib inflates what StreamCompressionTests check; the program itself deflates with libdeflate.
        .testTarget(name: "BriefingRenderTests", dependencies: ["BriefingRender", "BriefingLayout", "BriefingContent", "CCairoPango", "CZlib"]),
        .testTarget(name: "BriefingCLITests", dependencies: ["TestSupport"]),
        .testTarget(name: "BriefingRenderFuzzTests", dependencies: ["TestSupport"]),
        .testTarget(name: "BriefingScheduleTests", dependencies: ["BriefingSchedule"]),
        .testTarget(name: "BriefingRunStateTests", dependencies: ["BriefingRunState"]),
        .testTarget(name: "BriefingPreviewLinkTests", dependencies: ["BriefingPreviewLink"]),
        .testTarget(name: "BriefingHTMLTests", dependencies: ["BriefingHTML", "BriefingContent", "BriefingModel"]),
        .testTarget(
            name: "BriefingEditionsTests",
            dependencies: ["BriefingEditions", "BriefingModel", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "BriefingDeliveryTests",
            dependencies: [
                "BriefingDelivery", "BriefingModel", "BriefingContent", "BriefingEditions", "BriefingPipeline", "BriefingRun",
                "BriefingHTML",
            ]),
        .testTarget(
            name: "BriefingPipelineTests",
            dependencies: [
                "BriefingPipeline", "BriefingRun", "BriefingModel", "BriefingLayout", "BriefingContent", "BriefingRender", "CCairoPango",
                "TestSupport",
            ]),
    ]
)
