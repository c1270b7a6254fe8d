/// Where and how a run exports: the directory as the caller names it (shown in messages
/// and recorded in `summary.json`) and the format.
public struct ExportTarget: Hashable, Sendable {
  /// The export directory as the caller gave it (not made absolute).
  public var directory: String
  /// How the audiences and the decisions log are written.
  public var format: ExportFormat
  /// The most one audience file of a sending tool's format may hold; nil is the tool's
  /// documented limit (`ImportTool.documentedLimit`). Tests give a small one.
  public var fileLimit: ImportFileLimit?

  /// A target of `format` files in `directory`.
  public init(directory: String, format: ExportFormat, fileLimit: ImportFileLimit? = nil) {
    self.directory = directory
    self.format = format
    self.fileLimit = fileLimit
  }
}
