import PlaybookLanguage

/// The types a `types` statement declares, by column position; nil where inferred.
enum DeclaredTypes {
  static func resolve(_ declared: [String: ColumnType], names: [String], file: String)
    throws(LoadError) -> [ColumnType?]
  {
    for name in declared.keys.sorted() where !names.contains(name) {
      throw LoadError(
        .unknownColumn, "the header has no column '\(name)'", file: file,
        hint: HeaderName.hint(forMissing: name, in: names))
    }
    return names.map { declared[$0] }
  }
}
