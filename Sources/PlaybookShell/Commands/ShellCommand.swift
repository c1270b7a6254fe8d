import PlaybookEngine

/// A `:command` typed at the shell, parsed.
public enum ShellCommand: Equatable, Sendable {
  /// `:help [NAME]`
  case help(String?)
  /// `:load FILE`
  case load(String)
  /// `:save FILE`
  case save(String)
  /// `:rules`
  case rules
  /// `:show NAME`
  case show(String)
  /// `:drop NAME`
  case drop(String)
  /// `:run`
  case run
  /// `:explain CUSTOMER [RULE]`
  case explain(customer: String, rule: String?)
  /// `:customer ID`
  case customer(String)
  /// `:sample N [RULE|SEGMENT|OFFER]`
  case sample(count: Int, of: String?)
  /// `:as-of TIME`, the time as typed (the session parses it).
  case asOf(String)
  /// `:export [--preview] [DIR] [csv|jsonl]`
  case export(directory: String?, format: ExportFormat?, preview: Bool = false)
  /// `:test`
  case test
  /// `:describe [TABLE]`
  case describe(String?)
  /// `:quit`
  case quit
  /// `:diff [saved|FILE|last-run] [--out FILE.csv]`; nil compares with the saved file.
  case diff(against: String?, out: String?)
  /// `:undo`
  case undo
  /// `:redo`
  case redo
}
