import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `:edit` at a terminal: the person's editor on the shell's own terminal, and questions
/// asked through the line editor. The editor is `$VISUAL`, else `$EDITOR`, else `vi`, run
/// by `/bin/sh` so that a command with arguments (`code --wait`) works.
struct TerminalEditor: EditorLauncher {
  let printer: ShellPrinter
  let input: any LineSource
  let width: Int?
  var environment = ProcessInfo.processInfo.environment

  /// The editor command to run.
  var command: String {
    [environment["VISUAL"], environment["EDITOR"]].lazy.compactMap { $0 }
      .first { !$0.allSatisfy(\.isWhitespace) } ?? "vi"
  }

  func edit(file path: String) -> String? {
    let command = command
    let words: [String] = ["/bin/sh", "-c", command + " \"$1\"", "sh", path]
    let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    // The editor gets the terminal with every signal at its default (Ctrl-C is its own).
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGINT, SIGQUIT, SIGTSTP, SIGPIPE] { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    let code = posix_spawn(&pid, "/bin/sh", nil, &attributes, argv, environ)
    guard code == 0 else { return "cannot run \(command): \(String(cString: strerror(code)))" }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    Interrupt.clear()  // a Ctrl-C in the editor was the editor's
    let signal = status & 0x7f
    if signal != 0 { return "\(command) was stopped by signal \(signal)" }
    let exit = (status >> 8) & 0xff
    return exit == 0 ? nil : "\(command) exited with status \(exit)"
  }

  func show(_ output: ShellOutput) { printer.show(output, width: width) }

  func confirm(_ question: String) -> Bool {
    guard case .line(let answer) = input.read(prompt: question) else { return false }
    return !answer.drop(while: \.isWhitespace).lowercased().hasPrefix("n")
  }
}
