public import PlaybookLanguage

extension Dataset {
  /// A warning for each table with more rows set aside than allowed, then the first
  /// `count` rows set aside, as warnings at their data file's line, the last with a note
  /// on how many more there are.
  public func setAsideWarnings(first count: Int, moreNote: String = "") -> [Diagnostic] {
    var warnings = setAside.prefix(count).map {
      Diagnostic(.rowSetAside($0.reason, hint: $0.hint), file: $0.file, range: .line($0.line))
    }
    if setAside.count > count, !warnings.isEmpty {
      warnings[warnings.count - 1].notes.append(
        Diagnostic.Note("… and \(setAside.count - count) more rows set aside\(moreNote)", file: nil, range: nil))
    }
    return setAsideShareWarnings + warnings
  }

  /// A warning for each table with more rows set aside than allowed (`overSetAsideLimit`).
  public var setAsideShareWarnings: [Diagnostic] {
    overSetAsideLimit.map {
      Diagnostic(.setAsideShare($0.setAside, of: $0.rows, limit: $0.limit), file: $0.file)
    }
  }
}
