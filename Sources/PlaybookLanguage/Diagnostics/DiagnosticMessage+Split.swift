/// The checker's messages about an A/B split's shares (`send A 70% or B 30%`).
extension DiagnosticMessage {
  /// `the split's shares add up to 90%, not 100%`.
  static func splitSharesTotal(_ total: String) -> Self {
    Self(
      .invalidValue, "the split's shares add up to \(total), not 100%",
      hint: "give the offers shares that add up to 100%, or no shares to split evenly")
  }

  /// `offer 'THANKS15' has no share in a split that gives shares`.
  static func splitShareMissing(_ offer: String, example share: String) -> Self {
    Self(
      .invalidValue, "offer '\(offer)' has no share in a split that gives shares",
      hint: "give every offer of the split a share (e.g. \(offer) \(share)), or none to split evenly")
  }

  /// `a split's share must be more than 0%, not 0%`.
  static func splitShareNotPositive(_ spelling: String) -> Self {
    Self(
      .invalidValue, "a split's share must be more than 0%, not \(spelling)",
      hint: "leave an offer out of the split rather than give it no share")
  }

  /// `offer 'THANKS10' is in the split twice`.
  static func offerTwiceInSplit(_ offer: String) -> Self {
    Self(.invalidValue, "offer '\(offer)' is in the split twice", hint: "each offer of a split is one variant")
  }
}
