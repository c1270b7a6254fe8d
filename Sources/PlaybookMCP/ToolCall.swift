import MCP

/// One call of a tool, turned into the `playloop` command line that answers it.
struct ToolCall: Sendable {
  let tool: PlaybookTool
  let arguments: [String: Value]

  /// Why a call cannot be run: the message the agent reads as the tool's error.
  struct Refusal: Error, Sendable {
    let message: String
  }

  /// The command's arguments (after the executable), with `--format json`.
  /// - Parameters:
  ///   - playbook: the file the server was started with, used when the call names none.
  ///   - allowExport: whether the server may export and write ledgers.
  func commandLine(playbook: String?, allowExport: Bool) throws(Refusal) -> [String] {
    let known = Set(tool.inputSchema.objectValue?["properties"]?.objectValue?.keys.map { $0 } ?? [])
    if let unknown = arguments.keys.sorted().first(where: { !known.contains($0) }) {
      throw Refusal(
        message: "\(tool.rawValue) takes no argument `\(unknown)`; it takes \(known.sorted().joined(separator: ", "))")
    }
    guard let file = try text("file") ?? playbook else {
      throw Refusal(message: "no playbook: pass `file`, or start the server with one (`playloop mcp FILE`)")
    }
    var line = [tool.rawValue, "--format", "json"]
    switch tool {
    case .check, .test:
      line.append(file)
    case .describe:
      line.append(file)
      if let table = try text("table") { line += ["--table", table] }
    case .run:
      line.append(file)
      if let asOf = try text("as_of") { line += ["--as-of", asOf] }
      if try flag("dry_run") ?? true {
        line.append("--dry-run")
      } else if !allowExport {
        throw Refusal(
          message: "this server may not export: start it with `playloop mcp --allow-export`, or run with dry_run true")
      }
    case .explain:
      guard let customer = try text("customer") else { throw Refusal(message: "explain needs `customer`: an id") }
      line += [file, customer]
      if let rule = try text("rule") { line += ["--rule", rule] }
      if let asOf = try text("as_of") { line += ["--as-of", asOf] }
      if try flag("all") == true { line.append("--all") }
    }
    return line
  }

  private func text(_ name: String) throws(Refusal) -> String? {
    guard let value = arguments[name], !value.isNull else { return nil }
    guard let string = value.stringValue else { throw Refusal(message: "`\(name)` must be a string") }
    return string
  }

  private func flag(_ name: String) throws(Refusal) -> Bool? {
    guard let value = arguments[name], !value.isNull else { return nil }
    guard let bool = value.boolValue else { throw Refusal(message: "`\(name)` must be true or false") }
    return bool
  }
}
