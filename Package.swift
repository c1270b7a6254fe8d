// swift-tools-version: 6.1
import PackageDescription

// One target per layer; lower layers never import higher ones:
// PlaybookLanguage <- PlaybookEngine <- PlaybookReporting, PlaybookLedger <- PlaybookShell
// <- playloop. PlaybookReporting is results as text for people (tables, summaries,
// explanations), shared by the command line and the shell.
// GRDB (the ledger, PlaybookSQLite), libpq (PlaybookPostgres), libedit (the shell) and the MCP SDK (`playloop mcp`) stay out of the language and engine so
// those build and test fast.
let package = Package(
  name: "Playloop",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "playloop", targets: ["playloop"]),
    .executable(name: "playloop-data", targets: ["playloop-data"]),
    .executable(name: "playloop-bench", targets: ["playloop-bench"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
  ],
  targets: [
    .target(name: "PlaybookLanguage"),
    // zlib reads `.gz` data files as they are.
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
    // An export starts its files' writing to disk while it still encodes (sync_file_range).
    .target(name: "CFileWriteback"),
    // Loading asks for a field's bytes a few rows before it reads them (__builtin_prefetch).
    .target(name: "CPrefetch"),
    // One allocator arena for the threads (`playloop run` asks), and freed memory handed back
    // (glibc's <malloc.h>).
    .target(name: "CFreedMemory"),
    .target(
      name: "PlaybookEngine",
      dependencies: ["PlaybookLanguage", "CZlib", "CFileWriteback", "CPrefetch", "CFreedMemory"]),
    .target(name: "PlaybookReporting", dependencies: ["PlaybookEngine"]),
    // `playloop compile`: a checked playbook as one SQL statement computing its candidates.
    .target(name: "PlaybookSQL", dependencies: ["PlaybookLanguage"]),
    // `--engine spark`: the compiled SQL run by Spark's `spark-sql` on the loaded tables.
    .target(name: "PlaybookSpark", dependencies: ["PlaybookEngine", "PlaybookSQL"]),
    .target(
      name: "PlaybookLedger",
      dependencies: ["PlaybookEngine", .product(name: "GRDB", package: "GRDB.swift")]),
    // `load … from sqlite "app.db"`: the reader the executable registers with the engine.
    .target(
      name: "PlaybookSQLite",
      dependencies: [
        "PlaybookEngine", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ]),
    // `load … from postgres`: libpq, PostgreSQL's client library, and the reader over it.
    .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"]), .brew(["libpq"])]),
    .target(name: "PlaybookPostgres", dependencies: ["PlaybookEngine", "CLibPQ"]),
    // `playloop run --engine postgres`: candidates computed by a database from the compiled
    // SQL, mapped back to the engine's (`CandidateRows`, shared with any other SQL engine).
    .target(
      name: "PlaybookPushdown", dependencies: ["PlaybookEngine", "PlaybookSQL", "PlaybookPostgres", "PlaybookSpark"]),
    .systemLibrary(
      name: "CEditLine", pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"]), .brew(["libedit"])]),
    // The shell's `:export` exports through the ledger as `playloop run` does.
    .target(
      name: "PlaybookShell", dependencies: ["PlaybookEngine", "PlaybookReporting", "PlaybookLedger", "CEditLine"]),
    // `playloop mcp`: the MCP server for agents runs `playloop` itself for each tool call,
    // so it needs only the language (names, the reference) and the engine's JSON below it.
    .target(
      name: "PlaybookMCP",
      dependencies: ["PlaybookLanguage", "PlaybookEngine", .product(name: "MCP", package: "swift-sdk")]),
    .executableTarget(
      name: "playloop",
      dependencies: [
        "PlaybookLanguage", "PlaybookEngine", "PlaybookReporting", "PlaybookLedger", "PlaybookShell", "PlaybookMCP",
        "PlaybookSQLite", "PlaybookPostgres", "PlaybookSQL", "PlaybookPushdown",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(name: "playloop-data", dependencies: ["PlaybookLanguage"]),
    // Phase-by-phase figures at 10k/100k/1M customers (docs/PERFORMANCE.md).
    // Counts allocations by interposing malloc; linked into the benchmark only.
    .target(name: "MallocCounter"),
    // With --progress, the load draws the progress line (to nowhere) as a terminal would.
    .executableTarget(name: "playloop-bench", dependencies: ["PlaybookEngine", "PlaybookReporting", "MallocCounter"]),
    // What every test target shares: the repository and build-product locators, the
    // process runner, the pseudo-terminal driver, scratch folders and shared fixtures.
    // CEditLine for openpty, which the pseudo-terminal driver needs.
    .target(name: "PlayloopTestSupport", dependencies: ["CEditLine"], path: "Tests/PlayloopTestSupport"),
    .testTarget(
      name: "PlaybookLanguageTests", dependencies: ["PlaybookLanguage", "PlayloopTestSupport"]),
    // Explanations and summaries are checked as people read them, hence the reporting.
    .testTarget(
      name: "PlaybookEngineTests",
      dependencies: ["PlaybookEngine", "PlaybookReporting", "PlayloopTestSupport"],
      exclude: ["CSVConformance", "ForeignData"]),
    .testTarget(name: "PlaybookReportingTests", dependencies: ["PlaybookReporting"]),
    .testTarget(name: "PlaybookMCPTests", dependencies: ["PlaybookMCP", .product(name: "MCP", package: "swift-sdk")]),
    .testTarget(
      name: "PlaybookLedgerTests",
      dependencies: [
        "PlaybookLedger", "PlayloopTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
      ]),
    .testTarget(
      name: "PlaybookShellTests",
      dependencies: ["PlaybookShell", "PlaybookReporting", "PlayloopTestSupport"]),
    // Seeded fuzz loops over the readers and the playbook pipeline (`make fuzz` runs more).
    .testTarget(
      name: "PlaybookFuzzTests",
      dependencies: ["PlaybookEngine", "PlaybookLanguage", "PlayloopTestSupport"]),
    // The compiled SQL against the engine on a private PostgreSQL cluster (Tests/postgres)
    // and on Spark (Tests/spark).
    .testTarget(
      name: "PlaybookSQLTests",
      dependencies: ["PlaybookSQL", "PlaybookEngine", "PlaybookPushdown", "PlaybookSpark", "PlayloopTestSupport"]),
    .testTarget(
      name: "PlayloopEndToEndTests", dependencies: ["PlaybookEngine", "PlayloopTestSupport", "playloop-data"],
      exclude: ["Expected"]),
  ]
)

// Stricter language modes where they pay: `any` spelled out for existentials, and members
// visible only from modules a file imports itself (no leaking through other imports).
for target in package.targets where target.type != .system {
  target.swiftSettings =
    (target.swiftSettings ?? []) + [
      .enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility"),
    ]
}
