import Foundation
import PlaybookReporting

/// Every shell command, in the order `:help` lists them.
enum CommandCatalog {
  /// Every command's spec, `help` first, in `:help`'s listing order.
  static let commands: [CommandSpec] = [
    CommandSpec(
      name: "help", usageArguments: "[NAME]", summary: "List the commands, or explain one.",
      details: "`:help load` shows how to use :load. Statements typed at the prompt join the "
        + "playbook; a statement spans lines until a blank line or the next statement.",
      arguments: [.commandName]),
    CommandSpec(
      name: "load", usageArguments: "FILE",
      summary: "Load a playbook file, replacing the session's.",
      details: "Relative paths in the playbook resolve against the file's own folder. "
        + "Errors are shown and nothing is replaced. With unsaved typed statements, the "
        + "first :load only warns; type it again to replace them.",
      arguments: [.file]),
    CommandSpec(
      name: "save", usageArguments: "FILE", summary: "Save the session's playbook, formatted.",
      details: "The file is written atomically; an existing file is replaced. Relative paths "
        + "are rewritten to name the same files from the saved file's folder.",
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
      details: "Shows the evaluation clock and time taken. After the first run only what "
        + "changed is re-evaluated. Ctrl-C stops a long run.",
      arguments: []),
    CommandSpec(
      name: "explain", usageArguments: "CUSTOMER [RULE]",
      summary: "Show why a customer gets (or does not get) each offer.",
      details: "For each rule (or just RULE), shows every condition's value for the "
        + "customer's rows and the resulting candidate or decision.",
      arguments: [.customer, .name(.rules)]),
    CommandSpec(
      name: "customer", usageArguments: "ID",
      summary: "Show a customer and their tickets, calls and orders.",
      details: "Rows are shown as of the session's clock.", arguments: [.customer]),
    CommandSpec(
      name: "sample", usageArguments: "N [RULE|SEGMENT|OFFER]",
      summary: "Show N customers from the audience of a rule, segment or offer.",
      details: "Without a name, samples all customers. The sample is deterministic.",
      arguments: [.count, .name([.rules, .segments, .offers])]),
    CommandSpec(
      name: "as-of", usageArguments: "TIME",
      summary: "Set the evaluation clock, e.g. :as-of 2026-11-01T09:00:00Z.",
      details: "Overrides the playbook's `as of`. `now` uses the current time.",
      arguments: [.time]),
    CommandSpec(
      name: "export", usageArguments: "[--preview] [DIR] [FORMAT]",
      summary: "Write the audience files, decisions log and summary.",
      details: "Defaults to the playbook's `export` statement; FORMAT is csv or jsonl. Files are written atomically. "
        + "With a `ledger`, the sends are recorded as `playloop run` records them. --preview writes "
        + "a look (marked \"preview\": true, beside the export folder as NAME-preview) and records nothing.",
      arguments: [.directoryOrFormat, .format]),
    CommandSpec(
      name: "test", usageArguments: "", summary: "Run the playbook's tests.",
      details: "Runs every `test` statement and reports each expectation that fails.",
      arguments: []),
    CommandSpec(
      name: "describe", usageArguments: "[TABLE]",
      summary: "Show each loaded table's columns: type and why, nulls, examples, rows set aside.",
      details: "Without a name, describes every table the playbook loads. The types are "
        + "those the playbook sees: declared with `types`, or inferred from the values.",
      arguments: [.name(.tables)]),
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
      name: "undo", usageArguments: "", summary: "Take back the last edit, showing its impact.",
      details: "Steps back through the statements typed, :drop and :as-of, restoring the playbook, data "
        + "and clock exactly. :load starts a new history: it cannot be undone.",
      arguments: []),
    CommandSpec(
      name: "redo", usageArguments: "", summary: "Make again the edit :undo took back.",
      details: "A new edit after :undo clears what could be redone.", arguments: []),
    CommandSpec(
      name: "quit", usageArguments: "", summary: "Leave the shell (Ctrl-D does too).",
      details: "With unsaved changes the shell asks once before leaving.", arguments: []),
  ]

  /// The command named `name` (without the colon).
  static func spec(named name: String) -> CommandSpec? {
    commands.first { $0.name == name }
  }

  /// The `:help` overview: one line per command, the summaries aligned and wrapped
  /// to `width` when given.
  static func overview(width: Int? = nil) -> String {
    let usageWidth = commands.map(\.usage.count).max() ?? 0
    let indent = String(repeating: " ", count: usageWidth + 4)
    let summaryWidth = max(20, (width ?? Int.max) - indent.count)
    var lines = ["Commands:"]
    for spec in commands {
      let summary = TextWrap.lines(spec.summary, width: summaryWidth)
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

  /// `:help NAME`: usage, summary and details, wrapped to `width` when given.
  static func help(for spec: CommandSpec, width: Int? = nil) -> String {
    let wrap = { (text: String) in
      TextWrap.lines(text, width: width ?? Int.max).joined(separator: "\n")
    }
    return "usage: \(spec.usage)\n\(wrap(spec.summary))\n\n\(wrap(spec.details))"
  }
}
