extension Day {
  /// A date known to exist (generated code only: the values come from a validated catalog).
  init(compiled year: Int, _ month: Int, _ day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }
}
