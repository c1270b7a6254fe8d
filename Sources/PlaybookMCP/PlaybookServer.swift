import Foundation
import MCP
import PlaybookEngine
import PlaybookLanguage

/// `playloop mcp`: a Model Context Protocol server over stdio for AI agents. Its tools
/// mirror the command line (`check`, `run`, `explain`, `test`, `describe`) and answer with
/// the same JSON; its resources are the playbook's text and the language reference.
public struct PlaybookServer: Sendable {
  /// The playbook tools use when a call names none; nil for none.
  public let playbook: String?
  /// Whether `run` may export and write the ledger (`--allow-export`).
  public let allowExport: Bool
  let runner: CommandRunner

  /// A server running `executable` (this `playloop`) for each tool call.
  public init(playbook: String?, allowExport: Bool, executable: String) {
    self.playbook = playbook
    self.allowExport = allowExport
    self.runner = CommandRunner(executable: executable)
  }

  /// Serves on stdin and stdout until the client closes the connection.
  public func serve(version: String) async throws {
    let server = Server(
      name: "playloop", version: version,
      instructions: "Check, run, explain and test Playloop playbooks. The language reference is the resource "
        + PlaybookResource.language.uri + ".",
      capabilities: .init(resources: .init(subscribe: false, listChanged: false), tools: .init(listChanged: false)))
    await server.withMethodHandler(ListTools.self) { _ in
      .init(tools: PlaybookTool.allCases.map(\.tool))
    }
    await server.withMethodHandler(CallTool.self) { params in
      self.call(params.name, params.arguments ?? [:])
    }
    await server.withMethodHandler(ListResources.self) { _ in
      .init(resources: PlaybookResource.available(playbook: playbook).map(\.resource), nextCursor: nil)
    }
    await server.withMethodHandler(ReadResource.self) { params in
      guard let resource = PlaybookResource.available(playbook: playbook).first(where: { $0.uri == params.uri })
      else { throw MCPError.invalidParams("no resource \(params.uri)") }
      return .init(contents: [try resource.contents(playbook: playbook)])
    }
    try await server.start(transport: StdioTransport())
    await server.waitUntilCompleted()
  }

  /// A tool call's answer: the command's JSON; a tool error when the call is refused,
  /// the command fails, or it prints no JSON. Every error is a `{"diagnostics": […]}`
  /// document, as the command line fails with.
  func call(_ name: String, _ arguments: [String: Value]) -> CallTool.Result {
    guard let tool = PlaybookTool(rawValue: name) else {
      let names = PlaybookTool.allCases.map(\.rawValue)
      return failure(.unknownTool(name, suggestion: NearNames.didYouMean(name, in: names), tools: names))
    }
    let line: [String]
    do {
      line = try ToolCall(tool: tool, arguments: arguments).commandLine(playbook: playbook, allowExport: allowExport)
    } catch {
      return failure(error)
    }
    let outcome: CommandRunner.Outcome
    do {
      outcome = try runner.run(line)
    } catch {
      return failure(.toolFailed(tool.rawValue, "could not start (\(runner.executable)): \(error)"))
    }
    let json = outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    guard json.hasPrefix("{") else {
      let said = (outcome.stdout + outcome.stderr).trimmingCharacters(in: .whitespacesAndNewlines)
      return failure(.toolFailed(tool.rawValue, "ended with status \(outcome.status) and no answer: \(said)"))
    }
    return .init(
      content: [.text(text: json, annotations: nil, _meta: nil)], isError: !tool.answers(status: outcome.status))
  }

  private func failure(_ message: DiagnosticMessage) -> CallTool.Result {
    failure(Diagnostic(message, file: nil))
  }

  private func failure(_ diagnostic: Diagnostic) -> CallTool.Result {
    .init(content: [.text(text: Diagnostic.json([diagnostic]).prettyText, annotations: nil, _meta: nil)], isError: true)
  }
}

extension PlaybookTool {
  /// Whether a command ending with `status` answered the call: `check` and `test` answer
  /// with status 1 too (the playbook is wrong, a test failed: that is their answer).
  func answers(status: Int32) -> Bool {
    status == 0 || (status == 1 && (self == .check || self == .test))
  }
}
