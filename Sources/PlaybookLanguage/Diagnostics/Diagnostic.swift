/// A problem found in a playbook or its data, as a value: where, what, and how to fix it.
///
/// Every layer reports through this one type and `DiagnosticRenderer` prints them all
/// the same way: `file:line:column: error: message`, the line, a caret, a hint.
public struct Diagnostic: Hashable, Sendable, Error {
  public enum Severity: String, Sendable { case error, warning, note }

  public var severity: Severity
  /// A stable code for programs and tests, e.g. `parse_error`, `unknown_field`.
  public var code: String
  public var message: String
  /// The file the range points into (a playbook, `<shell>`, or a data file).
  public var file: String
  /// Where the problem is; nil for whole-file problems (e.g. a missing file).
  public var range: SourceRange?
  /// One line telling the fix, e.g. `did you mean 'within'?`.
  public var hint: String?

  public init(
    _ severity: Severity = .error, code: String, message: String, file: String,
    range: SourceRange?, hint: String? = nil
  ) {
    self.severity = severity
    self.code = code
    self.message = message
    self.file = file
    self.range = range
    self.hint = hint
  }
}
