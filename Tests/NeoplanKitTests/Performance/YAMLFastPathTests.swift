import Foundation
import Testing

@testable import NeoplanKit

/// The Foundation-free pieces of the YAML reader agree with what they replaced.
@Suite("YAML reader without Foundation string scans")
struct YAMLFastPathTests {
  /// `isBlank` is `CharacterSet.whitespaces` (general category Zs, tab and, in Foundation, U+200B)
  /// for every scalar.
  @Test func isBlankIsWhitespaces() {
    var differences: [UInt32] = []
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      if isBlank(scalar) != CharacterSet.whitespaces.contains(scalar) { differences.append(value) }
    }
    #expect(differences.isEmpty, "\(differences.prefix(5))")
    #expect(isBlank("\u{3000}") && isBlank(" ") && !isBlank("\n") && !isBlank("a"))
  }

  /// Numbers, booleans and nulls are still read from their text with the basic resolver.
  @Test func scalarsStillRead() throws {
    let root = try #require(try YAMLValue.parse("a: 1_024\nb: yes\nc: ~\nd: 2.5\ne: '7'\n", file: "t.yaml"))
    let map = try root.mapping()
    #expect(try map.required("a", expected: "").int() == 1024)
    #expect(try map.required("b", expected: "").bool() == true)
    #expect(map.entries.first { $0.key == "c" }?.value.isNull == true)
    #expect(try map.required("d", expected: "").double() == 2.5)
    #expect(throws: InputError.self) { try map.required("e", expected: "").int() }  // quoted: a string
  }
}
