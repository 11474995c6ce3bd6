import Foundation
import NeoplanKit

// neoplan-gen CATALOGS_DIR TEMPLATES_DIR: prints CompiledData+Generated.swift (scripts/gen-compiled-data).
let arguments = CommandLine.arguments
guard arguments.count == 3 else {
  FileHandle.standardError.write(Data("usage: neoplan-gen CATALOGS_DIR TEMPLATES_DIR\n".utf8))
  exit(2)
}
do {
  let source = try CompiledDataGenerator.source(catalogs: arguments[1], templates: arguments[2])
  FileHandle.standardOutput.write(Data(source.utf8))
} catch let error as InputError {
  for diagnostic in error.diagnostics { FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8)) }
  exit(2)
} catch {
  FileHandle.standardError.write(Data("neoplan-gen: \(error)\n".utf8))
  exit(1)
}
