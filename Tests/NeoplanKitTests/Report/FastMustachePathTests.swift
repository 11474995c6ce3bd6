import Testing

@testable import NeoplanKit

/// `FastMustache.Path` cuts names at `.` bytes; the library (and the former code) used
/// `split(separator: ".")`, which drops empty parts.
@Suite("FastMustache names are cut as split(separator:) cuts them")
struct FastMustachePathTests {
  @Test func sameAsSplit() {
    let names = ["a", "a.b", "cover.project", ".a", ".", "..", "a..b", "a.", "", "...x..y.", "L.key_1", "a-b.c?d"]
    for name in names {
      let path = FastMustache.Path(name)
      let parts = name.split(separator: ".").map(String.init)
      #expect(path.parts == parts, "\(name)")
      #expect(path.anchored == name.hasPrefix("."), "\(name)")
      #expect(path.isCurrent == parts.isEmpty, "\(name)")
    }
    // Written out by hand.
    #expect(FastMustache.Path("...x..y.").parts == ["x", "y"])
    #expect(FastMustache.Path("cover.project").parts == ["cover", "project"])
  }
}
