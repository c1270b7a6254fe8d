/// The span the language computes times, durations and whole numbers in. Every value
/// inside it sums with a few others without leaving 64 bits, so the engine's own
/// arithmetic (send_at = trigger + after, expires_at = send_at + valid, clock − window)
/// cannot overflow; a computed value outside it is an overflow, and reads as null.
public enum TimeBounds {
  /// 0000-01-01T00:00:00Z less a day (the earliest date the language reads, at the
  /// furthest offset).
  public static let earliest: Int64 = -62_167_219_200 - 86_400
  /// 9999-12-31T23:59:59Z plus a day.
  public static let latest: Int64 = 253_402_300_799 + 86_400
  /// 10,000 years of 366 days, in seconds: the longest duration (522,857w and some days).
  public static let longestDuration: Int64 = 10_000 * 366 * 86_400
  /// 2^53: the largest whole number a 64-bit float holds exactly (priorities, limits,
  /// whole-number literals).
  public static let largestWholeNumber: Double = 9_007_199_254_740_992

  /// `seconds` when it is a time the language can write (years 0 to 9999), else nil.
  @inline(__always) public static func time(_ seconds: Int64) -> Int64? {
    seconds >= earliest && seconds <= latest ? seconds : nil
  }

  /// `seconds` when it is no longer than `longestDuration` either way, else nil.
  @inline(__always) public static func duration(_ seconds: Int64) -> Int64? {
    seconds >= -longestDuration && seconds <= longestDuration ? seconds : nil
  }

  /// `seconds` rounded toward zero when finite and no longer than `longestDuration`, else nil.
  @inline(__always) public static func duration(_ seconds: Double) -> Int64? {
    seconds.isFinite && seconds.magnitude <= Double(longestDuration) ? Int64(seconds) : nil
  }
}
