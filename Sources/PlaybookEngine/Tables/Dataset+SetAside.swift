public import PlaybookLanguage

extension Dataset {
  /// The loaders' warnings (columns named by position), as diagnostics at their data
  /// file's line.
  public var loadWarnings: [Diagnostic] {
    warnings.map { $0.diagnostic(loadedAt: "", nil) }
  }

  /// The loaders' warnings (`loadWarnings`), then the first `count` rows set aside, as
  /// warnings at their data file's line, the last with a note on how many more there are.
  public func setAsideWarnings(first count: Int, moreNote: String = "") -> [Diagnostic] {
    var rows = setAside.prefix(count).map {
      Diagnostic(.rowSetAside($0.reason), file: $0.file, range: .line($0.line))
    }
    if setAside.count > count, !rows.isEmpty {
      rows[rows.count - 1].notes.append(
        Diagnostic.Note("… and \(setAside.count - count) more rows set aside\(moreNote)", file: nil, range: nil))
    }
    return loadWarnings + rows
  }
}
