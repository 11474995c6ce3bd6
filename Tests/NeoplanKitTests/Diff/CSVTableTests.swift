import Foundation
import Testing

@testable import NeoplanKit

@Suite("CSV reading for diff")
struct CSVTableTests {
  @Test("quoted fields, doubled quotes, embedded line breaks, CRLF and LF")
  func rfc4180() throws {
    let text = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n1,,3\r\n\r\n"
    let table = try CSVTable.parse(text, file: "t.csv")
    #expect(
      table.records.map { $0.map(\.text) } == [
        ["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["1", "", "3"],
      ])
    // The record after the embedded line break starts on line 4; its second field at column 3.
    #expect(table.records[2][1].line == 4)
    #expect(table.records[2][1].column == 3)
  }

  @Test("an unclosed quote is reported where it opens")
  func unclosedQuote() {
    #expect {
      _ = try CSVTable.parse("id,qty\n\"abc,3\n", file: "q.csv")
    } throws: { error in
      "\(error)" == "q.csv:2:1: error: unclosed quote; expected a closing '\"' before the end of the file"
    }
  }

  @Test("a bad quantity and a bad price are reported at their line and column")
  func badNumbers() {
    let text = "id,qty,unit_price\nnvidia-qm9700,12,36000.00\nrack-48u,1.5,3000\ncat6-3m,2,6.005\n"
    #expect {
      _ = try DiffInput.parse(text, file: "n.csv", catalog: TestCatalog.embedded)
    } throws: { error in
      let lines = "\(error)".split(separator: "\n").map(String.init)
      return lines.count == 2 && lines[0].hasPrefix("n.csv:3:10: error: '1.5' is not a quantity")
        && lines[1].hasPrefix("n.csv:4:11: error: '6.005' is not a price")
    }
  }

  @Test("prices with grouping, symbols and parentheses are exact")
  func prices() {
    #expect(DiffInput.parseMoney("$36,000.50", currency: "USD") == Money(cents: 3_600_050, currency: "USD"))
    #expect(DiffInput.parseMoney("(500)", currency: "USD") == Money(cents: -50_000, currency: "USD"))
    #expect(DiffInput.parseMoney("1,23.00", currency: "USD") == nil)
    #expect(DiffInput.parseQuantity("1,024") == 1024)
    #expect(DiffInput.parseQuantity("2.0") == 2)
    #expect(DiffInput.parseQuantity("-1") == nil)
  }

  @Test("header synonyms are matched case-insensitively")
  func synonyms() throws {
    let text = "SKU,P/N,Desc,Quantity,Unit Cost\nfoo,MQM9700-NS2F,whatever,2,1.00\n"
    let input = try DiffInput.parse(text, file: "s.csv", catalog: TestCatalog.embedded)
    #expect(input.kind == .csv)
    #expect(input.lines.first?.partID == "foo")
    #expect(input.lines.first?.partNumber == "MQM9700-NS2F")
    #expect(input.lines.first?.quantity == 2)
    #expect(input.currency == nil)
  }

  @Test("a file that is no BoM is a located error")
  func notABoM() {
    #expect {
      _ = try DiffInput.parse("just some words\n", file: "w.txt", catalog: TestCatalog.embedded)
    } throws: { error in
      "\(error)".hasPrefix("w.txt:1:1: error: not a spec, a saved plan or a BoM CSV")
    }
    #expect {
      _ = try DiffInput.parse("id,description\nfoo,bar\n", file: "h.csv", catalog: TestCatalog.embedded)
    } throws: { error in
      "\(error)".hasPrefix("h.csv:1:1: error: the CSV header lacks a quantity column")
    }
  }
}
