extension PlaybookGrammar {
  /// The export formats: `export to DIR as csv|jsonl|braze|customerio|hubspot|mailchimp|iterable`
  /// (the engine's `ExportFormat`). `csv` and `jsonl` are Playloop's own files; the others
  /// are CSV files that one sending tool's user import takes as they are (docs/EXPORTS.md).
  public enum ExportFormat: String, Hashable, Sendable, CaseIterable {
    case csv
    case jsonl
    case braze
    case customerio
    case hubspot
    case mailchimp
    case iterable
  }
}
