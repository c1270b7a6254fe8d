import Foundation
import PlaybookReporting

#if canImport(Glibc)
  import Glibc
#endif

/// Shows output taller than the terminal through a pager program, as psql does: the
/// command from `$PLAYLOOP_PAGER`, else `$PAGER`, else `less -FRX` (an empty one turns
/// paging off), run by `/bin/sh` with the output on its stdin. Only for a terminal.
public struct Pager: Sendable {
  /// The shell command that pages its stdin.
  public var command: String
  /// The terminal's height in lines, read when output is shown.
  var rows: @Sendable () -> Int

  /// The pager used when the environment names none.
  public static let defaultCommand = "less -FRX"

  /// The pager the environment asks for; nil when it turns paging off.
  public static func from(environment: [String: String], rows: @escaping @Sendable () -> Int) -> Pager? {
    let command = environment["PLAYLOOP_PAGER"] ?? environment["PAGER"] ?? defaultCommand
    guard !command.allSatisfy(\.isWhitespace) else { return nil }
    return Pager(command: command, rows: rows)
  }

  /// True when `text`, wrapped at `width` columns, needs more lines than the terminal
  /// shows below the prompt.
  func isTaller(_ text: String, width: Int?) -> Bool {
    let limit = rows() - 1
    var lines = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0) {
      lines += max(1, (line.displayWidth + (width ?? Int.max) - 1) / (width ?? Int.max))
      if lines > limit { return true }
    }
    return false
  }

  /// Runs the pager on `text` and waits for it to end. False when it could not start or
  /// was not found, so the caller prints the text itself.
  func page(_ text: String) -> Bool {
    var pipe: [Int32] = [0, 0]
    guard Glibc.pipe(&pipe) == 0 else { return false }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, pipe[0], 0)
    posix_spawn_file_actions_addclose(&actions, pipe[0])
    posix_spawn_file_actions_addclose(&actions, pipe[1])
    let words: [String] = ["/bin/sh", "-c", command]
    let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ)
    close(pipe[0])
    guard spawned == 0 else {
      close(pipe[1])
      return false
    }
    // A pager that quits early (q in less) closes the pipe: that is no error here.
    let previous = signal(SIGPIPE, SIG_IGN)
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { write(pipe[1], $0.baseAddress, $0.count) }
      if written < 0 && errno == EINTR { continue }
      if written <= 0 { break }
      bytes = bytes.dropFirst(written)
    }
    close(pipe[1])
    signal(SIGPIPE, previous)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    // 127: the shell found no such program (no `less` installed), so nothing was shown.
    return !(status & 0x7f == 0 && (status >> 8) & 0xff == 127)
  }
}
