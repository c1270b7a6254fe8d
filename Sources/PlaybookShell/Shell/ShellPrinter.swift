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

  /// Prints each block with a line break, tables in `mode` and fitted to `width` when
  /// given. Results taller than the terminal go through `pager` when there is one and
  /// the mode allows it, after the block's diagnostics.
  func show(_ output: ShellOutput, width: Int?, mode: OutputMode = OutputMode(), pager: Pager? = nil) {
    var shown: [(text: String, isResult: Bool)] = []
    for block in output.blocks {
      switch block {
      // Messages hold data (ids, names): control characters never reach the terminal raw.
      case .message(let text): shown.append((text.escapingControlCharacters.withLineBreak, true))
      case .prose(let text):
        let safe = text.escapingControlCharacters
        shown.append(((width.map { TextWrap.wrappingLongLines(safe, width: $0) } ?? safe).withLineBreak, true))
      case .table(let table):
        shown.append((table.render(mode.tables, width: width, expanded: mode.expanded).withLineBreak, true))
      case .chart(let text) where mode.tables == .table: shown.append((text.withLineBreak, true))
      case .chart: break
      case .warning(let text), .error(let text, _): shown.append((text.withLineBreak, false))
      }
    }
    let results = shown.filter(\.isResult).map(\.text).joined()
    if mode.paging, let pager, pager.isTaller(results, width: width) {
      for (text, isResult) in shown where !isResult { err(text) }
      if pager.page(results) { return }
      out(results)
      return
    }
    for (text, isResult) in shown { isResult ? out(text) : err(text) }
  }
}

extension String {
  // `last` is a Character, so CSV's CRLF ends a line too.
  fileprivate var withLineBreak: String { last?.isNewline ?? true ? self : self + "\n" }
}
