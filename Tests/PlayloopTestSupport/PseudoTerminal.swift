import CEditLine
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A program running on its own pseudo-terminal, driven as a person at a keyboard
/// would: keys go in, and what the terminal shows comes back.
///
/// The child runs in a new session (so the pty is its controlling terminal and a
/// `kill(0, …)` in the child cannot reach the test process) with every signal at its
/// default and none blocked (the test thread blocks most signals, and a child that
/// inherits that mask ignores Ctrl-C). Every wait has a deadline, and a child still
/// running when the terminal is dropped is killed, so a wedged program cannot hang
/// `swift test`.
public final class PseudoTerminal {
  /// An `expect` or wait that ran past its deadline, with what the screen showed.
  public struct Timeout: Error, CustomStringConvertible {
    /// The text (or state) waited for.
    public var waitingFor: String
    /// What the terminal showed by then.
    public var screen: String
    /// Both, for the test's failure message.
    public var description: String {
      "timed out waiting for \(waitingFor.debugDescription); screen so far:\n\(screen)"
    }
  }

  /// `openpty` or `posix_spawn` failed with this error number.
  public struct SpawnFailure: Error {
    /// The error number.
    public var code: Int32
  }

  /// The child's process id (also its session id).
  public let pid: pid_t
  private let master: Int32
  private var raw: [UInt8] = []
  /// How much of `screen` earlier `expect` calls have consumed.
  private var consumed = 0
  private var exitStatus: Int32?

  /// Starts `executable` on a new terminal of the given size.
  public init(
    _ executable: String, arguments: [String] = [], environment: [String: String],
    columns: UInt16 = 80, rows: UInt16 = 24
  ) throws {
    var master: Int32 = 0
    var slave: Int32 = 0
    var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    var name = [CChar](repeating: 0, count: 256)
    guard openpty(&master, &slave, &name, nil, &size) == 0 else { throw SpawnFailure(code: errno) }
    defer { close(slave) }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    // Opened after setsid, the pty becomes the child's controlling terminal.
    posix_spawn_file_actions_addopen(&actions, 0, name, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)
    posix_spawn_file_actions_addclose(&actions, master)
    posix_spawn_file_actions_addclose(&actions, slave)
    closeInheritedDescriptors(&actions)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    let setsid: Int32 = 0x80  // POSIX_SPAWN_SETSID, hidden behind _GNU_SOURCE
    startWithDefaultSignals(&attributes, flags: setsid)

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for pointer in argv + envp { free(pointer) } }
    var pid: pid_t = 0
    let code = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard code == 0 else {
      close(master)
      throw SpawnFailure(code: code)
    }
    self.pid = pid
    self.master = master
  }

  deinit {
    if exitStatus == nil {
      kill(pid, SIGKILL)
      var status: Int32 = 0
      waitpid(pid, &status, 0)
    }
    close(master)
  }

  /// Types `keys` (use `\u{3}` for Ctrl-C, `\u{4}` for Ctrl-D, `\t` for Tab,
  /// `\u{1b}[A` for arrow-up, `\r` for Enter).
  public func send(_ keys: String) {
    var bytes = Array(keys.utf8)
    while !bytes.isEmpty {
      let written = write(master, bytes, bytes.count)
      if written <= 0 { return }
      bytes.removeFirst(written)
    }
  }

  /// What the terminal has shown, without escape sequences and carriage returns.
  public var screen: String { Self.plain(String(decoding: raw, as: UTF8.self)) }

  /// Waits until `text` appears after what earlier calls consumed, and consumes up to
  /// its end. Returns the text shown since the previous `expect`, through `text`.
  @discardableResult
  public func expect(_ text: String, within seconds: Double = 5) throws -> String {
    let deadline = Date().addingTimeInterval(seconds)
    while true {
      let shown = screen
      let start = shown.index(shown.startIndex, offsetBy: min(consumed, shown.count))
      if let match = shown[start...].range(of: text) {
        consumed = shown.distance(from: shown.startIndex, to: match.upperBound)
        return String(shown[start..<match.upperBound])
      }
      guard pump(until: deadline) else { throw Timeout(waitingFor: text, screen: shown) }
    }
  }

  /// Waits until the program has put the terminal in raw mode (canonical input off),
  /// as a line editor does when it starts reading keys. Keys typed before that are
  /// handled by the terminal's own line discipline, which echoes them and consumes
  /// Ctrl-C and Ctrl-D itself.
  public func waitForRawMode(within seconds: Double = 5) throws {
    let deadline = Date().addingTimeInterval(seconds)
    var attributes = termios()
    while tcgetattr(master, &attributes) == 0, attributes.c_lflag & tcflag_t(ICANON) != 0 {
      guard Date() < deadline else { throw Timeout(waitingFor: "raw mode", screen: screen) }
      pump(until: min(deadline, Date().addingTimeInterval(0.01)))
    }
  }

  /// Reads what is available, waiting at most until `deadline`. False when the deadline
  /// passed or the terminal closed without new output.
  @discardableResult
  public func pump(until deadline: Date) -> Bool {
    let milliseconds = Int32(max(0, deadline.timeIntervalSinceNow * 1000))
    var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    guard poll(&descriptor, 1, milliseconds) > 0 else { return false }
    var buffer = [UInt8](repeating: 0, count: 4096)
    let count = read(master, &buffer, buffer.count)
    guard count > 0 else {
      // EIO: every slave descriptor is closed, the child has gone. Don't spin.
      usleep(10_000)
      return Date() < deadline && exitStatus == nil && !hasExited()
    }
    raw += buffer[0..<count]
    return true
  }

  /// Waits for the child to exit, killing it at the deadline. Returns its exit code,
  /// or 128 + the signal that ended it.
  public func waitForExit(within seconds: Double = 5) -> Int32 {
    let deadline = Date().addingTimeInterval(seconds)
    while exitStatus == nil {
      if hasExited() { break }
      if Date() >= deadline {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        exitStatus = 128 + SIGKILL
        break
      }
      pump(until: min(deadline, Date().addingTimeInterval(0.05)))
    }
    return exitStatus ?? -1
  }

  private func hasExited() -> Bool {
    if exitStatus != nil { return true }
    var status: Int32 = 0
    guard waitpid(pid, &status, WNOHANG) == pid else { return false }
    let signal = status & 0x7f
    exitStatus = signal == 0 ? (status >> 8) & 0xff : 128 + signal
    return true
  }

  /// Text without ANSI escape sequences and carriage returns.
  public static func plain(_ text: String) -> String {
    var result = ""
    var scalars = text.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
      switch scalar {
      case "\u{1b}":
        guard let kind = scalars.next() else { return result }
        if kind == "[" {
          while let c = scalars.next(), !(0x40...0x7e).contains(c.value) {}
        } else if kind == "]" {
          while let c = scalars.next(), c != "\u{7}" {}
        }
      case "\r", "\u{7}":
        continue
      default:
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
