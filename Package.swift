// swift-tools-version: 6.0
// Cadence: a command-line workbench for a job search, scripted in Lua 5.4.
// Targets follow the layers, bottom to top (README: "For developers: the layers").
import PackageDescription

let package = Package(
    name: "Cadence",
    products: [
        .executable(name: "cadence", targets: ["Cadence"]),
        .library(name: "LuaBinding", targets: ["LuaBinding"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        // 1. Debian's liblua5.4-dev, found through pkg-config.
        .systemLibrary(
            name: "CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev"])]
        ),
        // 2. The C half of the bridge: everything that may raise a Lua error lives here.
        .target(name: "CLuaSupport", dependencies: ["CLua"]),
        // 3. A general, safe Lua host in Swift. Knows nothing of job searches.
        .target(name: "LuaBinding", dependencies: ["CLua", "CLuaSupport"], exclude: ["README.md"]),
        // 4. The domain: plain Swift types and rules. No Lua, no SQL.
        .target(name: "CadenceCore"),
        // 5. The store: SQLite through GRDB, migrations, import and export.
        //    SQLite's variadic configuration call is C (CSQLiteSupport), on the
        //    sqlite3 library GRDB links.
        .target(
            name: "CSQLiteSupport",
            dependencies: [.product(name: "GRDBSQLite", package: "GRDB.swift")],
            linkerSettings: [.linkedLibrary("sqlite3")]
        ),
        .target(
            name: "CadenceStore",
            dependencies: [
                "CadenceCore",
                "CSQLiteSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's own column reads, for the bulk read of the log (BulkRows.swift).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ]
        ),
        // 6. Shared policies: packages, their manifests, pins and signatures, and
        //    the isolated worker they run in (the OS walls are C: CIsolation).
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .target(name: "CIsolation"),
        .target(name: "CadenceSharing", dependencies: ["CadenceCore", "CIsolation", "CCrypto"]),
        // 7. The `cadence` Lua API over the workspace (its Lua half is in Scripts/cadence).
        .target(name: "CadenceScripting", dependencies: ["LuaBinding", "CadenceCore", "CadenceStore", "CadenceSharing"]),
        // Line editing for the REPL: libedit (BSD licence), not GNU readline (GPL).
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        // 8. The command-line tool.
        .executableTarget(
            name: "Cadence",
            dependencies: [
                "LuaBinding",
                "CadenceCore",
                "CadenceStore",
                "CadenceScripting",
                "CadenceSharing",
                "CEditLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks: a release-mode executable and the C functions it measures against.
        .target(name: "CBenchBaseline", dependencies: ["CLua"]),
        .executableTarget(
            name: "CadenceBench",
            dependencies: ["LuaBinding", "CBenchBaseline", "CLua", "CadenceCore", "CadenceStore", "CadenceScripting"]
        ),
        .testTarget(name: "LuaBindingTests", dependencies: ["LuaBinding", "CLua"]),
        .testTarget(name: "CadenceCoreTests", dependencies: ["CadenceCore"]),
        .testTarget(name: "CadenceScriptingTests", dependencies: ["CadenceScripting", "LuaBinding", "CadenceStore", "CadenceCore"], exclude: ["Oracle"]),
        .testTarget(name: "CadenceSharingTests", dependencies: ["CadenceSharing", "CadenceCore"]),
        .testTarget(name: "CadenceStoreTests", dependencies: ["CadenceStore", .product(name: "GRDB", package: "GRDB.swift")]),
        // GRDB, to write a workspace as another program would (ReviewCrashTests).
        .testTarget(name: "CadenceCommandTests", dependencies: ["Cadence", .product(name: "GRDB", package: "GRDB.swift")], exclude: ["Compatibility", "Terminal", "Calendar", "Mail", "Import"]),
    ]
)
