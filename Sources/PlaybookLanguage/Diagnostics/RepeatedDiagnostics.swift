extension Diagnostic {
  /// Codes whose repeats share one root cause: a name misspelt where it is declared is
  /// unknown at every use.
  static let repeatable: Set<DiagnosticCode> = [
    .unknownRow, .unknownField, .unknownSegment, .unknownOffer, .unknownChannel, .unknownTable,
  ]

  /// One error, one message: of the diagnostics saying the same thing about the same
  /// unknown name in the same file, the first is kept, with a note at each other use.
  /// Order is kept otherwise.
  public static func collapsingRepeats(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    var result: [Diagnostic] = []
    var first: [String: Int] = [:]
    for diagnostic in diagnostics {
      guard repeatable.contains(diagnostic.code), let range = diagnostic.range else {
        result.append(diagnostic)
        continue
      }
      let key = "\(diagnostic.code.id)\u{0}\(diagnostic.file ?? "")\u{0}\(diagnostic.message)"
      if let index = first[key] {
        result[index].notes.append(Note("also here", file: diagnostic.file, range: range))
      } else {
        first[key] = result.count
        result.append(diagnostic)
      }
    }
    return result
  }
}
