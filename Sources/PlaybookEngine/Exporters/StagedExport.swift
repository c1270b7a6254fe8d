import PlaybookLanguage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An export written to its staging directory but not yet in place. Call exactly one of
/// `commit` or `discard`.
public struct StagedExport: Sendable {
  let location: ExportLocation
  /// The hidden directory holding the staged files, `.NAME.tmp-<pid>` beside the export.
  public let stagingDirectory: String
  /// The summary as written to `summary.json` (with the export target and its timing).
  public let summary: RunSummary

  init(location: ExportLocation, staging: String, summary: RunSummary) {
    self.location = location
    stagingDirectory = staging
    self.summary = summary
  }

  /// The export directory this replaces.
  public var directory: String { location.directory }

  /// Puts the staged export in place of the previous one: the previous directory is
  /// renamed aside, the staged one renamed into place, then the previous one removed.
  /// A process killed between the two renames leaves no export directory; `recover`
  /// (run by the next `stage`) moves the previous export back.
  ///
  /// - Throws: a `Diagnostic` when a rename fails; the previous export is then restored
  ///   and the staged files are left for `discard`.
  public func commit() throws(Diagnostic) {
    let previous = location.sibling("old", pid: getpid())
    let hadPrevious = ExportFileSystem.kind(location.directory) != .missing
    if hadPrevious { try ExportFileSystem.rename(location.directory, to: previous) }
    do {
      try ExportFileSystem.rename(stagingDirectory, to: location.directory)
    } catch {
      if hadPrevious { try? ExportFileSystem.rename(previous, to: location.directory) }
      throw error
    }
    try ExportFileSystem.syncDirectory(location.parent)
    // The new export is in place; a leftover old copy is removed by the next `recover`.
    if hadPrevious { try? ExportFileSystem.remove(previous) }
  }

  /// Removes the staged files, leaving the previous export as it was.
  public func discard() {
    try? ExportFileSystem.remove(stagingDirectory)
  }
}
