/// What a diagnostic says, before it is given a place: a catalogue code, the message
/// and the hint (as swift-syntax's `DiagnosticMessage`). Made only by the typed
/// factories in the `DiagnosticMessage+…` files, one per message, so every text has its
/// code and the catalogue says everything Playloop can report.
public struct DiagnosticMessage: Hashable, Sendable {
  /// The catalogue entry.
  public let code: DiagnosticCode
  /// The message.
  public let text: String
  /// One line telling the fix.
  public let hint: String?
  /// What the text at the diagnostic's range should read instead, when that is certain
  /// (`==` for `=`); it becomes the diagnostic's fix-it.
  public let replacement: String?

  init(_ code: DiagnosticCode, _ text: String, hint: String? = nil, replacement: String? = nil) {
    self.code = code
    self.text = text
    self.hint = hint
    self.replacement = replacement
  }
}
