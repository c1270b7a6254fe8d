import Foundation
import PlaybookLanguage
import PlaybookReporting

/// Where the shell prints: results to one stream, diagnostics to the other. Tests
/// capture both; `standard` writes to stdout and stderr.
public struct ShellPrinter: Sendable {
  /// Results: messages and tables.
  public var out: @Sendable (String) -> Void
  /// Rendered diagnostics: errors, warnings, notes.
  public var err: @Sendable (String) -> Void

  /// A printer writing results to `out` and diagnostics to `err`.
  public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void) {
    self.out = out
    self.err = err
  }

  /// stdout through `print` (the stream libedit writes its prompt to) and stderr.
  public static let standard = ShellPrinter(
    out: { Swift.print($0, terminator: "") },
    err: { FileHandle.standardError.write(Data($0.utf8)) })

  /// Prints each block with a line break, tables fitted to `width` when given.
  func show(_ output: ShellOutput, width: Int?) {
    for block in output.blocks {
      switch block {
      // Messages hold data (ids, names): control characters never reach the terminal raw.
      case .message(let text): out(text.escapingControlCharacters.withLineBreak)
      case .table(let table): out(table.render(width: width).withLineBreak)
      case .warning(let text), .error(let text, _): err(text.withLineBreak)
      }
    }
  }
}

extension String {
  fileprivate var withLineBreak: String { hasSuffix("\n") || isEmpty ? self : self + "\n" }
}
