// swift-tools-version: 6.2
//
// imrf: working-day deadlines and the PGA summary of the International
// Migration Review Forum. Layers (each uses only layers below it):
//
//   imrf (executable)                  the command line: arguments, printing, exit codes
//   imrf-server (executable)           the web service: listening, signals, request log
//   WebIntake                          the web service's router: sign-in, pages, the JSON API
//   Reminders                          reminders by e-mail: who owes a note, sent once, recorded
//   ForumWorkspace   Tracker           use cases: a workspace's notes, submissions, compiles,
//                                      invitations; deliverables, due moments, status
//   SummaryCompiler  Upload  Mail  Ledger   notes in, documents out; the document endpoint; SMTP; the event store
//   Forum                              forum.yaml
//   WorkingDays                        holiday calendars, working-day arithmetic
//   Storage                            files: bounded reads, durable writes, SHA-256, the workspace layout
//   Diagnostics                        errors as data
//
// C libraries come from Debian's -dev packages through system-library
// targets; `make deps` installs them. Hummingbird (and SwiftNIO under it)
// is linked into imrf-server only: `imrf serve` execs that binary, so the
// CLI's start-up (cron's `imrf status`) never loads it.
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// For every target that loads GRDB (directly or through Ledger): extension
/// members only from modules a file imports itself. Without it GRDB's
/// `SQL` leaks in: string interpolations joined with `joined(separator:)` in
/// the HTML renderer type-checked as `SQL` and printed its debug description.
let grdbClientSettings = swiftSettings + [.enableUpcomingFeature("MemberImportVisibility")]

let package = Package(
    name: "imrf",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "imrf", targets: ["imrf"]),
        .executable(name: "imrf-server", targets: ["imrf-server"]),
        .library(name: "Diagnostics", targets: ["Diagnostics"]),
        .library(name: "Storage", targets: ["Storage"]),
        .library(name: "WorkingDays", targets: ["WorkingDays"]),
        .library(name: "Forum", targets: ["Forum"]),
        .library(name: "Ledger", targets: ["Ledger"]),
        .library(name: "Upload", targets: ["Upload"]),
        .library(name: "SummaryCompiler", targets: ["SummaryCompiler"]),
        .library(name: "Tracker", targets: ["Tracker"]),
        .library(name: "ForumWorkspace", targets: ["ForumWorkspace"]),
        .library(name: "WebIntake", targets: ["WebIntake"]),
        .library(name: "Mail", targets: ["Mail"]),
        .library(name: "Reminders", targets: ["Reminders"]),
        .library(name: "WordImport", targets: ["WordImport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Hummingbird's HTTP types, imported by name (MemberImportVisibility).
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // MARK: Foundation layer
        .target(name: "Diagnostics", swiftSettings: swiftSettings),
        // SHA-256 from OpenSSL's libcrypto.
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(name: "Storage", dependencies: ["COpenSSL"], swiftSettings: swiftSettings),
        .target(name: "WorkingDays", dependencies: ["Diagnostics", "Storage"], swiftSettings: swiftSettings),
        // Forum's YAMLScreen also imports CYaml, Yams's own libyaml (not a
        // product of Yams; Debian's libyaml would clash with its symbols), to
        // refuse anchors and aliases from parser events before Yams expands them.
        .target(
            name: "Forum",
            dependencies: ["Diagnostics", "Storage", "WorkingDays", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),

        // MARK: Ledger (event store of the workspace: SQLite through GRDB)
        .target(
            name: "Ledger",
            dependencies: ["Diagnostics", "Storage", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: grdbClientSettings
        ),

        // MARK: Summary
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // A per-thread arena for cmark-gfm's allocations while a note is parsed.
        .target(name: "CCmarkArena", dependencies: ["CCmarkGFM"]),
        .systemLibrary(
            name: "CDeflate",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "SummaryCompiler",
            dependencies: [
                "Diagnostics", "Storage", "WorkingDays", "Forum", "CCmarkGFM", "CCmarkArena", "CDeflate",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // Templates/ compiled in as bytes (BuiltInTemplates), so a binary
            // copied anywhere still renders; list a new template here too.
            resources: [
                .embedInCode("../../Templates/summary.html.mustache"),
                .embedInCode("../../Templates/summary.md.mustache"),
                .embedInCode("../../Templates/letter.md.mustache"),
                .embedInCode("../../Templates/masthead.md.mustache"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: WordImport (a rapporteur's .docx to a note)
        // libxml2's streaming reader, never with DTD loading or entity substitution.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "WordImport",
            dependencies: [
                "Diagnostics", "Storage", "SummaryCompiler", "CLibXML2",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Upload (libcurl)
        // libcurl's headers only: the library is opened when an upload needs
        // it (CCurlShim's imrf_curl_load), not linked; no pkg-config, whose
        // flags would link it.
        .systemLibrary(
            name: "CCurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(name: "CCurlShim", dependencies: ["CCurl"]),
        .target(
            name: "Upload",
            dependencies: ["Diagnostics", "Storage", "CCurl", "CCurlShim"],
            swiftSettings: swiftSettings
        ),

        // MARK: Mail (e-mail over SMTP, through the same libcurl shim)
        .target(
            name: "Mail",
            dependencies: ["Diagnostics", "Storage", "CCurl", "CCurlShim"],
            swiftSettings: swiftSettings
        ),

        // MARK: Tracker (deliverables, due moments, states; status for cron)
        .target(
            name: "Tracker",
            dependencies: ["Diagnostics", "Storage", "WorkingDays", "Forum", "Ledger"],
            swiftSettings: swiftSettings
        ),

        // MARK: ForumWorkspace (a workspace's notes, submissions and compiles: what the
        // command line and the web service call)
        .target(
            name: "ForumWorkspace",
            dependencies: ["Diagnostics", "Storage", "WorkingDays", "Forum", "Ledger", "Upload", "SummaryCompiler", "WordImport"],
            swiftSettings: grdbClientSettings
        ),

        // MARK: Reminders (who still owes a note, by e-mail from cron)
        .target(
            name: "Reminders",
            dependencies: ["Diagnostics", "Storage", "WorkingDays", "Forum", "Ledger", "Tracker", "ForumWorkspace", "Mail", "SummaryCompiler"],
            swiftSettings: grdbClientSettings
        ),

        // MARK: Executable
        .executableTarget(
            name: "imrf",
            dependencies: [
                "Diagnostics",
                "Storage",
                "WorkingDays",
                "Forum",
                "SummaryCompiler",
                "Ledger",
                "Upload",
                "Tracker",
                "ForumWorkspace",
                "Mail",
                "Reminders",
                "WordImport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: grdbClientSettings
        ),

        // MARK: Web service (Hummingbird; never a dependency of imrf)
        // WebIntake: the router, pages and JSON API, a library so that
        // HummingbirdTesting drives it in-process. imrf-server: arguments,
        // the listening socket, signals (swift-service-lifecycle).
        .target(
            name: "WebIntake",
            dependencies: [
                "Diagnostics", "Storage", "WorkingDays", "Forum", "Ledger", "SummaryCompiler", "Tracker", "ForumWorkspace", "WordImport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [
                .embedInCode("Static/intake.js"),
                .embedInCode("Static/intake.css"),
            ],
            swiftSettings: grdbClientSettings
        ),
        .executableTarget(
            name: "imrf-server",
            dependencies: [
                "WebIntake", "ForumWorkspace", "Storage",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: grdbClientSettings
        ),

        // MARK: Benchmarks (Benchmarks/*.sh drive them side by side with the reference tools)
        .executableTarget(
            name: "working-days-benchmark",
            dependencies: ["WorkingDays"],
            path: "Benchmarks/WorkingDaysBenchmark",
            swiftSettings: swiftSettings
        ),

        // MARK: Fuzzing (Fuzz/run.sh builds these with -sanitize=fuzzer,address)
        // FuzzSupport: the libFuzzer hand-over and reproducer every target shares.
        .target(name: "FuzzSupport", path: "Fuzz/FuzzSupport", swiftSettings: swiftSettings),
        .executableTarget(
            name: "icalendar-fuzz",
            dependencies: ["FuzzSupport", "WorkingDays"],
            path: "Fuzz/ICalendarFuzz",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "note-fuzz",
            dependencies: ["FuzzSupport", "Diagnostics", "Forum", "SummaryCompiler"],
            path: "Fuzz/NoteFuzz",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "forum-fuzz",
            dependencies: ["FuzzSupport", "Diagnostics", "Forum"],
            path: "Fuzz/ForumFuzz",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "compile-fuzz",
            dependencies: [
                "FuzzSupport", "Diagnostics", "Forum", "SummaryCompiler",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "Fuzz/CompileFuzz",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "word-import-fuzz",
            dependencies: [
                "FuzzSupport", "Diagnostics", "Storage", "SummaryCompiler", "WordImport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "Fuzz/WordImportFuzz",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "markdown-fuzz",
            dependencies: ["FuzzSupport", "SummaryCompiler"],
            path: "Fuzz/MarkdownFuzz",
            swiftSettings: swiftSettings
        ),

        // MARK: Tests
        // What the test targets share: temporary folders, the repository
        // root, a seeded generator, the runner of the built imrf binary and
        // its example workspace, and the loopback document endpoint both
        // upload test targets start. No imrf module: tests of any layer use it.
        .target(name: "IMRFTestSupport", path: "Tests/IMRFTestSupport", swiftSettings: swiftSettings),
        .testTarget(
            name: "WorkingDaysTests",
            dependencies: [
                "WorkingDays", "IMRFTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "StorageTests", dependencies: ["Storage", "IMRFTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "ForumTests", dependencies: ["Forum", "IMRFTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "LedgerTests",
            dependencies: ["Ledger", "Diagnostics", "IMRFTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: grdbClientSettings
        ),
        .testTarget(
            name: "TrackerTests",
            dependencies: ["Tracker", "Forum", "WorkingDays", "Ledger", "Diagnostics", "Storage", "IMRFTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SummaryCompilerTests",
            dependencies: [
                "SummaryCompiler", "Forum", "Diagnostics", "Storage", "WorkingDays", "CCmarkArena", "IMRFTestSupport",
                // SampleNotes: the example workspace the renderer is tested on.
                "ForumWorkspace",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Golden"],
            // Embedded as the templates are: EmbeddedTemplateTests.
            resources: [.embedInCode("Fixtures/swift-delimiters.mustache")],
            swiftSettings: grdbClientSettings
        ),
        .testTarget(
            name: "ForumWorkspaceTests",
            dependencies: [
                "ForumWorkspace", "SummaryCompiler", "Forum", "WorkingDays", "Ledger", "Storage", "Upload", "Diagnostics", "IMRFTestSupport",
            ],
            swiftSettings: grdbClientSettings
        ),
        .testTarget(
            name: "UploadTests",
            dependencies: ["Upload", "Diagnostics", "Storage", "IMRFTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WordImportTests",
            dependencies: [
                "WordImport", "SummaryCompiler", "Diagnostics", "IMRFTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "MailTests", dependencies: ["Mail", "Diagnostics", "IMRFTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "RemindersTests",
            dependencies: ["Reminders", "Mail", "Tracker", "Forum", "ForumWorkspace", "WorkingDays", "Ledger", "Diagnostics", "IMRFTestSupport"],
            swiftSettings: grdbClientSettings
        ),
        .testTarget(
            name: "WebIntakeTests",
            dependencies: [
                "WebIntake", "ForumWorkspace", "Ledger", "Storage", "Diagnostics", "IMRFTestSupport", "Tracker", "Forum",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: grdbClientSettings
        ),
        .testTarget(
            name: "IMRFEndToEndTests",
            dependencies: [
                "Diagnostics",
                // Storage.Locked: a lock ThreadSanitizer sees (see Locked.swift).
                "Storage",
                "IMRFTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: grdbClientSettings
        ),
    ]
)
