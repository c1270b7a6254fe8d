import PlaybookLanguage

extension CampaignRun {
  /// This run as an export in `format` can hold it. A sending tool that identifies
  /// contacts by email address (`ImportTool.needsEmail`) cannot take a send by another
  /// channel: such a send becomes `unreachable`, saying why, so the decisions log, the
  /// counts and the ledger (which records only `send`) agree with the files, and a later
  /// run may send it again. One warning per offer says how many, and one per offer whose
  /// subject or message the tool would clip (`ImportTextLength`). Any other format gets
  /// the run unchanged.
  public func forImport(_ format: ExportFormat) -> CampaignRun {
    guard let tool = format.importTool, tool.needsEmail else { return self }
    var run = self
    var offers: [String] = []
    var setAside: [String: (sends: Int, channels: [String])] = [:]
    for i in run.decisions.indices {
      guard run.decisions[i].status == .send, ImportAddress.email(of: run.decisions[i]) == nil else { continue }
      let by = run.decisions[i].channel ?? "no channel"
      // A send by email whose address is no email address is as unreachable for the tool.
      let channel = by == ImportAddress.emailChannel ? "email without an email address" : by
      run.decisions[i].status = .unreachable
      run.decisions[i].reason =
        by == ImportAddress.emailChannel
        ? "not in the \(tool.name) file: '\(run.decisions[i].address ?? "")' is not an email address"
        : "not in the \(tool.name) file: sent via \(by), and \(tool.name) imports by email address"
      let offer = run.decisions[i].offer
      var found = setAside[offer] ?? (0, [])
      if found.sends == 0 { offers.append(offer) }
      found.sends += 1
      if !found.channels.contains(channel) { found.channels.append(channel) }
      setAside[offer] = found
    }
    if !offers.isEmpty { run.summary.counts = summary.counts.recounted(run.decisions) }
    run.importWarnings =
      offers.map { offer in
        let found = setAside[offer] ?? (0, [])
        return Diagnostic(
          .importSetAside(offer: offer, sends: found.sends, channels: found.channels, tool: tool.name), file: nil)
      } + ImportTextLength.warnings(run.decisions, tool: tool)
    return run
  }
}
