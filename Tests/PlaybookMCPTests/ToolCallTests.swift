import MCP
import PlaybookLanguage
import Testing

@testable import PlaybookMCP

/// How tool calls become `playloop` command lines, and what is refused before any runs.
/// (The server itself is driven end to end by the reference client: Tests/mcp/client_test.py.)
@Suite struct ToolCallTests {
  func line(_ tool: PlaybookTool, _ arguments: [String: Value], allowExport: Bool = false) throws(Diagnostic)
    -> [String]
  {
    try ToolCall(tool: tool, arguments: arguments).commandLine(playbook: "p.playbook", allowExport: allowExport)
  }

  func refusal(_ tool: PlaybookTool, _ arguments: [String: Value], allowExport: Bool = false) -> String? {
    do {
      _ = try line(tool, arguments, allowExport: allowExport)
      return nil
    } catch {
      return error.message
    }
  }

  @Test func everyCommandAnswersInJSONAboutTheServersPlaybook() throws {
    #expect(try line(.check, [:]) == ["check", "--format", "json", "p.playbook"])
    #expect(try line(.test, ["file": "other.playbook"]) == ["test", "--format", "json", "other.playbook"])
    #expect(
      try line(.describe, ["table": "tickets"]) == ["describe", "--format", "json", "p.playbook", "--table", "tickets"])
  }

  @Test func explainPassesTheCustomerAndItsOptions() throws {
    #expect(
      try line(
        .explain,
        [
          "customer": "C-1", "rule": "r", "as_of": "2026-11-01T00:00:00Z", "all": true, "what_if": "limit 2",
          "why_not": "X",
        ])
        == [
          "explain", "--format", "json", "p.playbook", "C-1", "--rule", "r", "--as-of", "2026-11-01T00:00:00Z", "--all",
          "--what-if", "limit 2", "--why-not", "X",
        ])
    #expect(refusal(.explain, [:]) == "explain needs 'customer': the customer's id")
  }

  @Test func sampleAndDiffPassTheirOptions() throws {
    #expect(
      try line(.sample, ["of": "THANKS10", "status": "send", "count": 3, "seed": 7])
        == [
          "sample", "--format", "json", "p.playbook", "THANKS10", "--status", "send", "--count", "3", "--seed", "7",
        ])
    #expect(
      try line(.diff, ["what_if": "limit 2 per customer", "limit": 5])
        == ["diff", "--format", "json", "p.playbook", "--what-if", "limit 2 per customer", "--limit", "5"])
    #expect(refusal(.diff, [:]) == "diff needs 'what_if': the statements to try")
    #expect(refusal(.sample, ["count": -1]) == "'count' must be a whole number, 0 or more")
  }

  @Test func aRunIsDryUnlessExportingIsAskedForAndAllowed() throws {
    #expect(try line(.run, [:]) == ["run", "--format", "json", "p.playbook", "--dry-run"])
    #expect(try line(.run, ["dry_run": true], allowExport: true).last == "--dry-run")
    #expect(try line(.run, ["dry_run": false], allowExport: true) == ["run", "--format", "json", "p.playbook"])
    #expect(refusal(.run, ["dry_run": false]) == "this server may not export or write a ledger")
  }

  @Test func wrongArgumentsAreNamed() {
    #expect(refusal(.check, ["fil": "x"]) == "check takes no argument 'fil'")
    #expect(refusal(.explain, ["customer": 7]) == "'customer' must be a string")
    #expect(refusal(.run, ["dry_run": "no"]) == "'dry_run' must be true or false")
    #expect(
      (try? ToolCall(tool: .check, arguments: [:]).commandLine(playbook: nil, allowExport: false)) == nil,
      "no file and no playbook")
  }

  @Test func anUnknownToolIsAToolErrorNamingTheNearOne() {
    let server = PlaybookServer(playbook: nil, allowExport: false, executable: "/nonexistent")
    let result = server.call("explian", [:])
    #expect(result.isError == true)
    guard case .text(let text, _, _) = result.content.first else {
      Issue.record("no text")
      return
    }
    #expect(text.contains("no tool 'explian'; did you mean 'explain'?"))
    #expect(text.contains("\"code\": \"usage_error\""))
  }

  @Test func aCommandThatCannotStartIsAToolError() {
    let server = PlaybookServer(playbook: "p.playbook", allowExport: false, executable: "/nonexistent/playloop")
    let result = server.call("check", [:])
    #expect(result.isError == true)
    guard case .text(let text, _, _) = result.content.first else {
      Issue.record("no text")
      return
    }
    #expect(text.contains("\"code\": \"tool_failed\""))
  }

  @Test func theSchemaListsEveryArgumentTheCallAccepts() {
    for tool in PlaybookTool.allCases {
      let properties = tool.inputSchema.objectValue?["properties"]?.objectValue ?? [:]
      #expect(properties["file"] != nil, "\(tool) takes a file")
    }
    #expect(PlaybookTool.explain.inputSchema.objectValue?["required"] == ["customer"])
    #expect(PlaybookTool.run.annotations.readOnlyHint == false)
    #expect(PlaybookTool.check.annotations.readOnlyHint == true)
  }
}
