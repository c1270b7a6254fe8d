extension PlaybookGrammar {
  /// The export formats: `export to DIR as csv|jsonl` (the engine's `ExportFormat`).
  public enum ExportFormat: String, Hashable, Sendable, CaseIterable {
    case csv
    case jsonl
  }
}
