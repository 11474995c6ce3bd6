import Foundation
import NeoplanKit

/// libFuzzer entry point: one input through ``PipelineProbe``. A broken promise (an error
/// without `file:line:col`, an unexpected error, an empty output) aborts, which libFuzzer
/// records as a crash; traps and hangs (`-timeout`) are caught by libFuzzer itself.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
  if case .violation(let problem) = PipelineProbe.run(data) {
    FileHandle.standardError.write(Data("neoplan fuzz: promise broken: \(problem)\n".utf8))
    abort()
  }
  return 0
}
