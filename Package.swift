// swift-tools-version: 6.1
import PackageDescription

/// Linker flags for a fully static executable (Linux): the Swift runtime, Foundation, libstdc++
/// and glibc all linked in, so start-up loads no shared library and resolves no symbol
/// (docs/performance.md, step 5). SwiftPM compiles against the shared modules, whose autolink
/// entries omit what the static Foundation needs, hence the libraries named here.
let staticExecutable =
  ["-static-executable", "-Xlinker", "--start-group"]
  + [
    "Foundation", "FoundationEssentials", "FoundationInternationalization", "CoreFoundation", "_FoundationICU",
    "_FoundationCShims", "_FoundationCollections", "swiftSynchronization", "swiftDispatch", "dispatch", "BlocksRuntime",
    "stdc++", "m",
  ].flatMap { ["-Xlinker", "-l\($0)"] } + ["-Xlinker", "--end-group"]

let package = Package(
  name: "Neoplan",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "NeoplanKit", targets: ["NeoplanKit"]),
    .executable(name: "neoplan", targets: ["neoplan"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
  ],
  targets: [
    .target(
      name: "NeoplanKit",
      dependencies: [
        .product(name: "Yams", package: "Yams"),
        .product(name: "Mustache", package: "swift-mustache"),
      ],
      resources: [.copy("../../catalogs"), .copy("../../templates")]
    ),
    .executableTarget(
      name: "neoplan",
      dependencies: [
        "NeoplanKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      // Release builds are one static executable (Linux only; macOS has no static Swift runtime):
      // loading the shared Swift, Foundation and C++ libraries and resolving their symbols was
      // most of `--help` and a fifth of a quote (docs/performance.md). neoplan calls nothing that
      // a static glibc must load at run time (no user, group or host names: see
      // StaticLinkTests). Debug builds link the shared libraries, so the test bundle can link this
      // target (FastParseTests) with the shared Testing and XCTest libraries.
      linkerSettings: [.unsafeFlags(staticExecutable, .when(platforms: [.linux], configuration: .release))]
    ),
    // Writes NeoplanKit's compiled catalog and locales (scripts/gen-compiled-data).
    .executableTarget(name: "neoplan-gen", dependencies: ["NeoplanKit"]),
    .executableTarget(
      name: "neoplan-bench",
      dependencies: ["NeoplanKit"]
    ),
    .testTarget(
      name: "NeoplanKitTests",
      dependencies: [
        "NeoplanKit",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ],
      exclude: ["Finance/reference", "Diff/Fixtures", "Catalog/Fixtures"]
    ),
    .testTarget(
      name: "neoplanTests",
      dependencies: ["NeoplanKit", "neoplan", .product(name: "ArgumentParser", package: "swift-argument-parser")],
      exclude: ["Fixtures"]
    ),
  ]
)
