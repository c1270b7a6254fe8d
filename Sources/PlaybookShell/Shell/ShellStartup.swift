import Foundation
import PlaybookLanguage

/// What the shell runs before (or instead of) reading its input: the start-up file, and
/// the `-c` commands and `-f` files given on the command line.
public struct ShellStartup: Sendable {
  /// Lines to run as a script, and how diagnostics name them.
  public struct Script: Sendable, Equatable {
    /// How diagnostics name the lines: a file's path, or `<command>` for `-c`.
    public var name: String
    /// The lines, or nil when the file could not be read.
    public var text: String?

    /// `-c TEXT`: one command or statement (it may span lines).
    public static func command(_ text: String) -> Script { Script(name: "<command>", text: text) }

    /// `-f FILE`, or the start-up file: its lines, read now.
    public static func file(_ path: String) -> Script {
      // Read as a stream, so `/dev/null` (no start-up file) and `/dev/stdin` work as in psql.
      let data = FileHandle(forReadingAtPath: path).flatMap { handle in
        defer { try? handle.close() }
        return try? handle.readToEnd() ?? Data()
      }
      return Script(name: path, text: data.map { String(decoding: $0, as: UTF8.self) })
    }
  }

  /// The start-up file (`~/.playlooprc`), run after the playbook loads; nil for none.
  public var startFile: Script?
  /// `-f` files and `-c` commands: when there are any, the shell runs them and leaves.
  public var scripts: [Script]
  /// `--keep-going`: a script reports every error and goes on, failing at the end.
  public var keepGoing: Bool

  /// A start-up with these parts (by default none: the shell reads its input).
  public init(startFile: Script? = nil, scripts: [Script] = [], keepGoing: Bool = false) {
    self.startFile = startFile
    self.scripts = scripts
    self.keepGoing = keepGoing
  }

  /// The start-up file to run: `$PLAYLOOP_RC` when set (an empty value for none), else
  /// `~/.playlooprc` when it exists. An explicit `$PLAYLOOP_RC` that cannot be read is
  /// reported when it runs.
  public static func startFile(environment: [String: String]) -> Script? {
    if let path = environment["PLAYLOOP_RC"] { return path.isEmpty ? nil : .file(path) }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    let path = home + "/.playlooprc"
    return FileManager.default.fileExists(atPath: path) ? .file(path) : nil
  }
}

extension Shell {
  /// Runs `script` on this shell's session and printer: the kinds of the errors it
  /// stopped at (with `keepGoing`, of every error), and whether it left with `:quit`.
  func run(_ script: ShellStartup.Script, color: Bool) -> (failed: [DiagnosticCode.Kind], left: Bool) {
    guard let text = script.text else {
      let error = Diagnostic(.unreadableFile(script.name), file: script.name)
      printer.err(DiagnosticRenderer(sources: [:], color: color).render(error) + "\n")
      return ([error.code.kind], false)
    }
    let shell = Shell(
      session: session, input: TextLines(text), printer: printer, isInteractive: false, sourceName: script.name,
      color: color)
    shell.keepGoing = keepGoing
    return (shell.run(), shell.hasLeft)
  }

  /// On a shell with no input of its own: loads `file`, runs the start-up file and then
  /// each `-c`/`-f` script, and returns the kinds of the errors they stopped at (with
  /// `keepGoing`, of every error). An error in a script stops the rest unless
  /// `keepGoing`; one in the start-up file counts, but the scripts still run, as they
  /// would at the prompt. `:quit` stops the rest.
  func runScripts(loading file: String?, _ startup: ShellStartup, color: Bool) -> [DiagnosticCode.Kind] {
    var failed = file.map { run(loading: $0) } ?? []
    if !failed.isEmpty && !keepGoing { return failed }
    if let startFile = startup.startFile {
      let (stopped, left) = run(startFile, color: color)
      failed += stopped
      if left { return failed }
    }
    for script in startup.scripts {
      let (stopped, left) = run(script, color: color)
      failed += stopped
      if left || (!stopped.isEmpty && !keepGoing) { break }
    }
    return failed
  }
}

/// Lines of a text held in memory (`-c`, `-f`, the start-up file), for a script shell.
final class TextLines: LineSource {
  private var lines: [Substring]
  private var next = 0

  /// The lines of `text`; a last line break ends the last line.
  init(_ text: String) {
    lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.last == "" { lines.removeLast() }
  }

  /// The next line, `.end` after the last; `prompt` is ignored.
  func read(prompt: String) -> LineRead {
    guard next < lines.count else { return .end }
    next += 1
    return .line(String(lines[next - 1]))
  }

  /// Does nothing: a script keeps no history.
  func remember(_ entry: String) {}
}
