import PlaybookLanguage

/// One decision a run exported as `send`, as the ledger keeps it.
public struct LedgerSend: Hashable, Sendable {
  /// The run that sent it (`LedgerRun.runID`) and that run's clock.
  public var runID: String
  /// That run's evaluation clock, in seconds since 1970-01-01 UTC.
  public var clock: Int64
  /// The name of the rule that made the decision.
  public var rule: String
  /// The offer's code (`THANKS10`).
  public var offer: String
  /// The customer's key.
  public var customerID: String
  /// The trigger row's key; nil for customer-only rules.
  public var triggerID: String?
  /// The channel the offer was sent on.
  public var channel: String
  /// Seconds since the epoch, UTC.
  public var sendAt: Int64
  /// When the offer stops being valid, in seconds since 1970-01-01 UTC.
  public var expiresAt: Int64
  /// The run's position in the ledger, for replays.
  var runSeq: Int64

  /// What makes two runs' sends the same, whatever run recorded them.
  var decisionKey: DecisionKey {
    DecisionKey(
      rule: rule, offer: offer, customerID: customerID, triggerID: triggerID, channel: channel,
      sendAt: sendAt)
  }

  struct DecisionKey: Hashable {
    var rule: String
    var offer: String
    var customerID: String
    var triggerID: String?
    var channel: String
    var sendAt: Int64
  }
}

/// One run recorded in the ledger.
public struct LedgerRun: Hashable, Sendable {
  /// Where a run is in its two-step recording.
  public enum State: String, Sendable {
    /// Recorded before its export was put in place; settled by the next run's recovery.
    case pending
    case committed
  }

  /// `<seq>-<clock>`, e.g. `2-20261102T000000Z`.
  public var runID: String
  /// The run's position in the ledger: 1 for the first run, else one more than the highest recorded before it.
  public var seq: Int64
  /// The run's evaluation clock, in seconds since 1970-01-01 UTC.
  public var clock: Int64
  /// Pending until its export is in place, then committed; only committed runs' sends are history.
  public var state: State
  /// The absolute export directory.
  public var exportDirectory: String
  /// How many sends it recorded.
  public var sendCount: Int
  /// Fingerprint of the playbook text: a run of the same text at the same clock replays it.
  var playbookHash: String
  /// Fingerprint of the staged `summary.json`, to tell whether its export was put in place.
  var exportFingerprint: String

  /// The run id for the `seq`-th run at `clock`: readable, sortable by seq, and the same
  /// whenever the same run is made again.
  static func id(seq: Int64, clock: Int64) -> String {
    "\(seq)-" + Timestamp.format(clock).filter { $0 != "-" && $0 != ":" }
  }
}
