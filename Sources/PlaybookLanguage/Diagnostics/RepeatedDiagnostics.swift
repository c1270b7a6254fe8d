extension Diagnostic {
  /// Codes whose repeats share one root cause: a name misspelt where it is declared is
  /// unknown at every use.
  static let repeatable: Set<DiagnosticCode> = [
    .unknownRow, .unknownField, .unknownSegment, .unknownOffer, .unknownChannel, .unknownTable,
  ]

  /// One error, one message: of the diagnostics saying the same thing about the same
  /// unknown name in the same file, the first is kept, with a note listing where else it
  /// is used. Order is kept otherwise.
  public static func collapsingRepeats(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    var result: [Diagnostic] = []
    var first: [String: Int] = [:]
    var others: [Int: [SourceRange]] = [:]
    for diagnostic in diagnostics {
      guard repeatable.contains(diagnostic.code), let range = diagnostic.range else {
        result.append(diagnostic)
        continue
      }
      let key = "\(diagnostic.code.id)\u{0}\(diagnostic.file ?? "")\u{0}\(diagnostic.message)"
      if let index = first[key] {
        others[index, default: []].append(range)
      } else {
        first[key] = result.count
        result.append(diagnostic)
      }
    }
    for (index, ranges) in others {
      let places = ranges.map { "\($0.start.line):\($0.start.column)" }.joined(separator: ", ")
      result[index].notes.append(Note("the same at \(places)", file: result[index].file, range: nil))
    }
    return result
  }
}
