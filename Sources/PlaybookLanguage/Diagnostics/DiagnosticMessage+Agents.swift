/// The messages of `playloop mcp`, the server for AI agents: each becomes the tool
/// error's `{"diagnostics": […]}` document, the shape every command fails with.
extension DiagnosticMessage {
  /// `no tool 'explian'; did you mean 'explain'?` (usageError).
  public static func unknownTool(_ name: String, suggestion: String?, tools: [String]) -> Self {
    Self(
      .usageError, "no tool '\(name)'" + (suggestion.map { "; \($0)" } ?? ""),
      hint: "the tools are " + tools.joined(separator: ", "))
  }

  /// `check takes no argument 'fil'` (usageError), naming the ones it takes.
  public static func unknownToolArgument(_ tool: String, _ argument: String, takes: [String]) -> Self {
    Self(.usageError, "\(tool) takes no argument '\(argument)'", hint: "it takes " + takes.joined(separator: ", "))
  }

  /// `'customer' must be a string` (usageError).
  public static func toolArgumentType(_ argument: String, _ type: String) -> Self {
    Self(.usageError, "'\(argument)' must be \(type)")
  }

  /// `explain needs 'customer'` (usageError).
  public static func missingToolArgument(_ tool: String, _ argument: String, _ what: String) -> Self {
    Self(.usageError, "\(tool) needs '\(argument)': \(what)")
  }

  /// `no playbook to use` (usageError): neither the call nor the server names one.
  public static let noPlaybookForTool = Self(
    .usageError, "no playbook to use",
    hint: "pass 'file', or start the server with one: playloop mcp FILE")

  /// `this server may not export` (usageError).
  public static let exportNotAllowed = Self(
    .usageError, "this server may not export or write a ledger",
    hint: "start it with `playloop mcp --allow-export`, or call run with dry_run true")

  /// `playloop explain ended with status 134 and no answer: …` (toolFailed).
  public static func toolFailed(_ command: String, _ what: String) -> Self {
    Self(.toolFailed, "playloop \(command) \(what)")
  }
}
