import PlaybookEngine

/// A `:command` typed at the shell, parsed.
public enum ShellCommand: Equatable, Sendable {
  /// `:help [NAME]`
  case help(String?)
  /// `:load FILE`
  case load(String)
  /// `:save [--force] [FILE]`: without FILE, the playbook's own file; `force` replaces
  /// another existing file without asking.
  case save(String?, force: Bool = false)
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
  /// `:edit [NAME]`: one statement, or the whole playbook, in `$VISUAL`/`$EDITOR`.
  case edit(String?)
  /// `:check`: the playbook's diagnostics again.
  case check
  /// `:quit`
  case quit
}
