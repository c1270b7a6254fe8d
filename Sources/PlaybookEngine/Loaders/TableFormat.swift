/// The format of a table file, from its extension: `.jsonl` and `.ndjson` are JSON
/// Lines, anything else is CSV.
public enum TableFormat: Sendable, Equatable {
  case csv, jsonLines

  /// The format a file at `path` is read in: JSON Lines for a `.jsonl` or `.ndjson`
  /// extension (in any letter case), CSV for any other.
  public init(path: String) {
    let lower = path.lowercased()
    self = lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") ? .jsonLines : .csv
  }
}
