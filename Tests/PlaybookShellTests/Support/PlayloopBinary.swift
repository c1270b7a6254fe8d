import Foundation

/// The `playloop` executable built next to this test bundle, and a scratch home for
/// running it (history file, no `~/.editrc`).
struct PlayloopBinary {
  /// `.build/<configuration>/playloop`, beside the test executable.
  static let path: String = {
    let testExecutable =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
    return URL(fileURLWithPath: testExecutable).deletingLastPathComponent()
      .appendingPathComponent("playloop").path
  }()

  /// Runs `playloop` in `directory` with `script` on stdin (a pipe, so script mode).
  static func runScript(
    _ script: String, arguments: [String] = [], in directory: String? = nil
  ) throws -> (status: Int32, out: String, err: String) {
    let home = ScratchHome()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.environment = home.environment
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let input = Pipe()
    let output = Pipe()
    let error = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = error
    try process.run()
    input.fileHandleForWriting.write(Data(script.utf8))
    try input.fileHandleForWriting.close()
    // stderr is read on another thread so a full pipe never blocks the child.
    let errData = LockedData()
    let reader = Thread { errData.set(error.fileHandleForReading.readDataToEndOfFile()) }
    reader.start()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !errData.isSet { usleep(1000) }
    return (
      process.terminationStatus, String(decoding: out, as: UTF8.self),
      String(decoding: errData.value, as: UTF8.self)
    )
  }
}

/// Bytes handed from a reader thread.
final class LockedData: @unchecked Sendable {
  private let lock = NSLock()
  private var data: Data?
  func set(_ value: Data) { lock.withLock { data = value } }
  var isSet: Bool { lock.withLock { data != nil } }
  var value: Data { lock.withLock { data ?? Data() } }
}

/// A temporary home directory holding the history file; removed when dropped.
final class ScratchHome {
  let directory: String

  init() {
    directory =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("playloop-shell-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: directory) }

  var historyFile: String { directory + "/history" }

  /// A minimal environment: no LANG, so the shell's C.UTF-8 fallback is what makes
  /// UTF-8 input work.
  var environment: [String: String] {
    ["HOME": directory, "PLAYLOOP_HISTORY": historyFile, "TERM": "xterm", "PATH": "/usr/bin:/bin"]
  }
}
