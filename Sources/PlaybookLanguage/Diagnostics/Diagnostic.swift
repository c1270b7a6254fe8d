/// A problem found in a playbook, its data, or a command, as a value: what (a code from
/// the catalogue), where, and how to fix it.
///
/// Every layer reports through this one type and `DiagnosticRenderer` prints them all
/// the same way: `file:line:column: error: message`, the line, a caret, a hint. Its text
/// comes from the catalogue's factories (`DiagnosticMessage.unknownField(…)`), so each
/// message has its code.
public struct Diagnostic: Hashable, Sendable, Error {
  /// How bad: an error stops the command, a warning and a note do not.
  public enum Severity: String, Sendable { case error, warning, note }

  /// A further place that explains this diagnostic, e.g. the `load` statement that read a
  /// bad data file.
  public struct Note: Hashable, Sendable {
    /// What the note says, e.g. `loaded here`.
    public var message: String
    /// The file it points into; nil for a note with no place.
    public var file: String?
    /// Where in the file; nil for the whole file.
    public var range: SourceRange?

    /// A note at a place.
    public init(_ message: String, file: String?, range: SourceRange?) {
      self.message = message
      self.file = file
      self.range = range
    }
  }

  /// A suggested edit: replace the text at `range` with `replacement`.
  public struct FixIt: Hashable, Sendable {
    /// The text to replace.
    public var range: SourceRange
    /// What should stand there instead.
    public var replacement: String

    /// A fix-it replacing `range` with `replacement`.
    public init(range: SourceRange, replacement: String) {
      self.range = range
      self.replacement = replacement
    }
  }

  /// What went wrong, from the catalogue: a stable id, a severity and a kind.
  public var code: DiagnosticCode
  /// The message, e.g. `unknown phrase 'withn'`.
  public var message: String
  /// The file the range points into (a playbook, `<shell>`, or a data file); nil for a
  /// command's message that has no place (`error: no data loaded …`).
  public var file: String?
  /// Where the problem is; nil for whole-file problems (e.g. a missing file). A data
  /// file's location has the line and, when unknown, column 0.
  public var range: SourceRange?
  /// One line telling the fix, e.g. `did you mean 'within'?`.
  public var hint: String?
  /// Further places that explain it.
  public var notes: [Note]
  /// Suggested edits, for tools.
  public var fixIts: [FixIt]

  /// The code's severity.
  public var severity: Severity { code.severity }

  /// `what` (a catalogue entry with its text) at a place.
  public init(
    _ what: DiagnosticMessage, file: String?, range: SourceRange? = nil, notes: [Note] = [],
    fixIts: [FixIt] = []
  ) {
    self.code = what.code
    self.message = what.text
    self.hint = what.hint
    self.file = file
    self.range = range
    self.notes = notes
    self.fixIts = fixIts
    if let replacement = what.replacement, let range {
      self.fixIts.append(FixIt(range: range, replacement: replacement))
    }
  }
}

extension SourceRange {
  /// A whole line of a file whose text is not at hand (a data file's row): the line
  /// is known, the column is not (0).
  public static func line(_ line: Int) -> SourceRange {
    let location = SourceLocation(offset: 0, line: line, column: 0)
    return SourceRange(start: location, end: location)
  }
}
