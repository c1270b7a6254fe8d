import PlaybookLanguage

/// One decision a run exported as `send`, as the ledger keeps it.
public struct LedgerSend: Hashable, Sendable {
  /// The run that sent it (`LedgerRun.runID`) and that run's clock.
  public var runID: String
  public var clock: Int64
  public var rule: String
  public var offer: String
  public var customerID: String
  /// The trigger row's key; nil for customer-only rules.
  public var triggerID: String?
  public var channel: String
  /// Seconds since the epoch, UTC.
  public var sendAt: Int64
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
  public enum State: String, Sendable {
    /// Recorded before its export was put in place; settled by the next run's recovery.
    case pending
    case committed
  }

  /// `<seq>-<clock>`, e.g. `2-20261102T000000Z`.
  public var runID: String
  public var seq: Int64
  public var clock: Int64
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
