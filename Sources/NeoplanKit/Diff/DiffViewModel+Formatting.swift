import Foundation

/// How the diff page writes amounts, deltas, figures and colours, and keeps its text XML-safe.
extension DiffViewModel {
  func card(_ label: String, _ value: String, note: String, tone: String) -> [String: Any] {
    ["label": label, "value": value, "note": note, "tone": tone]
  }

  /// The one colour rule of the page, for every delta (lines, categories, totals, cards, finance):
  /// `worse` (red) when B costs more, `better` (green) when it costs less, empty (neutral) when
  /// nothing changed. The `+` / `−` / `~` markers say added / removed / changed and are not coloured.
  func tone(cost sign: Int64) -> String { sign > 0 ? "worse" : sign < 0 ? "better" : "" }

  /// The tone of a finance figure's change: costs, rates and the payback month are worse when they
  /// rise; NPV, IRRs and MOIC are better when they rise; the discount rate is an input, neutral.
  func financeTone(_ change: FinanceChange) -> String {
    guard let delta = change.delta else { return "" }
    let sign: Int64 = delta > 0 ? 1 : delta < 0 ? -1 : 0
    switch change.metric {
    case .costPerGPUHour, .tcoPerGPUHour, .capex, .tco, .breakEvenCash, .breakEvenAtDiscountRate, .paybackMonths:
      return tone(cost: sign)
    case .npv, .projectIRR, .equityIRR, .moic: return tone(cost: -sign)
    case .discountRate: return ""
    }
  }

  func amountRow(label: String, marker: String, _ amounts: MoneyDelta, rowClass: String) -> [String: Any] {
    [
      "label": label, "marker": marker, "rowClass": rowClass,
      "a": grouped(amounts.a), "b": grouped(amounts.b), "delta": signed(amounts.delta),
      "percent": percentText(amounts.percent) ?? "", "tone": tone(cost: amounts.delta.cents),
    ]
  }

  func categoryLabel(_ raw: String) -> String {
    if raw == BillOfMaterialsDiff.uncategorized { return locale.t("diff_uncategorized") }
    return locale.strings["cat_" + raw] ?? raw
  }

  func financeLabel(_ metric: FinanceMetric) -> String {
    locale.t("diff_fin_\(metric)")
  }

  func marker(_ status: LineDiff.Status) -> String {
    switch status {
    case .added: return "+"
    case .removed: return "−"
    case .changed: return "~"
    case .unchanged: return "="
    }
  }

  /// `1,234.50`, `−500.00` (a true minus sign).
  func grouped(_ money: Money) -> String {
    NumberFormat.money(money, minus: "−")
  }

  /// `USD 1,234.50`.
  func money(_ money: Money) -> String { "\(money.currency) \(grouped(money))" }

  /// `+1,234.50`, `−500.00`, `0.00`; with the currency code in front when `currency`.
  func signed(_ money: Money, currency: Bool = false) -> String {
    let text = (money.cents > 0 ? "+" : "") + grouped(money)
    return currency ? "\(money.currency) \(text)" : text
  }

  func signedCount(_ n: Int) -> String { (n > 0 ? "+" : "") + locale.count(n) }

  /// `+12.5%`, `−100.0%`; `nil` without a base.
  func percentText(_ value: Decimal?) -> String? {
    value.map { signedText(signedPercent($0), positive: false) }
  }

  /// Replaces a leading ASCII minus with a true minus; adds `+` when `positive` and not signed.
  func signedText(_ text: String, positive: Bool) -> String {
    if text.hasPrefix("-") { return "−" + text.dropFirst() }
    return positive && !text.hasPrefix("+") ? "+" + text : text
  }

  func financeValue(_ value: Decimal, _ metric: FinanceMetric) -> String {
    switch metric.unit {
    case .money: return Money(major: value, currency: report.currency).map(money) ?? NumberFormat.plain(value)
    case .ratePerGPUHour:
      return "\(report.currency) " + signedText(NumberFormat.fixed(value, decimals: 4), positive: false)
    case .fraction: return signedText(NumberFormat.fixed(value * 100, decimals: 2), positive: false) + "%"
    case .multiple: return NumberFormat.fixed(value, decimals: 2) + "×"
    case .months: return locale.t("payback_format", ["n": NumberFormat.plain(value)])
    }
  }

  func financeDelta(_ value: Decimal, _ metric: FinanceMetric) -> String {
    switch metric.unit {
    case .money:
      return Money(major: value, currency: report.currency).map { signed($0) } ?? NumberFormat.plain(value)
    case .ratePerGPUHour: return signedText(NumberFormat.fixed(value, decimals: 4), positive: value > 0)
    case .fraction:
      return signedText(NumberFormat.fixed(value * 100, decimals: 2), positive: value > 0) + " " + locale.t("diff_pp")
    case .multiple: return signedText(NumberFormat.fixed(value, decimals: 2), positive: value > 0) + "×"
    case .months: return locale.t("diff_months", ["n": signedText(NumberFormat.plain(value), positive: value > 0)])
    }
  }

  /// A design or spec value for display: numbers grouped with the decimals their unit calls for
  /// (``number(_:unit:)``), anything else as it is.
  func fieldValue(_ value: FigureValue) -> String {
    guard let measure = value.measure else { return value.text }
    return signedText(DiffViewModel.number(measure.value, unit: measure.unit), positive: false)
  }

  /// A design or spec number, locale-independent, with thousands separators: power in kW with one
  /// decimal (`1,853.6`), whole numbers (counts) without decimals (`1,024`), other fractions (a
  /// PUE, petabytes) with up to three decimals, trailing zeros dropped (`1.25`). Rounded
  /// half-even; a leading ASCII minus for negatives.
  static func number(_ value: Decimal, unit: MeasureUnit) -> String {
    let isPower = unit == .kilowatts
    return NumberFormat.fixed(value, decimals: isPower ? 1 : 3, trimZeros: !isPower, grouping: ",")
  }

  /// Every string in a context tree without the characters XML 1.0 forbids (C0 controls other
  /// than tab, line feed and carriage return; U+FFFE, U+FFFF).
  static func cleaned(_ value: Any) -> Any {
    switch value {
    case let text as String: return xmlSafe(text)
    case let dictionary as [String: Any]: return dictionary.mapValues { cleaned($0) }
    case let dictionary as [String: String]: return dictionary.mapValues { xmlSafe($0) }
    case let array as [[String: Any]]: return array.map { cleaned($0) }
    case let array as [String]: return array.map { xmlSafe($0) }
    case let array as [Any]: return array.map { cleaned($0) }
    default: return value
    }
  }

  static func xmlSafe(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isForbidden) else { return text }
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars where !isForbidden(scalar) { scalars.append(scalar) }
    return String(scalars)
  }

  static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0xFFFE
      || scalar.value == 0xFFFF
  }
}
