import PlaybookReporting

/// What a statement or command produced, in order. The shell prints messages and tables
/// on stdout (tables fitted to the terminal) and warnings and errors on stderr.
public struct ShellOutput: Equatable, Sendable {
  /// One piece of output, which says both what it is and which stream it goes to.
  public enum Block: Equatable, Sendable {
    /// Text for stdout, e.g. `replaced rule quick_fix_thanks`.
    case message(String)
    case table(TextTable)
    /// A rendered diagnostic or note for stderr that does not stop a script.
    case warning(String)
    /// A rendered error for stderr; a script stops at the first one.
    case error(String)
  }

  /// The pieces, in the order they are printed.
  public var blocks: [Block]

  /// Output of `blocks`; none by default.
  public init(_ blocks: [Block] = []) { self.blocks = blocks }

  /// Nothing to print.
  public static let empty = ShellOutput()
  /// One stdout message.
  public static func message(_ text: String) -> ShellOutput { ShellOutput([.message(text)]) }
  /// One rendered error for stderr: a script stops at it.
  public static func error(_ text: String) -> ShellOutput { ShellOutput([.error(text)]) }

  /// True when any block is an error.
  public var failed: Bool {
    blocks.contains { if case .error = $0 { true } else { false } }
  }
}
