import PlaybookReporting

/// How the shell prints results, as `:mode`, `:x` and `:pager` set it: the table mode,
/// the expanded display, and whether long output may go through the pager.
struct OutputMode: Equatable, Sendable {
  /// How tables print.
  var tables = TableMode.table
  /// One record per block (psql's `\x`), in table mode: on, off, or when a table is too wide.
  var expanded = ExpandedDisplay.off
  /// Output taller than the terminal goes through the pager (at a terminal only).
  var paging = true

  /// The default: aligned tables, not expanded, paging on.
  init() {}

  /// Applies `:mode`, `:x` or `:pager` and says what the setting is now; nil for any
  /// other command. `hasPager` is false when there is no pager to turn on (a script,
  /// redirected output, or an empty `$PAGER`).
  mutating func apply(_ command: ShellCommand, hasPager: Bool = true) -> String? {
    switch command {
    case .mode(let mode):
      if let mode { tables = mode }
      return "mode \(tables.rawValue)"
        + (expanded != .off && tables == .table ? " (expanded \(expanded.rawValue))" : "")
    case .expanded(let display):
      expanded = display ?? (expanded == .off ? .on : .off)
      return "expanded display is \(expanded.rawValue)"
        + (tables == .table ? "" : " (it applies in table mode; :mode table)")
    case .pager(let on):
      if let on { paging = on }
      return "pager is \(paging ? "on" : "off")"
        + (paging && !hasPager ? " (but there is none here: no terminal, or $PAGER is empty)" : "")
    default:
      return nil
    }
  }
}
