public import PlaybookLanguage

extension Workspace {
  /// The columns a run of `model`, written as `source`, can read: those named by any word
  /// of the playbook's text (a field is written by its name wherever it is read: rules,
  /// defines, segments, channels, messages, tests), and those its loads name or imply
  /// (keys, links, lifecycle times and their `with` columns, the `timezone` column).
  /// Words in comments and strings count too, which keeps a column more at worst.
  public static func columnsUsed(by model: PlaybookModel, source: SourceFile) -> KeptColumns {
    var words = source.words
    for table in model.tables {
      words.insert(table.keyColumn)
      if let link = table.linkColumn { words.insert(link) }
      // The lifecycle times, by default or by `with`.
      words.formUnion(table.fieldColumns.values)
    }
    if let zone = model.timezoneColumn { words.insert(zone) }
    return .named(words)
  }
}
