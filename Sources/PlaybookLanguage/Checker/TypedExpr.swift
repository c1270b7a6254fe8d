/// An expression with the type the checker gave it and its operands, typed the same way:
/// what the plan compiler compiles, so it never works a type out again.
///
/// The operands are the expression's sub-expressions in source order: a unary or binary
/// operator's operands, a list's items, the subject then the items of `in […]` and
/// `contains`, and an aggregate's `where` filter. Paths, literals and phrases have none.
public struct TypedExpr: Sendable {
  /// The expression as parsed.
  public let expr: Expr
  /// Its type; never `.error` in a checked playbook.
  public let type: ValueType
  /// Its sub-expressions, typed, in source order.
  public let operands: [TypedExpr]
}
