import ArgumentParser
import Foundation
import PlaybookMCP

/// `playloop mcp [FILE]`: the Model Context Protocol server for AI agents, over stdio.
struct McpCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mcp",
    abstract: "Serve check, run, explain, test and describe to AI agents (Model Context Protocol, stdio).")

  @Argument(help: "The playbook tools use when a call names none.") var file: String?
  @Flag(help: "Let the `run` tool export and write the ledger when a call asks (dry runs only without it).")
  var allowExport = false

  func run() throws {
    let server = PlaybookServer(playbook: file, allowExport: allowExport, executable: Self.executable)
    let version = Playloop.configuration.version
    let ended = DispatchSemaphore(value: 0)
    let failure = Failure()
    Task {
      do { try await server.serve(version: version) } catch { failure.error = error }
      ended.signal()
    }
    ended.wait()
    if let error = failure.error { throw error }
  }

  /// This program's own path, which each tool call runs.
  static var executable: String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? Bundle.main.executablePath ?? CommandLine.arguments[0]
  }
}

/// The server's error, handed back from its task.
private final class Failure: @unchecked Sendable {
  var error: (any Error)?
}
