/// An integer's decimal text without making a `String`: exports write numbers on every row.
enum DecimalDigits {
  /// Calls `body` with the UTF-8 digits of `value` (a leading `-` when negative).
  static func withText<R>(_ value: Int64, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
      var start = digits.count
      var rest = value.magnitude
      repeat {
        start -= 1
        digits[start] = 48 + UInt8(rest % 10)
        rest /= 10
      } while rest > 0
      if value < 0 {
        start -= 1
        digits[start] = 45
      }
      return body(UnsafeBufferPointer(rebasing: digits[start...]))
    }
  }
}
