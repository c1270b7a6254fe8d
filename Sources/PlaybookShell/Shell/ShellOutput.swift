import PlaybookLanguage
import PlaybookReporting

/// What a statement or command produced, in order. The shell prints messages and tables
/// on stdout (tables fitted to the terminal) and warnings and errors on stderr.
public struct ShellOutput: Equatable, Sendable {
  /// One thing to print.
  public enum Block: Equatable, Sendable {
    /// Text for stdout, e.g. `replaced rule quick_fix_thanks`.
    case message(String)
    /// A table for stdout, fitted to the terminal's width.
    case table(TextTable)
    /// Text for stdout whose long lines break at words to fit the terminal, indented
    /// under the line they continue: `:explain`, the load summary (never a statement,
    /// which must stay as written).
    case prose(String)
    /// A chart for stdout with the session's own ANSI colours (it holds no raw data), shown
    /// in table mode only: `:run`'s bars.
    case chart(String)
    /// A rendered diagnostic or note for stderr that does not stop a script.
    case warning(String)
    /// A rendered error for stderr and its diagnostic's kind; a script stops at the
    /// first one, and the command line turns the kind into its exit status.
    case error(String, kind: DiagnosticCode.Kind)
  }

  /// What to print, in order.
  public var blocks: [Block]

  /// Output of these blocks.
  public init(_ blocks: [Block] = []) { self.blocks = blocks }

  /// Nothing to print.
  public static let empty = ShellOutput()
  /// One message for stdout.
  public static func message(_ text: String) -> ShellOutput { ShellOutput([.message(text)]) }
  /// One rendered error of a kind.
  public static func error(_ text: String, kind: DiagnosticCode.Kind) -> ShellOutput {
    ShellOutput([.error(text, kind: kind)])
  }

  /// The kinds of the error blocks, in order; empty when nothing failed.
  public var errorKinds: [DiagnosticCode.Kind] {
    blocks.compactMap { if case .error(_, let kind) = $0 { kind } else { nil } }
  }

  /// True when any block is an error.
  public var failed: Bool { !errorKinds.isEmpty }
}
