import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Well-formedness through Foundation's XMLParser, which is libxml2 on Linux: the reports are
/// written as XHTML-compatible HTML5 so that a strict XML parse checks every tag is closed and
/// every entity is escaped.
func xmlProblems(_ html: String) -> String? {
  final class Delegate: NSObject, XMLParserDelegate {
    var error: String?
    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
      error = "line \(parser.lineNumber) col \(parser.columnNumber): \(parseError)"
    }
  }
  let parser = XMLParser(data: Data(html.utf8))
  let delegate = Delegate()
  parser.delegate = delegate
  let ok = parser.parse()
  if let error = delegate.error { return error }
  return ok ? nil : "parse failed"
}
