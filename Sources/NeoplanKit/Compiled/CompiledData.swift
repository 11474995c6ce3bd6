import Foundation

/// The embedded catalog and locale strings compiled into the binary (CompiledData+Generated.swift,
/// written by `scripts/gen-compiled-data` from catalogs/*.yaml and templates/locales/*.yaml).
///
/// The YAML files stay the source of truth: a compiled value is used only when the file it came
/// from is byte-for-byte the one being read (same FNV-1a 64 fingerprint). Any other folder
/// (`--catalog DIR`, `--templates DIR`, `NEOPLAN_RESOURCES`) or an edited file goes through the
/// YAML reader as before, so a stale generated file costs time, never correctness.
enum CompiledData {
  /// FNV-1a 64 of `bytes`.
  static func fingerprint(_ bytes: some Sequence<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    return hash
  }

  /// The catalog files of `directory` as `CatalogLoader.loadDirectory` reads them, sorted by name.
  static func catalogFiles(in directory: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }.sorted()
  }

  /// Fingerprint of a catalog folder: every catalog file's name and bytes, in order; `nil` if
  /// one cannot be read.
  static func catalogFingerprint(directory: String) -> UInt64? {
    var bytes: [UInt8] = []
    for name in catalogFiles(in: directory) {
      guard let data = FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(name))
      else { return nil }
      bytes += Array(name.utf8) + [0] + Array(data) + [0]
    }
    return fingerprint(bytes)
  }

  /// The compiled parts when `directory` holds exactly the catalog they were compiled from.
  static func catalogParts(directory: String) -> [Part]? {
    guard let print = catalogFingerprint(directory: directory), print == Generated.catalogFingerprint else {
      return nil
    }
    return Generated.catalogParts()
  }

  /// The compiled strings of a locale file whose text is `text` (its fingerprint must match).
  static func localeStrings(_ language: ReportLanguage, text: String) -> [String: String]? {
    localeStrings(language, bytes: text.utf8)
  }

  /// The compiled strings of a locale file whose bytes are `bytes` (its fingerprint must match;
  /// then the bytes are the UTF-8 text the strings were compiled from).
  static func localeStrings(_ language: ReportLanguage, bytes: some Sequence<UInt8>) -> [String: String]? {
    guard let print = Generated.localeFingerprints[language.rawValue], print == fingerprint(bytes) else {
      return nil
    }
    return Generated.localeStrings(language.rawValue)
  }
}
