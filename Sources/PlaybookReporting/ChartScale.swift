/// A value axis from 0 to a round number at or above the largest value, with 2–5 ticks
/// at round steps (1, 2 or 5 times a power of ten), so bars and gridlines line up with
/// numbers a reader can check.
struct ChartScale {
  /// The axis's end.
  let top: Int
  /// The tick values, 0 first.
  let ticks: [Int]

  init(largest: Int) {
    guard largest > 0 else {
      top = 1
      ticks = [0, 1]
      return
    }
    // The smallest of 1, 2, 5, 10, 20, 50, … that reaches `largest` in at most 5 steps.
    var power = 1
    var step = 1
    search: while true {
      for multiple in [1, 2, 5] {
        step = multiple * power
        if (largest + step - 1) / step <= 5 { break search }
      }
      power *= 10
    }
    top = (largest + step - 1) / step * step
    ticks = Array(stride(from: 0, through: top, by: step))
  }

  /// Where `value` falls along the axis, 0–1.
  func fraction(_ value: Int) -> Double { Double(value) / Double(top) }
}

/// A number for an SVG attribute: at most two decimals, no exponent (`41.67`).
func svgNumber(_ value: Double) -> String {
  let hundredths = Int((value * 100).rounded())
  let sign = hundredths < 0 ? "-" : ""
  let whole = abs(hundredths) / 100
  let rest = abs(hundredths) % 100
  return sign + String(whole)
    + (rest == 0 ? "" : rest % 10 == 0 ? ".\(rest / 10)" : rest < 10 ? ".0\(rest)" : ".\(rest)")
}
