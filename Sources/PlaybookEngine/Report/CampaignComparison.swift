import PlaybookLanguage

/// A report's run beside another's on the same data (`playloop report --compare OTHER`):
/// another playbook evaluated at the same clock, or a previous run's export folder. It
/// keeps the other's funnel per offer and, per offer, how the decisions moved from the
/// other to this one (`DecisionDiff`).
public struct CampaignComparison: Sendable {
  /// The other playbook's name.
  public var name: String
  /// The other playbook's file, or the export folder, as given.
  public var source: String
  /// The other's funnel per offer.
  public var funnels: [OfferFunnel]
  /// From the other's decisions (before) to this one's (after).
  public var diff: DecisionDiff

  /// Compares `run` with `otherRun` (of `other`); customers are matched by id, numbered
  /// by `workspace`'s data.
  public init(workspace: Workspace, run: CampaignRun, other: Workspace, otherRun: CampaignRun) {
    self.init(
      workspace: workspace, run: run, name: other.model.name, source: other.source.path,
      decisions: otherRun.decisions, offers: otherRun.summary.counts.byOffer.map(\.name), model: other.model)
  }

  /// Compares `run` with a previous run's export, read back.
  public init(workspace: Workspace, run: CampaignRun, exported: ExportedRun) {
    self.init(
      workspace: workspace, run: run, name: exported.playbook, source: exported.folder,
      decisions: exported.decisions, offers: run.summary.counts.byOffer.map(\.name), model: workspace.model)
  }

  /// `model` describes the other's offers (an export keeps no descriptions: this playbook's are used).
  private init(
    workspace: Workspace, run: CampaignRun, name: String, source: String, decisions: [Decision], offers: [String],
    model: PlaybookModel
  ) {
    self.name = name
    self.source = source
    let counts = DecisionCounts(decisions, rules: [], offers: offers)
    funnels = OfferFunnel.funnels(decisions, byOffer: counts.byOffer, model: model)
    diff = DecisionDiff(
      before: DecisionList(numbering: decisions, in: workspace.dataset, offers: offers),
      after: DecisionList(
        numbering: run.decisions, in: workspace.dataset, offers: run.summary.counts.byOffer.map(\.name)))
  }
}
