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

  /// True once `playloop` run bare opens the shell: the binary exists and shows the
  /// prompt on a terminal within a few seconds. Until the shell is wired in, the
  /// end-to-end shell tests are skipped.
  static let opensShell: Bool = {
    guard FileManager.default.isExecutableFile(atPath: path) else { return false }
    let home = ScratchHome()
    guard let terminal = try? PseudoTerminal(path, environment: home.environment) else {
      return false
    }
    return (try? terminal.expect("playloop> ", within: 10)) != nil
  }()
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
