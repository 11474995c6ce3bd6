import Foundation
import Testing

@testable import NeoplanKit

/// The start-up file work done without FileManager listings and Bundle (issue 13): the same
/// answers as what it replaced.
@Suite("Start-up file work without FileManager listings")
struct StartupIOTests {
  static let catalogs = CompiledDataTests.catalogs

  /// Published FNV-1a 64 vectors (draft-eastlake-fnv, test vectors): "" → cbf29ce484222325,
  /// "a" → af63dc4c8601ec8c, "foobar" → 85944171f73967e8. Fed byte by byte and as one buffer.
  @Test func fingerprintVectors() {
    let vectors: [(String, UInt64)] = [
      ("", 0xcbf2_9ce4_8422_2325), ("a", 0xaf63_dc4c_8601_ec8c), ("foobar", 0x8594_4171_f739_67e8),
    ]
    for (text, expected) in vectors {
      #expect(CompiledData.fingerprint(text.utf8) == expected)
      var streamed = CompiledData.Fingerprint()
      Array(text.utf8).withUnsafeBytes { streamed.add($0) }
      #expect(streamed.value == expected)
    }
  }

  /// The catalog fingerprint, hashed file by file in place, is the FNV-1a 64 of every file's
  /// name, a 0 byte, its bytes and a 0 byte, joined in name order (the definition, built here
  /// as one array), and it is the fingerprint the compiled catalog was generated for.
  @Test func catalogFingerprintIsTheJoinedBytes() throws {
    var joined: [UInt8] = []
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.catalogs)
      .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }.sorted()
    #expect(names.count > 3)
    for name in names {
      let data = try Data(contentsOf: URL(fileURLWithPath: Self.catalogs + "/" + name))
      joined += Array(name.utf8) + [0] + Array(data) + [0]
    }
    let reference = CompiledData.fingerprint(joined)
    #expect(CompiledData.catalogFingerprint(directory: Self.catalogs) == reference)
    #expect(CompiledData.Generated.catalogFingerprint == reference)
  }

  /// Only `.NAME.neoplan-PID.tmp` and `.NAME.neoplan-PID.tmp.pdf` with ASCII decimal PIDs that
  /// fit in Int32 are temporaries of NAME.
  @Test func temporaryNames() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("startup-io-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let names = [
      ".q.html.neoplan-123.tmp", ".q.html.neoplan-0045.tmp.pdf", ".q.html.neoplan-.tmp", ".q.html.neoplan-12a.tmp",
      ".q.html.neoplan-99999999999.tmp", ".q.html.neoplan-5.tmpx", ".q.html.neoplan-5.tmp.pdf.x",
      ".q.html.neoplan-٣.tmp", ".r.html.neoplan-5.tmp", "q.html.neoplan-5.tmp", "q.html", ".q.html.neoplan-7.TMP",
    ]
    for name in names { try Data("x".utf8).write(to: folder.appendingPathComponent(name)) }
    let found = AtomicFile.temporaries(in: folder.path, name: "q.html")
    // 123 and 0045 (= 45) are the only decimal PIDs followed by exactly .tmp or .tmp.pdf.
    #expect(found.map(\.name).sorted() == [".q.html.neoplan-0045.tmp.pdf", ".q.html.neoplan-123.tmp"])
    #expect(found.map(\.pid).sorted() == [45, 123])
    #expect(AtomicFile.temporaries(in: folder.path + "/missing", name: "q.html").isEmpty)
  }

  /// A stale temporary (PID above Linux's pid_max 2^22, so no process has it) is removed, this
  /// process's own one is kept.
  @Test func staleTemporaryRemoved() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("startup-io-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let dead = ".o.txt.neoplan-4194305.tmp.pdf"
    let own = ".o.txt.neoplan-\(getpid()).tmp"
    for name in [dead, own] { try Data("x".utf8).write(to: folder.appendingPathComponent(name)) }
    AtomicFile.removeStaleTemporaries(in: folder.path, name: "o.txt")
    let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(left == [own])
  }

  #if os(Linux)
    /// The executable's folder from /proc/self/exe is the one Foundation's `Bundle.main` gives
    /// (executable, symbolic links resolved; and the bundle folder), as the locator used before.
    @Test func executableFoldersMatchBundle() throws {
      let executable = try #require(Bundle.main.executableURL).resolvingSymlinksInPath().deletingLastPathComponent()
      #expect(ResourceLocator.executableFolders() == [executable.path, Bundle.main.bundleURL.path])
    }
  #endif

  /// `fileSize` is the byte count of a file, 0 when it is missing.
  @Test func fileSize() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("startup-io-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: file) }
    try Data("12345".utf8).write(to: file)
    #expect(PathName.fileSize(file.path) == 5)
    #expect(PathName.fileSize(file.path + ".missing") == 0)
  }

  /// Digit separators are dropped as Foundation's `replacingOccurrences(of: "_", with: "")`
  /// dropped them (the reference), and a number with them reads as without.
  @Test func underscoresDropped() throws {
    for text in ["1_024", "1024", "_", "__1__", "", "1_0.5_5e1_0", "-_3", "a_\u{301}b", "_\u{301}", "٣_٣", "1 _ 2"] {
      #expect(YAMLValue.withoutUnderscores(text) == text.replacingOccurrences(of: "_", with: ""))
    }
    let root = try #require(try YAMLValue.parse("a: 1_000_000\nb: 1_0.2_5\n", file: "t.yaml"))
    let map = try root.mapping()
    #expect(try map.required("a", expected: "").int() == 1_000_000)
    #expect(try map.required("b", expected: "").double() == 10.25)
  }

  /// The byte check of a number's characters accepts exactly the strings whose every Character
  /// is one of `0123456789.-+eE` (the check it replaced, as the reference).
  @Test func numberCharacters() {
    let strings = [
      "1.5", "-2e+10", "1E5", "12a", "1\u{301}", "\r\n", "1\r\n2", "٣", "1.5 ", "", "+.e-", "１", "0x1F", "1_0",
    ]
    for text in strings {
      #expect(text.utf8.allSatisfy(YAMLValue.isNumberByte) == text.allSatisfy({ "0123456789.-+eE".contains($0) }))
    }
  }

  /// A path without brackets normalizes to itself; with them, as the Character loop drops
  /// indices (reference written out here: `parts[3].specs.port_modes[0].ports` →
  /// `parts.specs.port_modes.ports`).
  @Test func boundPathsNormalized() {
    func reference(_ path: String) -> String {
      var out = ""
      var inIndex = false
      for character in path {
        if character == "[" {
          inIndex = true
        } else if character == "]" {
          inIndex = false
        } else if !inIndex {
          out.append(character)
        }
      }
      return out
    }
    for path in ["finance.market_price", "parts[3].specs.port_modes[0].ports", "a]b", "fx[0", "", "é.ü", "x[]y"] {
      #expect(NumberBounds.normalized(path) == reference(path))
    }
    #expect(NumberBounds.normalized("parts[3].specs.port_modes[0].ports") == "parts.specs.port_modes.ports")
  }
}
