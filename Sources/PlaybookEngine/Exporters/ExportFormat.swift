import PlaybookLanguage

/// The file format of an export: `export to DIR as csv|jsonl`, `--format`. The formats
/// are the grammar's, so the language and the engine accept the same ones.
public typealias ExportFormat = PlaybookGrammar.ExportFormat

extension ExportFormat {
  /// The file name extension of audience files and the decisions log.
  public var fileExtension: String { rawValue }
}
