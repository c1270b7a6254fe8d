import MCP
import PlaybookLanguage

/// One call of a tool, turned into the `playloop` command line that answers it.
struct ToolCall: Sendable {
  let tool: PlaybookTool
  let arguments: [String: Value]

  /// The command's arguments (after the executable), with `--format json`; a call that
  /// cannot run throws the usage error the agent reads.
  /// - Parameters:
  ///   - playbook: the file the server was started with, used when the call names none.
  ///   - allowExport: whether the server may export and write ledgers.
  func commandLine(playbook: String?, allowExport: Bool) throws(Diagnostic) -> [String] {
    let known = tool.argumentNames
    if let unknown = arguments.keys.sorted().first(where: { !known.contains($0) }) {
      throw Diagnostic(.unknownToolArgument(tool.rawValue, unknown, takes: known), file: nil)
    }
    guard let file = try text("file") ?? playbook else { throw Diagnostic(.noPlaybookForTool, file: nil) }
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
        throw Diagnostic(.exportNotAllowed, file: nil)
      }
    case .explain:
      guard let customer = try text("customer") else {
        throw Diagnostic(.missingToolArgument("explain", "customer", "the customer's id"), file: nil)
      }
      line += [file, customer]
      if let rule = try text("rule") { line += ["--rule", rule] }
      if let asOf = try text("as_of") { line += ["--as-of", asOf] }
      if try flag("all") == true { line.append("--all") }
      if let whatIf = try text("what_if") { line += ["--what-if", whatIf] }
      if let whyNot = try text("why_not") { line += ["--why-not", whyNot] }
    case .sample:
      line.append(file)
      if let name = try text("of") { line.append(name) }
      if let status = try text("status") { line += ["--status", status] }
      if let count = try number("count") { line += ["--count", String(count)] }
      if let seed = try number("seed") { line += ["--seed", String(seed)] }
      if let asOf = try text("as_of") { line += ["--as-of", asOf] }
    case .diff:
      guard let whatIf = try text("what_if") else {
        throw Diagnostic(.missingToolArgument("diff", "what_if", "the statements to try"), file: nil)
      }
      line += [file, "--what-if", whatIf]
      if let limit = try number("limit") { line += ["--limit", String(limit)] }
      if let asOf = try text("as_of") { line += ["--as-of", asOf] }
    }
    return line
  }

  private func number(_ name: String) throws(Diagnostic) -> Int? {
    guard let value = arguments[name], !value.isNull else { return nil }
    guard let number = value.intValue, number >= 0 else {
      throw Diagnostic(.toolArgumentType(name, "a whole number, 0 or more"), file: nil)
    }
    return number
  }

  private func text(_ name: String) throws(Diagnostic) -> String? {
    guard let value = arguments[name], !value.isNull else { return nil }
    guard let string = value.stringValue else { throw Diagnostic(.toolArgumentType(name, "a string"), file: nil) }
    return string
  }

  private func flag(_ name: String) throws(Diagnostic) -> Bool? {
    guard let value = arguments[name], !value.isNull else { return nil }
    guard let bool = value.boolValue else { throw Diagnostic(.toolArgumentType(name, "true or false"), file: nil) }
    return bool
  }
}
