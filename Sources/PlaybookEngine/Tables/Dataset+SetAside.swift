public import PlaybookLanguage

extension Dataset {
  /// The first `count` rows set aside, as warnings at their data file's line, the last
  /// with a note on how many more there are.
  public func setAsideWarnings(first count: Int, moreNote: String = "") -> [Diagnostic] {
    var warnings = setAside.prefix(count).map {
      Diagnostic(.rowSetAside($0.reason), file: $0.file, range: .line($0.line))
    }
    if setAside.count > count, !warnings.isEmpty {
      warnings[warnings.count - 1].notes.append(
        Diagnostic.Note("… and \(setAside.count - count) more rows set aside\(moreNote)", file: nil, range: nil))
    }
    return warnings
  }
}
