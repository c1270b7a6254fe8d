/// The share of a table's rows that may be set aside before a run warns
/// (`--max-set-aside 5%`).
public enum SetAsideLimit {
  /// 5%: the default.
  public static let standard = 0.05

  /// The share `text` states, from 0 to 1: `5%`, `0.5%` or `5` (a percent either way);
  /// nil for anything else.
  /// - Parameter text: The option's value as typed.
  public static func share(_ text: String) -> Double? {
    let number = text.hasSuffix("%") ? String(text.dropLast()) : text
    guard let percent = Double(number), percent.isFinite, percent >= 0, percent <= 100 else { return nil }
    return percent / 100
  }
}
