import PlaybookLanguage

/// The one place exit statuses are decided. 0: all is well. 1: the playbook is wrong or
/// a check the user asked for failed (a test, `fmt --check`). 2: bad usage or input that
/// cannot be read (a missing file, bad data). 3: the send ledger refused the run (an
/// invalid, damaged, foreign, newer or locked ledger, a changed holdout, an export folder
/// another ledger owns).
enum ExitStatus {
  static let success: Int32 = 0
  /// `fmt --check` found a file to format.
  static let checkFailed: Int32 = 1
  /// Bad usage found by the argument parser.
  static let usage: Int32 = 2

  /// The status a diagnostic's kind means.
  static func status(for kind: DiagnosticCode.Kind) -> Int32 {
    switch kind {
    case .playbook, .failure: 1
    case .input, .usage: 2
    case .refused: 3
    }
  }

  /// The worst status of the errors among `diagnostics` (warnings and notes do not count).
  static func status(for diagnostics: [Diagnostic]) -> Int32 {
    status(for: diagnostics.filter { $0.severity == .error }.map(\.code.kind))
  }

  /// The worst status of errors of these kinds (what a shell script stopped at); 0 for none.
  static func status(for kinds: [DiagnosticCode.Kind]) -> Int32 {
    kinds.map(status(for:)).max() ?? success
  }
}
