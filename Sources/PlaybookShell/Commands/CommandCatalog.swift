import Foundation
import PlaybookEngine
import PlaybookReporting

/// Every shell command, in the order `:help` lists them.
enum CommandCatalog {
  /// Every command's spec, `help` first, in `:help`'s listing order.
  static let commands: [CommandSpec] = [
    CommandSpec(
      name: "help", usageArguments: "[TOPIC]",
      summary: "List the commands and language topics, or explain one.",
      details: "`:help explain` shows how to use :explain; `:help rule`, `:help when`, `:help holdout` "
        + "show the language reference (docs/LANGUAGE.md) for a statement or construct, with an example; "
        + "`:help load` shows both the command and the statement. Statements typed at the prompt join the "
        + "playbook; `rule`, `test` and `load` span lines until a blank line, every other statement ends "
        + "with its line.",
      arguments: [.commandName]),
    CommandSpec(
      name: "load", usageArguments: "FILE",
      summary: "Load a playbook file, replacing the session's.",
      details: "Relative paths in the playbook resolve against the file's own folder. "
        + "A playbook that does not check is loaded with its errors shown, to fix with :edit "
        + "(a script stops there); an unreadable file replaces nothing. With unsaved typed statements, the "
        + "first :load only warns; type it again to replace them. A load past half a second shows its "
        + "progress; Ctrl-C stops it and keeps the session as it was.",
      arguments: [.file]),
    CommandSpec(
      name: "save", usageArguments: "[--force] [FILE]", summary: "Save the session's playbook, formatted.",
      details: "Without FILE, saves to the playbook's own file (the one loaded or last saved); "
        + ":save FILE makes FILE the playbook's file. Replacing another existing file asks once "
        + "(type the same :save again); a script needs --force. Comments typed in the session are "
        + "kept, and new statements go where a reader looks for them: a new rule after the last "
        + "rule (before the tests), a new offer after the last offer, each after the last "
        + "statement of its kind or of the kinds before it (header, load, define and segment, "
        + "channel, offer, rule, limit/holdout/export, test). The file is written atomically. "
        + "Relative paths are rewritten to name the same files from the saved file's folder.",
      arguments: [.file]),
    CommandSpec(
      name: "rules", usageArguments: "", summary: "List the rules with their priority and offers.",
      details: "One line per rule, in playbook order.", arguments: []),
    CommandSpec(
      name: "show", usageArguments: "NAME",
      summary: "Show the statement defining a rule, segment, offer or channel.",
      details: "Prints the statement as :save would write it.", arguments: [.name(.all)]),
    CommandSpec(
      name: "drop", usageArguments: "NAME",
      summary: "Remove a rule, segment, offer or channel from the playbook.",
      details: "Fails when something else still uses the name.", arguments: [.name(.all)]),
    CommandSpec(
      name: "run", usageArguments: "",
      summary: "Evaluate the playbook: candidates and decisions per rule and offer.",
      details: "Shows the evaluation clock and time taken, and warns of values that "
        + "overflowed (read as null) as `playloop run` does. After the first run only what "
        + "changed is re-evaluated. Ctrl-C stops a long run. An `unrendered` count (and bar part) shows "
        + "when some message could not be filled in.",
      arguments: []),
    CommandSpec(
      name: "explain", usageArguments: "CUSTOMER [RULE] [with STATEMENTS]",
      summary: "Show why a customer gets (or does not get) each offer.",
      details: "For each rule (or just RULE), shows every check on the customer's rows and what "
        + "became of each offer, in plain words. CUSTOMER is an id (in any case), an email, a phone "
        + "number or a name. `with STATEMENTS` shows what the customer would get if the statements "
        + "were in the playbook (each replaces the one defining the same thing, or is added; a rule "
        + "may be written on one line: `with rule x when … send …`); the playbook is not changed.",
      arguments: [.customer, .name(.rules)]),
    CommandSpec(
      name: "customer", usageArguments: "ID",
      summary: "Show a customer and their tickets, calls and orders.",
      details: "Rows are shown as of the session's clock.", arguments: [.customer]),
    CommandSpec(
      name: "sample", usageArguments: "N [NAME] [seed S]",
      summary: "Show a random sample of decisions or customers, with reasons.",
      details: "NAME is a rule, segment or offer. A rule or offer samples its decisions; a "
        + "segment, or no name, samples customers and shows their decisions (`no candidate` when they have none). The sample is random but "
        + "seeded: the same seed (1 unless `seed S` is given) always picks the same customers.",
      arguments: [.count, .name([.rules, .segments, .offers])]),
    CommandSpec(
      name: "as-of", usageArguments: "TIME",
      summary: "Set the evaluation clock, e.g. :as-of 2026-11-01T09:00:00Z.",
      details: "Overrides the playbook's `as of`. `now` uses the current time.",
      arguments: [.time]),
    CommandSpec(
      name: "export", usageArguments: "[--preview] [--new-holdout] [DIR] [FORMAT]",
      summary: "Write the audience files, decisions log and summary.",
      details:
        "Defaults to the playbook's `export` statement; FORMAT is csv, jsonl or a sending tool's import (braze, customerio, hubspot, mailchimp, iterable). Files are written atomically. "
        + "Without a ledger, the decisions last evaluated (by :run, or for the impact of an edit) are written when nothing changed since "
        + "(playbook, data, clock); Ctrl-C stops a long export and leaves no folder behind. "
        + "With a `ledger`, the sends are recorded as `playloop run` records them. --preview writes "
        + "a look (marked \"preview\": true, beside the export folder as NAME-preview) and records nothing. "
        + "A holdout that differs from the one the ledger recorded is refused, as by `playloop run`; "
        + "--new-holdout starts a new experiment (with --preview: shows what it would hold out).",
      arguments: [.directoryOrFormat, .format]),
    CommandSpec(
      name: "test", usageArguments: "", summary: "Run the playbook's tests.",
      details: "Runs every `test` statement and reports each expectation that fails. A playbook "
        + "without tests fails (a script stops, exit 1), as `playloop test` does.",
      arguments: []),
    CommandSpec(
      name: "describe", usageArguments: "[TABLE]",
      summary: "Show each loaded table's columns: type and why, nulls, examples, rows set aside.",
      details: "Without a name, describes every table the playbook loads. The types are "
        + "those the playbook sees: declared with `types`, or inferred from the values.",
      arguments: [.name(.tables)]),
    CommandSpec(
      name: "edit", usageArguments: "[NAME]",
      summary: "Edit a statement, or the whole playbook, in $VISUAL or $EDITOR.",
      details: "NAME is a rule, segment, offer, channel, definition or test (quote a test's "
        + "name). Without NAME the whole playbook opens. The editor is $VISUAL, else $EDITOR, "
        + "else vi. What comes back is checked as a typed statement is: if it has errors they "
        + "are shown and the editor opens again on your text (answer n to drop the edit); "
        + "closing the editor with nothing changed, or empty, changes nothing. Renaming a "
        + "statement adds it under the new name. Also fixes a playbook loaded with errors.",
      arguments: [.name(.all)]),
    CommandSpec(
      name: "check", usageArguments: "", summary: "Check the playbook again and show its errors and warnings.",
      details: "A playbook that does not check can still be loaded at the prompt: its errors "
        + "are shown, :run, :test, :export and the like refuse until it checks, and :edit "
        + "fixes it. :check shows the errors again (or says the playbook checks).",
      arguments: []),
    CommandSpec(
      name: "decisions", usageArguments: "[OFFER] [STATUS]",
      summary: "List who was decided what and why.",
      details: "Shows customer, rule, offer (and its variant when a rule splits between offers), status, "
        + "channel, send_at and reason. OFFER and STATUS "
        + "(send, holdout, capped, unreachable, already_sent, unrendered) filter, in either "
        + "order: `:decisions SORRY25 unreachable`. Shows the first 20 and counts the rest; "
        + "`limit N` shows more; after `:mode csv` they print as CSV for a spreadsheet.",
      arguments: [.name(.offers), .words(DecisionStatus.allCases.map(\.rawValue))]),
    CommandSpec(
      name: "mode", usageArguments: "[MODE]",
      summary: "Show or set how tables print: table, csv, json, markdown, line.",
      details: "table aligns columns to the terminal; csv is RFC 4180 with a header (as :export "
        + "writes); json is an array of objects, one per line (duckdb's .mode json); markdown is a "
        + "pipe table; line prints `column = value` lines, a blank line between records. Messages "
        + "and errors print as always.",
      arguments: [.words(TableMode.allCases.map(\.rawValue))]),
    CommandSpec(
      name: "x", usageArguments: "[on|off|auto]",
      summary: "Toggle one record per block, as psql's \\x.",
      details: "In table mode, each row prints as `-[ RECORD 1 ]---` and one `column | value` "
        + "line per column. `auto` does so only for a table too wide for the terminal.",
      arguments: [.words(ExpandedDisplay.allCases.map(\.rawValue))]),
    CommandSpec(
      name: "pager", usageArguments: "[on|off]",
      summary: "Show or set paging of output taller than the terminal.",
      details: "The pager is $PLAYLOOP_PAGER, else $PAGER, else `less -FRX`; set either to an empty "
        + "string to turn it off. It is used only at a terminal, never for a script or when "
        + "output is redirected.",
      arguments: [.words(["on", "off"])]),
    CommandSpec(
      name: "diff", usageArguments: "[AGAINST] [--out FILE.csv]",
      summary: "Show who gains and who loses each offer against the saved file, a playbook or the last run.",
      details: "AGAINST is `saved` (the default: the loaded file as it is on disk), a playbook FILE "
        + "(evaluated on the session's data and clock) or `last-run` (the sends the playbook's ledger "
        + "recorded in its last run; only sends are compared). Counts per offer come first, then the first \(EngineSession.diffShown) customers whose "
        + "status for an offer changed, with the reason. --out writes every change as CSV: customer_id, offer, "
        + "old_status, new_status, old_rule, new_rule, old_channel, new_channel, old_reason, new_reason, in "
        + "customer order (an empty status: no decision).",
      arguments: [.file]),
    CommandSpec(
      name: "report", usageArguments: "[FILE]",
      summary: "Write the campaign report: one HTML page with charts (default report.html).",
      details: "The figures of the playbook as it is now, as :run counts them (the session's data and clock; "
        + "unlike `playloop report`, no ledger is read), on the page `playloop report` writes: the funnel per offer, the audience by offer, rule and channel, variants and control group, "
        + "why customers were not sent, sends per day, rows set aside and the playbook with each rule's counts. "
        + "The page is self-contained (no network), prints, and follows the dark mode.",
      arguments: [.file]),
    CommandSpec(
      name: "undo", usageArguments: "", summary: "Take back the last edit, showing its impact.",
      details: "Steps back through the statements typed, :drop and :as-of, restoring the playbook, data "
        + "and clock exactly. :load starts a new history: it cannot be undone.",
      arguments: []),
    CommandSpec(
      name: "redo", usageArguments: "", summary: "Make again the edit :undo took back.",
      details: "A new edit after :undo clears what could be redone.", arguments: []),
    CommandSpec(
      name: "quit", usageArguments: "", summary: "Leave the shell (Ctrl-D does too).",
      details: "With unsaved changes the shell asks once before leaving. `:q`, and `exit` or `quit` alone "
        + "on a line, leave too.", arguments: []),
  ]

  /// The command named `name` (without the colon).
  static func spec(named name: String) -> CommandSpec? {
    commands.first { $0.name == name }
  }

  /// The `:help` overview: one line per command, the summaries aligned and wrapped
  /// to `width` when given.
  static func overview(width: Int? = nil) -> String {
    // The usage column leaves the summaries room; a longer usage has its summary below.
    let natural = commands.map(\.usage.count).max() ?? 0
    let usageWidth = min(natural, width.map { max(12, $0 - 4 - minimumSummaryWidth) } ?? natural)
    let indent = String(repeating: " ", count: usageWidth + 4)
    let summaryWidth = max(minimumSummaryWidth, (width ?? Int.max) - indent.count)
    var lines = ["Commands:"]
    for spec in commands {
      let summary = TextWrap.lines(spec.summary, width: summaryWidth)
      if spec.usage.count > usageWidth {
        lines.append("  " + spec.usage)
        lines += summary.map { indent + $0 }
        continue
      }
      lines.append(
        "  " + spec.usage.padding(toLength: usageWidth + 2, withPad: " ", startingAt: 0)
          + summary[0])
      lines += summary.dropFirst().map { indent + $0 }
    }
    lines.append("")
    lines += TextWrap.lines(
      "Statements typed at the prompt join the playbook. Ctrl-C drops the line, Ctrl-D leaves.",
      width: width ?? Int.max)
    return lines.joined(separator: "\n")
  }

  /// The narrowest the overview wraps a summary to.
  static let minimumSummaryWidth = 30

  /// `:help NAME`: usage, summary and details, wrapped to `width` when given.
  static func help(for spec: CommandSpec, width: Int? = nil) -> String {
    let wrap = { (text: String) in
      TextWrap.lines(text, width: width ?? Int.max).joined(separator: "\n")
    }
    return "usage: \(spec.usage)\n\(wrap(spec.summary))\n\n\(wrap(spec.details))"
  }
}
