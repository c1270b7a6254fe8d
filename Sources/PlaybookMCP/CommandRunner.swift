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
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Both pipes are drained at once, so a large answer on one cannot stall the other.
    let errors = ErrorText()
    let reader = Thread { errors.set(err.fileHandleForReading.readDataToEndOfFile()) }
    reader.start()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let stderr = errors.waitForData()
    return Outcome(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }
}

/// Standard error's bytes, handed from the reading thread.
private final class ErrorText: @unchecked Sendable {
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
