import Foundation

/// How a line on one side was paired with the other side.
public enum LineMatch: String, Sendable, CaseIterable {
  /// Same catalog part id (or the same id text on both sides).
  case id
  /// The line's part number is a catalog part's `part_number`.
  case partNumber = "part-number"
  /// The description equals a catalog part's vendor and model or the other side's description
  /// (case-insensitive).
  case description
  /// The description is a close, unique match (a typo, punctuation); reported, never silent.
  case fuzzyDescription = "description-fuzzy"
  /// Not identified: no known id, part number or description.
  case unidentified

  /// Weaker methods sort later.
  var strength: Int { LineMatch.allCases.firstIndex(of: self)! }
}

/// One side of a line: what that side buys.
public struct LineAmounts: Sendable, Hashable {
  /// How many.
  public var quantity: Int
  /// Price per unit (the weighted average when lines were aggregated at different prices).
  public var unitPrice: Money
  /// Sum of the side's extended prices for this part.
  public var extendedPrice: Money
  /// What the side's file calls it.
  public var description: String
  /// The side's id text, if any.
  public var partID: String?
  /// Where the side's lines are written, when known (CSV, plan files).
  public var locations: [SourceLocation]
}

/// A change in an amount of money, B − A.
public struct MoneyDelta: Sendable, Hashable {
  /// Side A.
  public var a: Money
  /// Side B (in A's currency).
  public var b: Money
  /// `b − a`.
  public var delta: Money { b - a }
  /// `(b − a) ÷ a × 100`, one decimal, `nil` when `a` is zero.
  public var percent: Decimal? { percentChange(from: a.cents, to: b.cents) }

  /// Creates a delta.
  public init(a: Money, b: Money) {
    self.a = a
    self.b = b
  }
}

/// `(to − from) ÷ from × 100`, rounded half-even to one decimal; `nil` when `from` is zero.
public func percentChange(from: Int64, to: Int64) -> Decimal? {
  guard from != 0 else { return nil }
  var value = Decimal(to - from) * 100 / Decimal(from)
  var rounded = Decimal()
  NSDecimalRound(&rounded, &value, 1, .bankers)
  return rounded
}

/// One line item compared across the two sides.
public struct LineDiff: Sendable, Hashable {
  /// What happened to the line from A to B.
  public enum Status: String, Sendable {
    /// Only on side B.
    case added
    /// Only on side A.
    case removed
    /// On both, with a different quantity, unit price or extended price.
    case changed
    /// On both, the same.
    case unchanged
  }

  /// The matching key: the catalog part id, or the line's own text when it was not identified.
  public var key: String
  /// The catalog part id, when the line was identified.
  public var partID: String?
  /// A readable name (the catalog vendor and model, else a side's description).
  public var description: String
  /// BoM category (inherited from the other side for quote lines without one).
  public var category: String
  /// A spare, not installed.
  public var isSpare: Bool
  /// Side A, `nil` when the line is added.
  public var a: LineAmounts?
  /// Side B (converted to A's currency), `nil` when the line is removed.
  public var b: LineAmounts?
  /// The weakest way either side's lines were identified.
  public var match: LineMatch
  /// Why a line was paired by part number or description, e.g. `B line 4 'Quantum 2 QM9700 switch'`.
  public var matchNotes: [String]

  /// Added, removed, changed or unchanged.
  public var status: Status {
    guard let a else { return .added }
    guard let b else { return .removed }
    return a.quantity == b.quantity && a.unitPrice == b.unitPrice && a.extendedPrice == b.extendedPrice
      ? .unchanged : .changed
  }
  /// `quantity B − quantity A` (a missing side counts 0).
  public var quantityDelta: Int { (b?.quantity ?? 0) - (a?.quantity ?? 0) }
  /// Unit price change, when both sides have the line.
  public var unitPriceDelta: MoneyDelta? {
    guard let a, let b else { return nil }
    return MoneyDelta(a: a.unitPrice, b: b.unitPrice)
  }
  /// Extended price change (a missing side counts zero).
  public func extendedDelta(currency: String) -> MoneyDelta {
    MoneyDelta(a: a?.extendedPrice ?? .zero(currency), b: b?.extendedPrice ?? .zero(currency))
  }
}

/// A category subtotal compared across the two sides.
public struct CategoryDelta: Sendable, Hashable {
  /// The category.
  public var category: String
  /// The subtotals.
  public var amounts: MoneyDelta
}

/// A named value that differs between the sides (a design count, a spec field).
public struct FieldChange: Sendable, Hashable {
  /// Dotted path, e.g. `fabrics.backend.switches.leaf`.
  public var path: String
  /// Side A's value, `nil` when A has no such field.
  public var a: FigureValue?
  /// Side B's value, `nil` when B has no such field.
  public var b: FigureValue?
  /// `b − a` when both are numbers in one unit, exact, e.g. `-16` or `22.5`.
  public var delta: Decimal? {
    guard let x = a?.measure, let y = b?.measure, x.unit == y.unit else { return nil }
    return y.value - x.value
  }
  /// The unit of the numbers, when a side is one.
  public var unit: MeasureUnit? { a?.measure?.unit ?? b?.measure?.unit }

  /// Creates a change.
  public init(path: String, a: FigureValue?, b: FigureValue?) {
    self.path = path
    self.a = a
    self.b = b
  }
}

/// Changes of one kind: `design` (the sized cluster), `spec` (the resolved spec fields that caused
/// them); renderers treat every group alike. Finance figures are compared separately
/// (``DiffReport/finance``): they are numbers with units, listed whether they changed or not.
public struct FieldGroup: Sendable, Hashable {
  /// Stable key: `design` or `spec`.
  public var name: String
  /// Heading for text output.
  public var title: String
  /// Only the fields that differ, in a stable order.
  public var changes: [FieldChange]
}

/// One side as the report describes it.
public struct DiffSideSummary: Sendable, Hashable {
  /// The file as the user named it.
  public var file: String
  /// What the file was.
  public var kind: DiffInput.Kind
  /// The plan name (specs and plans).
  public var name: String?
  /// The side's own currency (before any conversion).
  public var currency: String
  /// GPUs, when known.
  public var gpus: Int?
  /// The rate used to bring this side into the report currency, if one was needed.
  public var conversion: ExchangeRate?
}

/// Everything `neoplan diff` reports: B compared with A, in A's currency.
public struct DiffReport: Sendable {
  /// Side A (the reference).
  public var a: DiffSideSummary
  /// Side B.
  public var b: DiffSideSummary
  /// The currency of every amount.
  public var currency: String
  /// Every line, both sides, in a stable order (category, installed before spares, A's order).
  public var lines: [LineDiff]
  /// Subtotals by category.
  public var categories: [CategoryDelta]
  /// Total of all lines.
  public var total: MoneyDelta
  /// Total ÷ GPUs per side, when both GPU counts are known.
  public var perGPU: MoneyDelta?
  /// Design and spec differences (both sides specs or plans); empty groups are left out.
  public var fieldGroups: [FieldGroup]
  /// Every finance figure of both sides, B − A (both sides specs or saved plans with finance);
  /// `nil` when not compared. Unlike the field groups, unchanged figures are listed too.
  public var finance: [FinanceChange]?
  /// How inputs were read and matched: conversions, skipped rows, description matches.
  public var notes: [String]

  /// The total change split into price, quantity, scope missing from B and scope only in B.
  public var breakdown: DeltaBreakdown { DeltaBreakdown(lines: lines, currency: currency) }

  /// Lines that are not unchanged.
  public var changedLines: [LineDiff] { lines.filter { $0.status != .unchanged } }

  /// True when any line, field or finance figure differs.
  public var hasDifferences: Bool {
    !changedLines.isEmpty || fieldGroups.contains { !$0.changes.isEmpty }
      || (finance?.contains { $0.differs } ?? false)
  }
}

/// Plain text of a decimal with a sign: `+16`, `-22.5`, `0`.
func signedDecimal(_ value: Decimal) -> String {
  let text = NumberFormat.plain(value)
  return value > 0 ? "+" + text : text
}
