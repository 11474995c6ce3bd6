import Foundation
import NeoplanKit

/// The optimizer rows: the whole search of the example on 1 and 2 threads.
func benchOptimize(catalog: Catalog, runs: Int) throws {
  let path = "examples/h100-ib-128-optimize.yaml"
  let input = try OptimizeInput.load(path: path, catalog: catalog)
  for threads in [1, 2] {
    var evaluated = 0
    let time = best(runs) { evaluated = OptimizeEngine.run(input, threads: threads).evaluated }
    row(
      "optimize over the full space of \(path), \(threads) thread(s)",
      String(
        format: "%d designs in %.3f s = %.0f evaluations/s (%.1f µs each)", evaluated, time,
        Double(evaluated) / time, time / Double(evaluated) * 1e6))
  }
}
