/// Every shell command, in the order `:help` lists them.
public enum CommandCatalog {
  public static let commands: [CommandSpec] = [
    CommandSpec(
      name: "help", usageArguments: "[NAME]", summary: "List the commands, or explain one.",
      details: "`:help load` shows how to use :load. Statements typed at the prompt join the "
        + "playbook; a statement spans lines until a blank line or the next statement.",
      arguments: [.commandName]),
    CommandSpec(
      name: "load", usageArguments: "FILE", summary: "Load a playbook file, replacing the session's.",
      details: "Relative paths in the playbook resolve against the file's own folder. "
        + "Errors are shown and nothing is replaced.",
      arguments: [.file]),
    CommandSpec(
      name: "save", usageArguments: "FILE", summary: "Save the session's playbook, formatted.",
      details: "The file is written atomically; an existing file is replaced.",
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
      name: "export", usageArguments: "[DIR] [csv|jsonl]",
      summary: "Write the audience files, decisions log and summary.",
      details: "Defaults to the playbook's `export` statement. Files are written atomically.",
      arguments: [.directoryOrFormat, .format]),
    CommandSpec(
      name: "test", usageArguments: "", summary: "Run the playbook's tests.",
      details: "Runs every `test` statement and reports each expectation that fails.",
      arguments: []),
    CommandSpec(
      name: "quit", usageArguments: "", summary: "Leave the shell (Ctrl-D does too).",
      details: "With unsaved changes the shell asks once before leaving.", arguments: []),
  ]

  /// The command named `name` (without the colon).
  public static func spec(named name: String) -> CommandSpec? {
    commands.first { $0.name == name }
  }

  /// The `:help` overview: one aligned line per command.
  public static var overview: String {
    let width = commands.map(\.usage.count).max() ?? 0
    let lines = commands.map { spec in
      spec.usage.padding(toLength: width + 2, withPad: " ", startingAt: 0) + spec.summary
    }
    return (["Commands:"] + lines.map { "  " + $0 }
      + ["", "Statements typed at the prompt join the playbook. Ctrl-C drops the line, Ctrl-D leaves."])
      .joined(separator: "\n")
  }
}
