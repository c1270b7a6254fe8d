import PlaybookLanguage

/// The file format of an export: `export to DIR as FORMAT`, `--export-format`. The formats
/// are the grammar's, so the language and the engine accept the same ones.
public typealias ExportFormat = PlaybookGrammar.ExportFormat

extension ExportFormat {
  /// The file name extension of audience files and the decisions log: a sending tool's
  /// import is CSV.
  public var fileExtension: String { self == .jsonl ? "jsonl" : "csv" }

  /// The sending tool whose user import the audience files are for; nil for Playloop's
  /// own `csv` and `jsonl`.
  public var importTool: ImportTool? { ImportTool(rawValue: rawValue) }

  /// How the decisions log is written: Playloop's own CSV beside a tool's audience files
  /// (it is the audit trail, not something to import).
  var logFormat: ExportFormat { importTool == nil ? self : .csv }

  /// What to say of `word` given where a format was expected: the formats, and the
  /// nearest one when `word` looks like a misspelling of it.
  public static func unknown(_ word: String) -> String {
    let names = allCases.map(\.rawValue)
    let near = NearNames.didYouMean(word, in: names).map { "; \($0)" } ?? ""
    return "expected a format (\(names.joined(separator: ", "))), got '\(word)'\(near)"
  }
}
