public import PlaybookEngine
public import PlaybookLanguage

/// The control group a ledger's runs drew: `holdout N% seed "…"` (the seed defaults to
/// the playbook's name). The ledger records it so an experiment is never silently reset.
public struct LedgerHoldout: Hashable, Sendable {
  /// The share held out, in percent.
  public var percent: Double
  /// The hash's seed.
  public var seed: String

  /// A control group of `percent` percent drawn with `seed`.
  public init(percent: Double, seed: String) {
    self.percent = percent
    self.seed = seed
  }

  /// The control group `model` declares.
  public init(_ model: PlaybookModel) {
    let holdout = Holdout(model)
    self.init(percent: holdout.percent, seed: holdout.seed)
  }

  /// The same customers are held out: the same percent and, when any are held, the same seed.
  func sameGroup(as other: LedgerHoldout) -> Bool {
    percent == other.percent && (percent == 0 || seed == other.seed)
  }

  /// The percent as stored: `5`, `2.5`.
  var percentText: String {
    percent == percent.rounded() && abs(percent) < 1e15 ? String(Int64(percent)) : String(percent)
  }

  /// `holdout 5% seed "recovery-2026"`, or `no holdout` when no one is held out.
  var description: String {
    percent == 0 ? "no holdout" : "holdout \(percentText)% seed \"\(seed)\""
  }
}
