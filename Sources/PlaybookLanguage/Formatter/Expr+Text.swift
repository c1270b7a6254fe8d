extension Expr {
  /// The expression in canonical form, as the formatter prints it (for explain output).
  public var text: String { ExpressionPrinter.print(self) }
}
