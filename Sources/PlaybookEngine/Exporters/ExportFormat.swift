/// The file format of an export: `export to DIR as csv|jsonl`, `--format`.
public enum ExportFormat: String, Hashable, Sendable, CaseIterable {
  case csv
  case jsonl

  /// The file name extension of audience files and the decisions log.
  public var fileExtension: String { rawValue }
}
