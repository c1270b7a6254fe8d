/// The format of a table file, from its extension: `.jsonl` and `.ndjson` are JSON
/// Lines, anything else is CSV. A `.gz` file's format is that of the name before `.gz`.
public enum TableFormat: Sendable, Equatable {
  case csv, jsonLines

  /// The format a file at `path` is read in: JSON Lines for a `.jsonl` or `.ndjson`
  /// extension (in any letter case, before a `.gz`), CSV for any other.
  public init(path: String) {
    var lower = path.lowercased()
    if Self.isGzip(lower) { lower.removeLast(3) }
    self = lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") ? .jsonLines : .csv
  }

  /// Whether the file at `path` is gzip-compressed, by its `.gz` extension (any case).
  public static func isGzip(_ path: String) -> Bool {
    path.lowercased().hasSuffix(".gz")
  }
}
