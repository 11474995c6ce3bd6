import Foundation
import NeoplanKit

// The libFuzzer harness. SwiftPM renames an executable's `main` and points `main` at it, so
// libFuzzer's own `main` is not the entry point: this top-level code hands the command line to
// libFuzzer's driver. `LLVMFuzzerTestOneInput` is still exported, as libFuzzer's `main` needs it.

/// One input through ``PipelineProbe``. A broken promise (an error without `file:line:col`, an
/// unexpected error, an empty output) aborts, which libFuzzer records as a crash; traps are
/// crashes anyway and hangs are caught by `-timeout`.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
  if case .violation(let problem) = PipelineProbe.run(data) {
    FileHandle.standardError.write(Data("neoplan fuzz: promise broken: \(problem)\n".utf8))
    abort()
  }
  return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(runFuzzerDriver(&argc, &argv) { bytes, count in fuzzOneInput(bytes, count) })
