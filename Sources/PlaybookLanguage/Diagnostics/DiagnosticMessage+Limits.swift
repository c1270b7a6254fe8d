/// Messages about values and inputs past what Playloop computes with (docs/LANGUAGE.md
/// "Limits").
extension DiagnosticMessage {
  /// `number 99999999999999999999 is too large` (numberTooLarge).
  static func numberTooLarge(_ spelling: String) -> Self {
    Self(
      .numberTooLarge, "number \(spelling) is too large",
      hint: "a whole number is at most 9007199254740992 (2^53)")
  }

  /// `duration 99999999w is too long` (numberTooLarge).
  static func durationTooLong(_ spelling: String) -> Self {
    Self(.numberTooLarge, "duration \(spelling) is too long", hint: "a duration is at most 10,000 years (522857w)")
  }

  /// `define 'd101' stacks more than 100 defines` (defineChainTooLong).
  static func defineChainTooLong(_ name: String, limit: Int) -> Self {
    Self(
      .defineChainTooLong, "define '\(name)' stacks more than \(limit) defines",
      hint: "a chain of defines has at most \(limit) links; join conditions with `and` in fewer defines")
  }

  /// `3 values overflowed in rule 'r'; treated as null` (valuesOverflowed).
  public static func valuesOverflowed(_ count: Int, in owner: String) -> Self {
    Self(
      .valuesOverflowed,
      "\(count) \(count == 1 ? "value" : "values") overflowed in \(owner); treated as null",
      hint: "a time must fall in the years 0 to 9999, and a duration within 10,000 years")
  }

  /// `too many syntax errors (1000); stopping here` (tooManyErrors).
  static func tooManyErrors(limit: Int) -> Self {
    Self(
      .tooManyErrors, "too many syntax errors (\(limit)); stopping here",
      hint: "is this a playbook? fix the first errors and check again")
  }
}
