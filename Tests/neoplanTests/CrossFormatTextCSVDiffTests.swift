import Foundation
import Testing

/// The text plan, the BoM CSV and the diff show the figures the JSON summary has: the same BoM
/// lines and totals, capex, TCO, cost per GPU-hour, the three NPVs and IRRs (rounded as shown) and
/// the IT and facility power. Together with ``CrossFormatConsistencyTests`` (the HTML reports'
/// tagged figures) this checks that writers only format figures the engine computed once.
@Suite("plan: text, CSV and diff agree with the JSON")
struct CrossFormatTextCSVDiffTests {
  static let examples = PlanExamplesTests.examples
  static let posix = Locale(identifier: "en_US_POSIX")

  /// `1,234.50`, `-4.2%`, `USD 2.0787/GPU-h` → the number, grouping, currency and units dropped.
  static func number(_ shown: String) -> Decimal? {
    var text = shown.trimmingCharacters(in: .whitespaces)
    if let space = text.lastIndex(of: " "), text[..<space].allSatisfy(\.isLetter) {
      text = String(text[text.index(after: space)...])
    }
    text = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "%", with: "")
    text = text.replacingOccurrences(of: "/GPU-h", with: "").replacingOccurrences(of: "−", with: "-")
    return Decimal(string: text, locale: posix)
  }

  /// `value` rounded half-even to `scale` decimals (how every writer rounds for display).
  static func rounded(_ value: Decimal, _ scale: Int) -> Decimal {
    var input = value
    var result = Decimal()
    NSDecimalRound(&result, &input, scale, .bankers)
    return result
  }

  /// The text after `label` on the line that starts with it (leading blanks ignored), up to two
  /// spaces (where a remark such as `(NPV = 0 at …)` starts).
  static func field(_ text: String, _ label: String) -> String? {
    for line in text.split(separator: "\n") {
      let trimmed = line.drop { $0 == " " }
      guard trimmed.hasPrefix(label) else { continue }
      let rest = trimmed.dropFirst(label.count).drop { $0 == " " }
      return rest.components(separatedBy: "  ").first.map { $0.trimmingCharacters(in: .whitespaces) }
    }
    return nil
  }

  @Test("text plan: BoM total, capex, TCO, cost per GPU-hour, NPVs, IRRs, power", arguments: examples)
  func textPlan(example: String) throws {
    let plan = try PlanExamplesTests.planJSON(example)
    let text = try PlanExamplesTests.plan(example).stdoutText
    func json(_ path: String) throws -> Decimal {
      try #require(plan[path: path]?.decimal, "\(example): no JSON number at \(path)")
    }
    func shown(_ label: String) throws -> String {
      try #require(Self.field(text, label), "\(example): the text plan has no '\(label)' line")
    }
    let currency = try #require(plan[path: "bom.currency"]?.string)
    #expect(Self.number(try shown("Total \(currency)")) == (try json("bom.total")))
    #expect(Self.number(try shown("capex ")) == (try json("tco.capex")))
    let years = try #require(plan[path: "tco.horizonYears"]?.int)
    #expect(Self.number(try shown("TCO over \(years) years")) == (try json("tco.total")))
    #expect(Self.number(try shown("cost per GPU-hour")) == (try json("tco.costPerGPUHour")))

    let series = ["returns.projectPreTax", "returns.projectAfterTax", "returns.equity"]
    let npvs = try shown("NPV").components(separatedBy: " | ")
    #expect(npvs.count == 3)
    for (path, npv) in zip(series, npvs) {
      #expect(Self.number(npv) == (try json("\(path).npv")), "\(example): \(path).npv shows \(npv)")
    }
    let irrs = try shown("IRR").components(separatedBy: " | ")
    #expect(irrs.count == 3)
    for (path, irr) in zip(series, irrs) {
      guard let expected = plan[path: "\(path).irr"]?.decimal else {
        #expect(Self.number(irr) == nil, "\(example): \(path) has no IRR in the JSON, text shows \(irr)")
        continue
      }
      // The JSON fraction has 6 decimals; the text shows a percentage with one decimal.
      #expect(Self.number(irr) == Self.rounded(expected * 100, 1), "\(example): \(path).irr shows \(irr)")
    }

    // `Power     IT 1443.7 kW max (1191.2 typical), node rack 30.9 kW, facility 1876.8 kW at PUE 1.3`
    let power = try shown("Power")
    let words = power.components(separatedBy: " ")
    let it = try #require(words.firstIndex(of: "IT").map { words[$0 + 1] })
    let facility = try #require(words.firstIndex(of: "facility").map { words[$0 + 1] })
    #expect(Self.number(it) == Self.rounded(try json("facility.itPowerKW"), 1))
    #expect(Self.number(facility) == Self.rounded(try json("facility.facilityPowerKW"), 1))
  }

  @Test("BoM CSV: every line and the total equal the JSON's", arguments: examples)
  func bomCSV(example: String) throws {
    let json = try PlanExamplesTests.planJSON(example)
    let csv = try PlanExamplesTests.plan(example, ["--format", "csv"]).stdoutText
    let rows = try CSVRows.parse(csv)
    let header = try #require(rows.first)
    func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name), "no \(name) column") }
    let (id, quantity, unit, extended) = (
      try column("id"), try column("quantity"), try column("unit_price"), try column("extended_price")
    )
    let lines = try #require(json[path: "bom.lines"]?.array)
    let body = rows.dropFirst()
    #expect(body.count == lines.count, "\(example): \(body.count) CSV rows, \(lines.count) JSON lines")
    var sum = Decimal(0)
    for (row, line) in zip(body, lines) {
      #expect(row[id] == line[path: "id"]?.string)
      #expect(Int(row[quantity]) == line[path: "quantity"]?.int)
      #expect(Decimal(string: row[unit], locale: Self.posix) == line[path: "unitPrice"]?.decimal)
      let amount = try #require(Decimal(string: row[extended], locale: Self.posix))
      #expect(amount == line[path: "extendedPrice"]?.decimal, "\(example): \(row[id])")
      sum += amount
    }
    #expect(sum == json[path: "bom.total"]?.decimal, "\(example): the CSV lines add up to \(sum)")
  }

  /// A diff of two specs shows, on each side, the BoM total, the per-GPU figure and every design
  /// and finance figure that the side's own plan JSON has at the same path.
  @Test("diff: both sides' figures equal each plan's JSON")
  func diffSides() throws {
    let (a, b) = ("h100-ib-128.yaml", "h100-eth-128.yaml")
    let jsonA = try PlanExamplesTests.planJSON(a)
    let jsonB = try PlanExamplesTests.planJSON(b)
    let result = try CLI.run([
      "diff", PlanExamplesTests.path(a), PlanExamplesTests.path(b), "--format", "json",
    ])
    #expect(result.exitCode == 0, "\(result)")
    let diff = try JSON.parse(result.stdoutText)
    #expect(diff[path: "total.a"]?.decimal == jsonA[path: "bom.total"]?.decimal)
    #expect(diff[path: "total.b"]?.decimal == jsonB[path: "bom.total"]?.decimal)
    #expect(diff[path: "perGPU.a"]?.decimal == jsonA[path: "bom.perGPU"]?.decimal)
    #expect(diff[path: "perGPU.b"]?.decimal == jsonB[path: "bom.perGPU"]?.decimal)

    let finance = try #require(diff[path: "fields.finance"]?.array)
    #expect(finance.count >= 5)
    // The diff names the two break-even prices by their target (`returns.breakEven.cash`: IRR 0;
    // `.discountRate`: the discount rate); the plan lists them in `returns.breakEven[]`.
    func planFigure(_ plan: JSON, _ path: String) -> Decimal? {
      let target: Decimal?
      switch path {
      case "returns.breakEven.cash": target = 0
      case "returns.breakEven.discountRate": target = plan[path: "returns.discountRate"]?.decimal
      default: return plan[path: path]?.decimal
      }
      let rows = plan[path: "returns.breakEven"]?.array ?? []
      return rows.first { $0[path: "targetIRR"]?.decimal == target }?[path: "startRatePerGPUHour"]?.decimal
    }
    for field in finance {
      let path = try #require(field[path: "path"]?.string)
      #expect(field[path: "a"]?.decimal == planFigure(jsonA, path), "finance \(path) A")
      #expect(field[path: "b"]?.decimal == planFigure(jsonB, path), "finance \(path) B")
    }
    // Design fields carry the shown text; numbers compare by value (`1443.688` and `1443.688`).
    let design = try #require(diff[path: "fields.design"]?.array)
    #expect(design.count >= 5)
    for field in design {
      let path = try #require(field[path: "path"]?.string)
      for (side, plan) in [("a", jsonA), ("b", jsonB)] {
        guard let shown = field[path: side]?.string, let value = plan[path: path] else { continue }
        if let number = value.decimal {
          #expect(Decimal(string: shown, locale: Self.posix) == number, "design \(path) \(side): \(shown)")
        } else if let text = value.string {
          #expect(shown == text, "design \(path) \(side)")
        }
      }
    }
  }
}

/// A minimal RFC 4180 reader for the tests (quoted fields, doubled quotes, CRLF or LF).
enum CSVRows {
  struct Malformed: Error {}

  static func parse(_ text: String) throws -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(text)[...]
    while let c = chars.popFirst() {
      if quoted {
        if c == "\"" {
          if chars.first == "\"" {
            field.append("\"")
            chars = chars.dropFirst()
          } else {
            quoted = false
          }
        } else {
          field.append(c)
        }
        continue
      }
      switch c {
      case "\"": quoted = true
      case ",":
        row.append(field)
        field = ""
      case "\r\n", "\n", "\r":
        row.append(field)
        rows.append(row)
        (row, field) = ([], "")
      default: field.append(c)
      }
    }
    if quoted { throw Malformed() }
    if !field.isEmpty || !row.isEmpty {
      row.append(field)
      rows.append(row)
    }
    return rows
  }
}
