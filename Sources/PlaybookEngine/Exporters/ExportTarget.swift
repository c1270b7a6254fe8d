/// Where and how a run exports: the directory as the caller names it (shown in messages
/// and recorded in `summary.json`) and the format.
public struct ExportTarget: Hashable, Sendable {
  public var directory: String
  public var format: ExportFormat

  public init(directory: String, format: ExportFormat) {
    self.directory = directory
    self.format = format
  }
}
