import CEditLine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Line editing at a terminal through libedit: prompts, Emacs keys, UTF-8, history kept
/// in a file, Tab completion and Ctrl-C. The only type that touches libedit.
final class LineEditor: LineSource {
  private let editor: OpaquePointer
  private let history: OpaquePointer
  private var prompt: UnsafeMutablePointer<CChar>
  private let historyPath: String?

  /// Called on Tab with the line and the cursor's UTF-8 offset; nil disables completion.
  var complete: ((String, Int) -> Completion)?

  /// Opens the editor on stdin/stdout and loads the history file, if any.
  /// - Parameter historyPath: where history is kept; nil keeps it in memory only.
  init(program: String = "playloop", historyPath: String?) {
    Self.useUTF8Locale()
    Interrupt.install()
    editor = el_init(program, ce_stdin(), ce_stdout(), ce_stderr())
    history = history_init()
    prompt = strdup("")
    self.historyPath = historyPath

    ce_set_clientdata(editor, Unmanaged.passUnretained(self).toOpaque())
    ce_set_prompt(editor) { editor in
      guard let editor, let data = ce_get_clientdata(editor) else { return nil }
      return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().prompt
    }
    ce_set_editor(editor, "emacs")
    // libedit's handlers track window resizes and Ctrl-Z; for SIGINT it restores ours
    // and re-raises. Our reader then ends `el_gets` with EINTR, dropping the line.
    ce_set_signal(editor, 1)
    ce_set_getc(editor) { editor, character in
      guard let editor, let character, let data = ce_get_clientdata(editor) else { return -1 }
      return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().readCharacter(
        into: character)
    }
    ce_history_set_size(history, 1000)
    ce_history_set_unique(history, 1)
    ce_set_history(editor, history)
    el_source(editor, nil)  // the person's ~/.editrc, before our bindings
    ce_add_completion(editor) { editor, _ in
      guard let editor, let data = ce_get_clientdata(editor) else { return UInt8(CC_ERROR) }
      return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().completeAtCursor()
    }
    ce_bind(editor, "^I", "playloop-complete")
    if let historyPath {
      ce_history_load(history, historyPath)  // -1 on first run: no history yet
    }
  }

  deinit {
    el_end(editor)
    history_end(history)
    free(prompt)
  }

  /// Reads one line after showing `prompt`.
  func read(prompt text: String) -> LineRead {
    free(prompt)
    prompt = strdup(text)
    Interrupt.clear()
    var count: Int32 = 0
    guard let line = el_gets(editor, &count) else {
      if count < 0 && (errno == EINTR || Interrupt.requested) {
        write("^C\n")
        return .interrupted
      }
      return .end
    }
    var text = String(cString: line)
    if text.hasSuffix("\n") { text.removeLast() }
    return .line(text)
  }

  /// Adds a whole statement or command to the history and saves the file, so a crash
  /// loses nothing.
  func remember(_ entry: String) {
    guard !entry.isEmpty else { return }
    ce_history_enter(history, entry)
    if let historyPath { ce_history_save(history, historyPath) }
  }

  /// The terminal's width in columns (80 when unknown).
  var terminalWidth: Int {
    let columns = Int(ce_terminal_columns(1))
    return columns > 0 ? columns : 80
  }

  /// The terminal's height in lines (24 when unknown), for the pager.
  @Sendable static func terminalRows() -> Int {
    let rows = Int(ce_terminal_rows(1))
    return rows > 0 ? rows : 24
  }

  /// libedit's reader for one character. Unlike its own, it cannot miss a Ctrl-C that
  /// arrives while libedit is busy between reads: it waits on the terminal and the
  /// interrupt's wake-up pipe together. Returns 1 with a character, 0 at end of input,
  /// -1 with `errno` set (EINTR for Ctrl-C).
  private func readCharacter(into character: UnsafeMutablePointer<wchar_t>) -> Int32 {
    var bytes: [UInt8] = []
    while true {
      if Interrupt.requested {
        errno = EINTR
        return -1
      }
      var descriptors = [
        pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
        pollfd(fd: Interrupt.wakeDescriptor, events: Int16(POLLIN), revents: 0),
      ]
      if poll(&descriptors, 2, -1) < 0 {
        guard errno == EINTR else { return -1 }
        // Back from Ctrl-Z (SIGCONT) or resized (SIGWINCH): redraw, as libedit's own
        // reader does. A Ctrl-C is seen at the top of the loop.
        if !Interrupt.requested { ce_refresh(editor) }
        continue
      }
      if descriptors[1].revents != 0 { Interrupt.drainWakeups() }
      guard descriptors[0].revents != 0 else { continue }
      var byte: UInt8 = 0
      let count = readByte(&byte)
      if count == 0 { return 0 }
      if count < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        return -1
      }
      bytes.append(byte)
      switch UTF8Decoding.decode(bytes) {
      case .scalar(let value):
        character.pointee = wchar_t(bitPattern: value)
        return 1
      case .incomplete:
        continue
      case .invalid:
        bytes = UTF8Decoding.isLeadByte(byte) ? [byte] : []  // drop bad bytes, like libedit
      }
    }
  }

  private func completeAtCursor() -> UInt8 {
    guard let complete, let info = el_line(editor)?.pointee else { return UInt8(CC_REFRESH_BEEP) }
    let length = info.buffer.distance(to: info.lastchar)
    let cursor = info.buffer.distance(to: info.cursor)
    let line = info.buffer.withMemoryRebound(to: UInt8.self, capacity: length) {
      String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
    }
    let completion = complete(line, cursor)
    let insertion = completion.insertion
    if !insertion.isEmpty {
      el_insertstr(editor, insertion)
      return UInt8(CC_REFRESH)
    }
    guard completion.candidates.count > 1 else { return UInt8(CC_REFRESH_BEEP) }
    write("\n" + completion.formatListing(width: terminalWidth) + "\n")
    return UInt8(CC_REDISPLAY)
  }

  private func write(_ text: String) {
    fputs(text, ce_stdout())
    fflush(ce_stdout())
  }

  /// libedit drops non-ASCII input unless LC_CTYPE is a UTF-8 locale; fall back to
  /// C.UTF-8 when the environment's locale is not.
  static func useUTF8Locale() {
    setlocale(LC_CTYPE, "")
    if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" {
      setlocale(LC_CTYPE, "C.UTF-8")
    }
  }

  /// `$PLAYLOOP_HISTORY`, else `~/.playloop_history`; nil without a home directory.
  static func defaultHistoryPath(environment: [String: String]) -> String? {
    if let path = environment["PLAYLOOP_HISTORY"], !path.isEmpty { return path }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return home + "/.playloop_history"
  }
}

/// One byte from stdin; outside `LineEditor`, whose `read(prompt:)` hides the C call.
private func readByte(_ byte: inout UInt8) -> Int { read(0, &byte, 1) }
