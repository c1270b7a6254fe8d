extension DiagnosticMessage {
  /// `timestamp format "%Y/%q": unknown directive %q`: a `types` format that does not compile.
  static func invalidTimeFormat(_ format: String, _ problem: String) -> Self {
    Self(
      .invalidTimeFormat, "timestamp format \(ASTDump.quote(format)): \(problem)",
      hint: "formats use strptime directives: \(TimestampFormat.directives)")
  }

  /// `a format only goes with timestamp or date, not integer`.
  static func formatOnUntimedType(_ type: String) -> Self {
    Self(
      .invalidTimeFormat, "a format only goes with timestamp or date, not \(type)",
      hint: "write: types COLUMN = timestamp \"%Y/%m/%d %H:%M:%S\"")
  }
}
