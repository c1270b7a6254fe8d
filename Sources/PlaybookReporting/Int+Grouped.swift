extension Int {
  /// Digits grouped by thousands: `1,013`.
  public var grouped: String {
    let digits = String(magnitude)
    var out = ""
    for (i, digit) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    return (self < 0 ? "-" : "") + out
  }

  /// Grouped with its sign: `+7,211`, `-3`, `0`.
  public var signedGrouped: String { self > 0 ? "+" + grouped : grouped }
}
