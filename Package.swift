// swift-tools-version: 6.1
import PackageDescription

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
      ]
    ),
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
      dependencies: ["NeoplanKit"],
      exclude: ["Fixtures"]
    ),
  ]
)
