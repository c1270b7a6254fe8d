import PlaybookLanguage

/// Values as text, for output (audience files, explain): never on a hot path.
enum ValueText {
  static func text(of column: Column, row: Int) -> String? {
    if column.nulls.isNull(row) { return nil }
    switch column.values {
    case .integer(let v): return String(v[row])
    case .decimal(let v): return number(v[row])
    case .boolean(let v): return v[row] ? "true" : "false"
    case .timestamp(let v):
      return column.type == .date ? Timestamp.formatDate(v[row]) : Timestamp.format(v[row])
    case .text(let t): return t.string(row)
    }
  }

  static func text(of compiled: CompiledExpr, frame: Frame) -> String? {
    switch compiled.evaluation {
    case .truth(let f):
      let t = f(frame)
      return t == .unknown ? nil : (t == .yes ? "true" : "false")
    case .number(let f): return f(frame).map(number)
    case .time(let f): return f(frame).map(Timestamp.format)
    case .duration(let f): return f(frame).map(duration)
    case .text(let operand):
      return TextComparison.with(operand, frame) { String(decoding: $0, as: UTF8.self) }
    case .list(let items):
      return "[" + items.map { text(of: $0, frame: frame) ?? "null" }.joined(separator: ", ") + "]"
    case .row: return nil
    }
  }

  /// `3`, `4.5`: whole numbers without a fraction.
  static func number(_ v: Double) -> String {
    if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
    return String(v)
  }

  /// `1d12h`, `1h28m`, `45s`, `0s`.
  static func duration(_ seconds: Int64) -> String {
    if seconds == 0 { return "0s" }
    var rest = abs(seconds)
    var out = seconds < 0 ? "-" : ""
    for (unit, size) in [("d", Int64(86_400)), ("h", 3600), ("m", 60), ("s", 1)] where rest >= size {
      out += "\(rest / size)\(unit)"
      rest %= size
    }
    return out
  }
}
