extension Rule {
  /// The lifecycle phrases on `row` in the `when` and `and` lines, in source order,
  /// outside aggregates: the first that holds gives a trigger row its trigger time
  /// (docs/LANGUAGE.md). The engine and the SQL compiler both read them here.
  public func phrases(on row: String) -> [Phrase] {
    var out: [Phrase] = []
    func walk(_ e: Expr) {
      switch e.kind {
      case .phrase(let r, let p) where r.text == row: out.append(p)
      case .unary(_, let a): walk(a)
      case .binary(_, let a, let b):
        walk(a)
        walk(b)
      default: break
      }
    }
    conditions.forEach(walk)
    return out
  }
}
