// neoplan-bench: timings for docs/performance.md ("Risk and optimizer"). Release build only:
//   swift build -c release --product neoplan-bench && .build/release/neoplan-bench [--dump-flows FILE]
// Each figure is the best of several runs (wall clock), so other load on the machine inflates it
// less. Nothing here is a test.
import Foundation
import NeoplanKit

func seconds(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func best(_ runs: Int, _ body: () throws -> Void) rethrows -> Double {
  var fastest = Double.infinity
  for _ in 0..<runs { fastest = min(fastest, try seconds(body)) }
  return fastest
}

func row(_ name: String, _ value: String) { print("| \(name) | \(value) |") }

let arguments = CommandLine.arguments
let dumpPath = arguments.firstIndex(of: "--dump-flows").flatMap {
  arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil
}
let riskSpec =
  arguments.firstIndex(of: "--risk-spec").flatMap {
    arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil
  } ?? "examples/h100-ib-128-risk.yaml"
let paths = 100_000
// `--only optimize`: just the optimizer rows (for profiling it, e.g. under callgrind).
let only = arguments.firstIndex(of: "--only").flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }

do {
  let catalog = try CatalogLoader.load(extraDirectories: [])
  if only == "optimize" {
    print("| benchmark | best time |")
    print("|---|---|")
    try benchOptimize(catalog: catalog, runs: 3)
    exit(0)
  }
  let bigSpec = try ClusterSpec.load(path: "examples/h200-ib-512.yaml", catalog: catalog)
  print("| benchmark | best time |")
  print("|---|---|")
  var plan: Plan?
  let planTime = try best(10) { plan = try Plan.make(bigSpec) }
  row(
    "plan of examples/h200-ib-512.yaml (size + price + finance)",
    NumberFormat.fixed(planTime * 1e3, decimals: 2) + " ms")
  guard let plan else { exit(1) }
  let financeTime = try best(20) {
    _ = try FinanceEngine.evaluate(inputs: plan.financeInputs, assumptions: plan.financeAssumptions)
  }
  row(
    "one finance evaluation (with break-even and sensitivity)",
    NumberFormat.fixed(financeTime * 1e3, decimals: 3) + " ms")
  let flows =
    plan.finance.projectPreTax.irr.monthlyRoots.isEmpty
    ? [-1000.0] + Array(repeating: 25, count: 60) : plan.finance.cashFlows.projectPreTaxFlows
  let irrTime = best(5) { for _ in 0..<10_000 { _ = FinanceMath.irr(cashFlows: flows) } }
  row("IRR of \(flows.count) flows (FinanceMath.irr)", NumberFormat.fixed(irrTime / 10_000 * 1e6, decimals: 2) + " µs")

  let riskPlan = try Plan.make(try ClusterSpec.load(path: riskSpec, catalog: catalog))
  let risk = riskPlan.riskAssumptions(paths: paths, seed: 1)
  let months = riskPlan.financeAssumptions.horizonMonths
  for threads in [1, 2] {
    let time = best(3) { _ = riskPlan.runRisk(risk, threads: threads) }
    row(
      "risk \(paths) paths × \(months) months, \(threads) thread(s), 2 IRRs per path",
      NumberFormat.fixed(time, decimals: 3) + " s")
  }
  let sample = RiskEngine.sampleProjectFlows(
    inputs: riskPlan.financeInputs, assumptions: riskPlan.financeAssumptions, risk: risk, count: paths)
  var undefined = 0
  let irrOnly = best(3) {
    undefined = 0
    for f in sample where FinanceMath.irrCoarseToFine(cashFlows: f).monthly == nil { undefined += 1 }
  }
  row(
    "IRR only, the \(paths) project flow vectors of the risk run (1 thread)",
    NumberFormat.fixed(irrOnly, decimals: 3) + " s")
  row("  of which without a unique IRR", "\(undefined)")
  try benchOptimize(catalog: catalog, runs: 3)
  if let dumpPath {
    var data = Data()
    data.reserveCapacity(paths * (months + 1) * 8)
    for f in sample { for v in f { withUnsafeBytes(of: v.bitPattern.littleEndian) { data.append(contentsOf: $0) } } }
    try data.write(to: URL(fileURLWithPath: dumpPath))
    var monthly = ""
    for f in sample.prefix(1000) {
      monthly += (FinanceMath.irrCoarseToFine(cashFlows: f).monthly.map { String($0.bitPattern) } ?? "nan") + "\n"
    }
    try monthly.write(toFile: dumpPath + ".irr", atomically: true, encoding: .utf8)
    print("\nwrote \(sample.count) × \(months + 1) flows to \(dumpPath) (float64, little-endian)")
  }
} catch {
  FileHandle.standardError.write(Data("neoplan-bench: \(error)\n".utf8))
  exit(1)
}
