import PlaybookEngine
import PlaybookReporting

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
  /// `:explain CUSTOMER [RULE] [with STATEMENTS]`
  case explain(customer: String, rule: String?, with: String? = nil)
  /// `:customer ID`
  case customer(String)
  /// `:sample N [RULE|SEGMENT|OFFER] [seed S]`; the seed is `SeededSample.defaultSeed` when not given.
  case sample(count: Int, of: String?, seed: UInt64 = SeededSample.defaultSeed)
  /// `:as-of TIME`, the time as typed (the session parses it).
  case asOf(String)
  /// `:export [--preview] [--new-holdout] [DIR] [FORMAT]`
  case export(directory: String?, format: ExportFormat?, preview: Bool = false, newHoldout: Bool = false)
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
  /// `:mode [table|csv|json|markdown|line]`: nil shows the current mode.
  case mode(TableMode?)
  /// `:x [on|off|auto]`: nil toggles the expanded (one record per block) display.
  case expanded(ExpandedDisplay?)
  /// `:pager [on|off]`: nil shows whether long output goes through the pager.
  case pager(Bool?)
  /// `:decisions [OFFER] [STATUS] [limit N]`, either filter in either order; nil limit
  /// shows `decisionsShown`.
  case decisions(offer: String?, status: DecisionStatus?, limit: Int?)
  /// `:diff [saved|FILE|last-run] [--out FILE.csv]`; nil compares with the saved file.
  case diff(against: String?, out: String?)
  /// `:report [FILE]`: the campaign report page; nil writes `ReportPage.defaultFile`.
  case report(String?)
  /// `:undo`
  case undo
  /// `:redo`
  case redo
}
