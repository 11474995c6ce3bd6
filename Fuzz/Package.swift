// swift-tools-version: 6.1
// The libFuzzer harness, kept out of the main package because it is built with
// `-sanitize=fuzzer` (see scripts/fuzz and docs/reliability.md).
import PackageDescription

let package = Package(
  name: "NeoplanFuzz",
  platforms: [.macOS(.v13)],
  dependencies: [.package(name: "Neoplan", path: "..")],
  targets: [
    .executableTarget(
      name: "NeoplanFuzz",
      dependencies: [.product(name: "NeoplanKit", package: "Neoplan")]
    )
  ]
)
