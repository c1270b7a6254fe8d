public import PlaybookLanguage

/// The figures of a report on one run (`playloop report`, the shell's `:report`), all
/// counted from the run's decisions and data: nothing here is estimated. Rendering them
/// (HTML, charts) is the reporting layer's.
public struct CampaignReport: Sendable {
  /// The playbook's name (`playbook "…"`).
  public var playbook: String
  /// The playbook's file as given, and its text.
  public var source: SourceFile
  /// The evaluation clock, seconds since 1970-01-01 UTC.
  public var clock: Int64
  /// The window's length in seconds; nil for `window all`.
  public var window: Int64?
  /// The ledger's id for the run; nil when none was recorded (a report records nothing).
  public var runID: String?
  /// The ledger the run read what earlier runs sent from; nil without one.
  public var ledger: String?
  /// The id of the ledger's last committed run (what this report's figures follow); nil
  /// without a ledger or before its first run.
  public var lastRunID: String?
  /// The share of customers held out, 0–1.
  public var holdout: Double
  /// Every loaded table with its rows set aside, in load order.
  public var tables: [SetAsideTable]
  /// Decisions by rule, by offer, by status and by variant.
  public var counts: DecisionCounts
  /// Each offer's funnel, in `counts.byOffer`'s order.
  public var funnels: [OfferFunnel]
  /// Decisions by the channel chosen, in the playbook's channel order; decisions with
  /// none (unreachable, already sent) last, as `noChannel`.
  public var byChannel: [NamedCounts]
  /// Why decisions were not sent, most first.
  public var notSent: [NotSentReason]
  /// Sends due per day (UTC), by offer in `funnels`' order.
  public var sendsPerDay: [DaySends]
  /// Each rule statement's lines and counts, in file order.
  public var rules: [RuleFigures]

  /// How `byChannel` names decisions without a channel.
  public static let noChannel = "no channel"

  /// The report on `run` of `workspace`; `ledger` is the ledger the run read, if any.
  public init(workspace: Workspace, run: CampaignRun, ledger: String? = nil) {
    let model = workspace.model
    let summary = run.summary
    let decisions = run.decisions
    playbook = summary.playbook
    source = workspace.source
    clock = summary.clock
    window = summary.window
    runID = summary.runID
    self.ledger = ledger
    holdout = model.holdoutPercent / 100
    tables = SetAsideTable.tables(summary.tables, rows: workspace.dataset.setAside)
    counts = summary.counts
    let offerOrder = summary.counts.byOffer.map(\.name)
    var channels = NameTally(declared: model.channels.map(\.name.text))
    for i in decisions.indices { channels.count(decisions[i].channel ?? Self.noChannel, decisions[i].status) }
    byChannel = channels.counts
    funnels = OfferFunnel.funnels(decisions, byOffer: summary.counts.byOffer, model: model)
    notSent = NotSentReason.tally(decisions)
    sendsPerDay = DaySends.tally(decisions, offers: offerOrder)
    rules = RuleFigures.rules(of: model.playbook, byRule: summary.counts.byRule)
  }
}
