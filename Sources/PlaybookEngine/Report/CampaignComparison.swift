/// A report's run beside another playbook's over the same data and clock
/// (`playloop report --compare OTHER`): the other's figures and, per offer, how the
/// decisions moved from the other to this one (`DecisionDiff`).
public struct CampaignComparison: Sendable {
  /// The other playbook's report.
  public var other: CampaignReport
  /// From the other playbook's decisions (before) to this one's (after).
  public var diff: DecisionDiff

  /// Compares `run` with `otherRun` (of `other`); customers are matched by id, numbered
  /// by `workspace`'s data.
  public init(workspace: Workspace, run: CampaignRun, other: Workspace, otherRun: CampaignRun) {
    self.other = CampaignReport(workspace: other, run: otherRun)
    let offers = run.summary.counts.byOffer.map(\.name)
    let otherOffers = otherRun.summary.counts.byOffer.map(\.name)
    diff = DecisionDiff(
      before: DecisionList(numbering: otherRun.decisions, in: workspace.dataset, offers: otherOffers),
      after: DecisionList(numbering: run.decisions, in: workspace.dataset, offers: offers))
  }
}
