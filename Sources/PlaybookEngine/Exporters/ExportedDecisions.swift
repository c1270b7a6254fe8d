import PlaybookLanguage

/// The decisions `CampaignExporter` writes: spelled out (`[Decision]`), or as the
/// decider left them (`DecisionRows`), whose values are read in place.
protocol ExportedDecisions: Sendable {
  /// The decisions in export order (`DecisionOrder`).
  func arranged() -> DecisionOrder.Arrangement
  /// The decisions counted, listing what `counts` lists (`DecisionCounts.recounted`).
  func recounted(_ counts: DecisionCounts) -> DecisionCounts
  /// Every decision spelled out: what a sending tool's files are written from.
  func spelled() -> [Decision]
  /// Appends the rows of decisions `rows` (only those sent, when `sendOnly`) to
  /// `encoder`, calling `written` after each.
  func encode(
    _ rows: ArraySlice<Int>, sendOnly: Bool, with encoder: inout DecisionRowEncoder,
    written: (inout DecisionRowEncoder) throws(Diagnostic) -> Void
  ) throws(Diagnostic)
}

extension Array: ExportedDecisions where Element == Decision {
  func arranged() -> DecisionOrder.Arrangement { DecisionOrder.arrange(self) }

  func recounted(_ counts: DecisionCounts) -> DecisionCounts { counts.recounted(self) }

  func spelled() -> [Decision] { self }

  func encode(
    _ rows: ArraySlice<Int>, sendOnly: Bool, with encoder: inout DecisionRowEncoder,
    written: (inout DecisionRowEncoder) throws(Diagnostic) -> Void
  ) throws(Diagnostic) {
    // Read in place: copying a decision out of the array would retain all its strings.
    try withUnsafeBufferPointer { (buffer) throws(Diagnostic) in
      for i in rows where !sendOnly || buffer[i].status == .send {
        encoder.write(buffer.baseAddress! + i)
        try written(&encoder)
      }
    }
  }
}
