import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A program run by a test: its stdout and stderr are each read on their own thread as
/// the child writes them, so a child that fills one pipe while the test waits on the
/// other cannot block, and what a killed child wrote before dying is kept. Every wait
/// has a deadline; a child still running at the deadline is killed, so a wedged program
/// fails its test instead of hanging `swift test`. The child starts with no signal
/// blocked, whatever the test thread blocks, so signals sent to it take effect.
public final class ChildProcess: @unchecked Sendable {
  /// The executable is not there: the package's products were not built.
  public struct NotBuilt: Error, CustomStringConvertible {
    /// Where the executable was looked for.
    public var path: String
    /// What to do about it.
    public var description: String { "\(path) is not built: run swift build" }
  }

  /// How long a wait lasts by default: far longer than any test's run, so reaching it
  /// means the child is wedged.
  public static let defaultDeadline: Double = 300

  private let process = Process()
  private let output: PipeReader
  private let errors: PipeReader
  private let exited = DispatchSemaphore(value: 0)
  private let lock = NSLock()
  private var killedAtDeadline = false

  /// Starts `executable` with `arguments` in `directory` (the current one when nil).
  /// The environment is this process's with `environment` laid over it, or only
  /// `environment` when `inheritingEnvironment` is false. `input` is written to the
  /// child's stdin, which is then closed; without it stdin reads nothing.
  public init(
    _ executable: String, _ arguments: [String] = [], in directory: String? = nil,
    environment: [String: String] = [:], inheritingEnvironment: Bool = true, input: String? = nil
  ) throws {
    guard FileManager.default.isExecutableFile(atPath: executable) else {
      throw NotBuilt(path: executable)
    }
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    process.environment =
      inheritingEnvironment
      ? ProcessInfo.processInfo.environment.merging(Self.testCache) { $1 }.merging(environment) { $1 } : environment
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    let stdin = input.map { _ in Pipe() }
    process.standardInput = stdin ?? FileHandle.nullDevice
    process.terminationHandler = { [exited] _ in exited.signal() }
    output = PipeReader(stdout.fileHandleForReading)
    errors = PipeReader(stderr.fileHandleForReading)
    // The child inherits the spawning thread's signal mask, and test threads block
    // signals such as SIGTERM and SIGINT: a child started from one would never see them.
    var none = sigset_t()
    var previous = sigset_t()
    sigemptyset(&none)
    pthread_sigmask(SIG_SETMASK, &none, &previous)
    defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
    try process.run()
    output.start()
    errors.start()
    if let stdin, let input {
      // Written on its own thread: a child that writes before it reads cannot block us.
      let writer = stdin.fileHandleForWriting
      Thread {
        writer.write(Data(input.utf8))
        try? writer.close()
      }.start()
    }
  }

  /// Snapshots of the data tests load go to one folder in the temporary directory, not
  /// to the user's `~/.cache/playloop` (scratch data files would pile up there).
  private static let testCache = [
    "PLAYLOOP_CACHE": FileManager.default.temporaryDirectory.appendingPathComponent("playloop-test-cache").path
  ]

  /// Runs `executable` to its end (or the deadline) and returns it, finished.
  public static func run(
    _ executable: String, _ arguments: [String] = [], in directory: String? = nil,
    environment: [String: String] = [:], inheritingEnvironment: Bool = true, input: String? = nil,
    deadline seconds: Double = defaultDeadline
  ) throws -> ChildProcess {
    let child = try ChildProcess(
      executable, arguments, in: directory, environment: environment,
      inheritingEnvironment: inheritingEnvironment, input: input)
    child.wait(deadline: seconds)
    return child
  }

  /// Waits for the child to exit and for its output to end, killing it when it is still
  /// running after `seconds`. Returns `status`.
  @discardableResult
  public func wait(deadline seconds: Double = defaultDeadline) -> Int32 {
    if exited.wait(timeout: .now() + seconds) == .timedOut {
      lock.withLock { killedAtDeadline = true }
      kill(process.processIdentifier, SIGKILL)
      exited.wait()
    }
    exited.signal()  // later waits return at once
    output.waitForEnd()
    errors.waitForEnd()
    return status
  }

  /// Sends `number` (SIGTERM, SIGKILL…) to the child.
  public func signal(_ number: Int32) { kill(process.processIdentifier, number) }

  /// The child's process id.
  public var pid: Int32 { process.processIdentifier }

  /// Whether the child has not exited yet.
  public var isRunning: Bool { process.isRunning }

  /// Whether `wait` killed the child at its deadline.
  public var timedOut: Bool { lock.withLock { killedAtDeadline } }

  /// The exit status, or 128 + the signal number when a signal ended it (as a shell
  /// says). Only meaningful after `wait`.
  public var status: Int32 {
    process.terminationReason == .uncaughtSignal
      ? 128 + process.terminationStatus : process.terminationStatus
  }

  /// What the child has written to stdout so far (all of it after `wait`).
  public var stdout: String { output.text }

  /// What the child has written to stderr so far (all of it after `wait`).
  public var stderr: String { errors.text }
}

/// Reads a pipe to its end on its own thread, keeping what arrived.
private final class PipeReader: @unchecked Sendable {
  private let handle: FileHandle
  private let lock = NSLock()
  private var data: [UInt8] = []
  private let ended = DispatchSemaphore(value: 0)

  init(_ handle: FileHandle) { self.handle = handle }

  func start() {
    Thread { [self] in
      var buffer = [UInt8](repeating: 0, count: 1 << 16)
      while true {
        let count = read(handle.fileDescriptor, &buffer, buffer.count)
        if count > 0 {
          lock.withLock { data += buffer[0..<count] }
        } else if count < 0 && errno == EINTR {
          continue
        } else {
          break
        }
      }
      try? handle.close()
      ended.signal()
    }.start()
  }

  func waitForEnd() {
    ended.wait()
    ended.signal()
  }

  var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
}

extension ChildProcess {
  /// Runs the built `playloop` with `arguments` in `directory` (the package root by
  /// default) to its end.
  public static func playloop(
    _ arguments: [String], in directory: String = Repository.root,
    environment: [String: String] = [:], inheritingEnvironment: Bool = true, input: String? = nil
  ) throws -> ChildProcess {
    try run(
      BuiltProduct.playloop, arguments, in: directory, environment: environment,
      inheritingEnvironment: inheritingEnvironment, input: input)
  }

  /// Runs `playloop` with `script` on stdin (a pipe, so script mode) in a scratch home
  /// with a minimal environment.
  public static func playloopScript(
    _ script: String, arguments: [String] = [], in directory: String = Repository.root
  ) throws -> ChildProcess {
    let home = try ScratchHome()
    defer { home.remove() }
    return try playloop(
      arguments, in: directory, environment: home.environment, inheritingEnvironment: false,
      input: script)
  }
}
