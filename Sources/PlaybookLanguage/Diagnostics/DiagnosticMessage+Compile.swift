/// Messages of `playloop compile`: what a SQL dialect cannot say with the engine's meaning.
extension DiagnosticMessage {
  /// "`sent(any in last 14d)` cannot be compiled to postgres: …" (compileUnsupported).
  public static func compileUnsupported(_ construct: String, dialect: String, reason: String, hint: String? = nil)
    -> Self
  {
    Self(
      .compileUnsupported, "`\(construct)` cannot be compiled to \(dialect): \(reason)",
      hint: hint ?? "run the playbook in memory (`playloop run`), or rewrite the construct")
  }

  /// "the postgres engine's candidate 3 cannot be decided: …" (engineMismatch).
  public static func engineMismatch(engine: String, row: Int, reason: String) -> Self {
    Self(
      .engineMismatch, "the \(engine) engine's candidate \(row) cannot be decided: \(reason)",
      hint: "the data changed between the run's reads, or the SQL and the engine disagree: "
        + "run with --engine memory, and report it")
  }

  /// "the spark engine could not compute the candidates: …" (engineFailed).
  public static func engineFailed(engine: String, reason: String, hint: String) -> Self {
    Self(.engineFailed, "the \(engine) engine could not compute the candidates: \(reason)", hint: hint)
  }
}
