import Foundation
import NeoplanKit

/// CPU time of this process so far, seconds (all threads).
func processCPUSeconds() -> Double {
  var spec = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
  return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// The optimizer rows: the whole search of the example on 1 and 2 threads, wall clock, and the
/// CPU time per design on 1 thread (what a free core would take, however busy the machine is).
func benchOptimize(catalog: Catalog, runs: Int) throws {
  let path = "examples/h100-ib-128-optimize.yaml"
  let input = try OptimizeInput.load(path: path, catalog: catalog)
  var cpu = Double.infinity
  for threads in [1, 2] {
    var evaluated = 0
    let time = best(runs) {
      let start = processCPUSeconds()
      evaluated = OptimizeEngine.run(input, threads: threads).evaluated
      if threads == 1 { cpu = min(cpu, (processCPUSeconds() - start) / Double(max(1, evaluated))) }
    }
    row(
      "optimize over the full space of \(path), \(threads) thread(s)",
      String(
        format: "%d designs in %.3f s = %.0f evaluations/s (%.1f µs each)", evaluated, time,
        Double(evaluated) / time, time / Double(evaluated) * 1e6))
  }
  row(
    "  CPU time per design, 1 thread (best run)",
    NumberFormat.fixed(cpu * 1e6, decimals: 1) + " µs = " + NumberFormat.fixed(1 / cpu, decimals: 0)
      + " evaluations/s per free core")
}
