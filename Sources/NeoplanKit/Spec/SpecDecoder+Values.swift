import Foundation

extension YAMLValue {
  /// A leaf oversubscription ratio `"down:up"` with 64 ≥ down ≥ up ≥ 1.
  func oversubscription() throws -> Oversubscription {
    let text = try string()
    let pieces = text.split(separator: ":")
    guard pieces.count == 2, let down = Int(pieces[0]), let up = Int(pieces[1]), up > 0, down >= up, down <= 64 else {
      throw error(
        "'\(Truncated.text(text))' is not an oversubscription ratio",
        expected: "expected \"down:up\" with 64 ≥ down ≥ up ≥ 1, e.g. \"1:1\" or \"2:1\"")
    }
    return Oversubscription(down: down, up: up)
  }
}
