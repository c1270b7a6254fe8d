import Foundation

/// Runs `playloop` itself for a tool call, so every tool answers with the command
/// line's own JSON, and a command that fails (or crashes) ends as a tool error, never
/// as a dropped connection.
struct CommandRunner: Sendable {
  /// The `playloop` executable: the running one.
  let executable: String

  /// What a command printed, and how it ended.
  struct Outcome: Sendable {
    let status: Int32
    let stdout: String
    let stderr: String
  }

  /// Runs the command with `arguments` in the current folder. Its standard input is
  /// empty: the server's own stdin carries the protocol.
  func run(_ arguments: [String]) throws -> Outcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardInput = FileHandle.nullDevice
    let answer = Pipe()
    let errors = Pipe()
    process.standardOutput = answer
    process.standardError = errors
    try process.run()
    // Both pipes are drained at once, so a large answer on one cannot stall the other.
    let errorOutput = ErrorOutput()
    let reader = Thread { errorOutput.set(errors.fileHandleForReading.readDataToEndOfFile()) }
    reader.start()
    let stdout = answer.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: errorOutput.waitForData(), as: UTF8.self))
  }
}

/// The child's standard error, handed over by the thread reading it.
private final class ErrorOutput: @unchecked Sendable {
  private let condition = NSCondition()
  private var data: Data?

  func set(_ read: Data) {
    condition.withLock {
      data = read
      condition.signal()
    }
  }

  func waitForData() -> Data {
    condition.withLock {
      while data == nil { condition.wait() }
      return data ?? Data()
    }
  }
}
