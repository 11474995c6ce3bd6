import Foundation

/// Turns a chart value into display text, e.g. `1_234_567` → `"$1.23M"`. Supplied by the caller
/// so that currency, units and separators follow the report's locale.
public typealias ChartValueFormatter = @Sendable (Double) -> String

/// Locale-independent value formatters for charts, each a ``ChartValueFormatter`` built on
/// ``NumberFormat`` (half-even).
public enum ChartFormat {
  /// Fixed decimals with a grouping separator: `decimal(decimals: 1, prefix: "$")(1234.56)` →
  /// `"$1,234.6"`. Negative values get a leading `-` before the prefix.
  public static func decimal(
    decimals: Int = 0, grouping: String = ",", decimalSeparator: String = ".", prefix: String = "",
    suffix: String = ""
  ) -> ChartValueFormatter {
    { value in
      guard value.isFinite else { return prefix + "0" + suffix }
      let body = NumberFormat.fixed(
        abs(value), decimals: decimals, grouping: grouping, decimalSeparator: decimalSeparator)
      let negative = value < 0 && body.contains(where: { $0 != "0" && $0.isNumber })
      return (negative ? "-" : "") + prefix + body + suffix
    }
  }

  /// Compact magnitudes with `k`, `M`, `B`, `T` (or caller-supplied unit symbols) and at most
  /// `maxFractionDigits` fraction digits, trailing zeros removed: `compact(prefix: "$")(1_200_000)` →
  /// `"$1.2M"`, `(950)` → `"$950"`, `(-2_300_000)` → `"-$2.3M"`.
  public static func compact(
    prefix: String = "", suffix: String = "", maxFractionDigits: Int = 2, decimalSeparator: String = ".",
    units: [String] = ["k", "M", "B", "T"]
  ) -> ChartValueFormatter {
    { value in
      let (body, unit) = NumberFormat.compact(
        abs(value), maxFractionDigits: maxFractionDigits, decimalSeparator: decimalSeparator, units: units)
      let negative = value < 0 && body.contains(where: { $0 != "0" && $0.isNumber })
      return (negative ? "-" : "") + prefix + body + unit + suffix
    }
  }

  /// Fractions as percentages: `percent(decimals: 1)(0.1825)` → `"18.3%"`.
  public static func percent(decimals: Int = 1, suffix: String = "%") -> ChartValueFormatter {
    { value in
      guard value.isFinite else { return "0" + suffix }
      let body = NumberFormat.percent(abs(value), decimals: decimals, sign: "")
      let negative = value < 0 && body.contains(where: { $0 != "0" && $0.isNumber })
      return (negative ? "-" : "") + body + suffix
    }
  }
}

/// Colours used by the chart builders: a restrained, print-friendly palette (navy, amber, teal,
/// grey) whose series colours alternate in lightness so neighbouring series stay distinct in
/// grayscale. Colours are CSS colour strings written into attributes (escaped).
public struct ChartPalette: Sendable, Equatable {
  /// Series colours, used in order and cycled.
  public var series: [String]
  /// Main text colour.
  public var text: String
  /// Secondary text (ticks, annotations).
  public var mutedText: String
  /// Grid lines.
  public var grid: String
  /// Axis and zero lines.
  public var axis: String
  /// Chart background.
  public var background: String
  /// Box fill in diagrams.
  public var panel: String

  /// Creates a palette.
  public init(
    series: [String], text: String, mutedText: String, grid: String, axis: String, background: String,
    panel: String
  ) {
    self.series = series
    self.text = text
    self.mutedText = mutedText
    self.grid = grid
    self.axis = axis
    self.background = background
    self.panel = panel
  }

  /// Navy, amber, teal, light grey, slate blue, bronze; dark text on white.
  public static let standard = ChartPalette(
    series: ["#1f3a5f", "#e8a33d", "#2b7a78", "#b8c2cc", "#5b7fa8", "#8a5a14"],
    text: "#1f2933", mutedText: "#4b5763", grid: "#e4e7eb", axis: "#7b8794", background: "#ffffff",
    panel: "#f1f4f7")

  /// The colour of series `index`, cycling; navy when the list is empty.
  public func color(_ index: Int) -> String {
    series.isEmpty ? "#1f3a5f" : series[((index % series.count) + series.count) % series.count]
  }
}

/// Shared typography and document settings.
enum ChartStyle {
  /// System font stack including CJK faces; no web fonts are referenced.
  static let fontFamily =
    "system-ui, -apple-system, 'Segoe UI', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"
  /// Labels, legend, value labels.
  static let labelSize = 12.0
  /// Axis tick labels (never below 11 px).
  static let tickSize = 11.0
  /// Outer padding.
  static let padding = 12.0
  /// Dash patterns cycled by line series so they stay distinct in grayscale ("" = solid).
  static let dashes = ["", "7 4", "2 3", "9 3 2 3"]
}
