/// How an export names its files, as far as a playbook decides: one audience file per
/// offer, named for its code, beside the decisions log and the summary. `check` and the
/// exporter refuse the same codes by these rules.
public enum ExportFileNames {
  /// The names, without extension, an export writes besides the offers' audience files.
  public static let reserved: Set<String> = ["decisions", "summary"]

  /// The name two offer codes clash on: disks may ignore case.
  ///
  /// - Parameter code: an offer code.
  public static func clashKey(_ code: String) -> String { code.lowercased() }
}
