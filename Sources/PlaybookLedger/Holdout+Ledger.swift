import PlaybookEngine

/// The control group as a ledger records it (`holdout_percent`, `holdout_seed`): the
/// engine's `Holdout` itself, so what is recorded and what decides are one value, and an
/// experiment is never silently reset.
extension Holdout {
  /// The same customers are held out: the same percent and, when any are held, the same seed.
  func sameGroup(as other: Holdout) -> Bool {
    percent == other.percent && (percent == 0 || seed == other.seed)
  }

  /// The percent as stored: `5`, `2.5`.
  var percentText: String {
    percent == percent.rounded() && abs(percent) < 1e15 ? String(Int64(percent)) : String(percent)
  }

  /// `holdout 5% seed "recovery-2026"`, or `no holdout` when no one is held out.
  var recordedDescription: String {
    percent == 0 ? "no holdout" : "holdout \(percentText)% seed \"\(seed)\""
  }
}
