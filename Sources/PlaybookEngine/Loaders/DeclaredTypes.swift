import PlaybookLanguage

/// The types a `types` statement declares, by column position; nil where inferred.
enum DeclaredTypes {
  static func resolve(_ declared: [String: ColumnType], names: [String], file: String)
    throws(LoadError) -> [ColumnType?]
  {
    for name in declared.keys.sorted() where !names.contains(name) {
      let hint = NearNames.closest(to: name, in: names).map { "; did you mean \($0)?" } ?? ""
      throw LoadError(.unknownColumn, "\(file) has no column \(name)\(hint)", file: file)
    }
    return names.map { declared[$0] }
  }
}
