import Foundation
import Testing

@testable import NeoplanKit

/// The release `neoplan` is one static executable (Package.swift). A static glibc loads NSS
/// modules from the shared glibc for user, group and host lookups, and that crashed on this
/// machine (a path `~x/out.json` made Foundation's `URL` look up user `x`: SIGSEGV inside
/// libnss_systemd). neoplan confines lookups to glibc's built-in services at start
/// (`NameLookup`), and its own code asks for no user, group or host at all: these tests scan the
/// sources; scripts/check-static-binary runs the release binary under strace in CI.
@Suite struct StaticLinkTests {
  /// Foundation calls that look up a user or group name (attributes carry owner names; URL and
  /// symbolic-link reading expand `~user`), and the libc lookups themselves.
  static let forbidden = [
    "attributesOfItem", "destinationOfSymbolicLink", "homeDirectory", "NSHomeDirectory", "NSUserName",
    "NSFullUserName", "userName", "expandingTildeInPath", "standardizingPath", "getpwnam", "getpwuid",
    "getgrnam", "getgrgid", "getaddrinfo", "gethostbyname", "Host.current",
  ]

  static func sources() throws -> [(path: String, text: String)] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Sources")
      .standardizedFileURL.path
    let enumerator = try #require(FileManager.default.enumerator(atPath: root))
    var files: [(String, String)] = []
    while let name = enumerator.nextObject() as? String {
      guard name.hasSuffix(".swift") else { continue }
      let path = root + "/" + name
      files.append((name, try String(contentsOfFile: path, encoding: .utf8)))
    }
    return files
  }

  @Test func sourcesCallNoUserOrGroupLookup() throws {
    let files = try Self.sources()
    #expect(files.count > 100)  // the scan reads the real tree
    for (name, text) in files {
      for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let code = line.trimmingCharacters(in: .whitespaces)
        guard !code.hasPrefix("//") else { continue }
        for word in Self.forbidden where code.contains(word) {
          Issue.record("\(name):\(number + 1): calls \(word), which a static glibc must not do")
        }
      }
    }
  }

  /// `URL(fileURLWithPath:)` expands a leading `~user`: every path given to it is made absolute
  /// first (`PathName.absolute`); neoplan-bench, a developer tool, writes to paths it makes itself.
  @Test func everyFileURLGetsAnAbsolutePath() throws {
    for (name, text) in try Self.sources() {
      for line in text.split(separator: "\n")
      where line.contains("URL(fileURLWithPath:")
        && !line.trimmingCharacters(in: .whitespaces).hasPrefix("//")
      {
        let absolute = line.contains("URL(fileURLWithPath: PathName.absolute(") || line.contains("#filePath")
        #expect(absolute || name.hasPrefix("neoplan-bench/"), "\(name): \(line)")
      }
    }
  }

  @Test func pathsAreTakenLiterally() {
    #expect(PathName.absolute("/a/b") == "/a/b")
    let cwd = FileManager.default.currentDirectoryPath
    #expect(PathName.absolute("~x/out.json") == (cwd == "/" ? "/~x/out.json" : cwd + "/~x/out.json"))
    // a symbolic link's text comes back as written, relative or not
    let folder = FileManager.default.temporaryDirectory.path + "/neoplan-static-link-\(getpid())"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(symlink("../target.json", folder + "/link.json") == 0)
    #expect(PathName.symbolicLinkDestination(folder + "/link.json") == "../target.json")
    #expect(PathName.symbolicLinkDestination(folder) == nil)
    #expect(PathName.resolvedFolder(of: folder + "/./x.json") == PathName.resolvedFolder(of: folder + "/y"))
    #expect(PathName.resolvedFolder(of: folder + "/missing/x.json") == nil)
  }
}
