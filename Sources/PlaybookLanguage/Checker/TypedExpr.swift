/// An expression with the type the checker gave it and its operands, typed the same way:
/// what the plan compiler compiles, so it never works a type out again.
///
/// The operands are the expression's sub-expressions in source order: a unary or binary
/// operator's operands, a list's items, the subject then the items of `in […]` and
/// `contains`, and an aggregate's `where` filter. Paths, literals and phrases have none.
public struct TypedExpr: Sendable {
  public let expr: Expr
  public let type: ValueType
  public let operands: [TypedExpr]

  init(expr: Expr, type: ValueType, operands: [TypedExpr]) {
    self.expr = expr
    self.type = type
    self.operands = operands
  }
}
