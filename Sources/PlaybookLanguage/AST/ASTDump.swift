/// A playbook's meaning as text, with every source range left out: two playbooks that
/// differ only in layout dump the same. Tests compare `parse(format(p))` with `parse(p)`
/// this way; it also shows what the parser read.
///
///     (rule quick_fix_thanks (priority 5) (when (phrase complaint resolved-within 4h)) …)
public enum ASTDump {
  /// One line per statement, then one per comment.
  public static func dump(_ playbook: Playbook) -> String {
    var lines = playbook.statements.map { dump($0) }
    lines += playbook.comments.map { "(comment \(quote($0.text)))" }
    return lines.joined(separator: "\n")
  }

  /// One statement on one line, as `(KEYWORD parts…)`: `(segment vip (>= customer.lifetime_value 1000))`.
  public static func dump(_ statement: Statement) -> String {
    switch statement.kind {
    case .playbook(let name): return "(playbook \(string(name)))"
    case .asOf(let t): return "(as-of \(t.spelling))"
    case .window(let d): return "(window \(d?.spelling ?? "all"))"
    case .load(let load): return dump(load)
    case .define(let d): return "(define \(d.name.text) \(d.source.text) \(dump(d.condition)))"
    case .segment(let s): return "(segment \(s.name.text) \(dump(s.condition)))"
    case .channel(let c):
      return "(channel \(c.name.text) \(dump(c.address))\(c.requires.map { " (requires \(dump($0)))" } ?? "")"
        + "\(c.quiet.map { " (quiet \($0.text))" } ?? "")\(c.days.map { " (days \($0.text))" } ?? ""))"
    case .offer(let o):
      return "(offer \(o.code.text)\(o.description.map { " " + string($0) } ?? "")"
        + "\(o.valid.map { " (valid \($0.spelling))" } ?? "")"
        + o.messages.map { " (\($0.part.rawValue) \($0.channel.text) \($0.spelling))" }.joined() + ")"
    case .rule(let r):
      var parts = ["rule", r.name.text]
      if let p = r.priority { parts.append("(priority \(p.spelling))") }
      if let e = r.every { parts.append("(every \(e.spelling))") }
      parts += r.conditions.map { "(when \(dump($0)))" }
      parts += r.exceptions.map { "(unless \(dump($0)))" }
      parts += r.sends.map { s in
        "(send \(s.variantsText) (via \(s.channels.map(\.text).joined(separator: " ")))"
          + "\(s.after.map { " (after \($0.spelling))" } ?? ""))"
      }
      return "(" + parts.joined(separator: " ") + ")"
    case .timezone(let zone): return "(timezone \(dump(zone.field)) \(string(zone.defaultZone)))"
    case .limit(let l):
      return "(limit \(l.count.spelling)\(l.period.map { " (per \($0.spelling))" } ?? "")"
        + "\(l.channel.map { " (via \($0.text))" } ?? ""))"
    case .holdout(let g):
      return "(holdout \(g.percent.spelling)\(g.seed.map { " (seed \(string($0)))" } ?? ""))"
    case .export(let e): return "(export \(string(e.path))\(e.format.map { " (as \($0.text))" } ?? ""))"
    case .ledger(let path): return "(ledger \(string(path)))"
    case .test(let t):
      var parts = ["test", string(t.name)]
      if let clock = t.clock { parts.append("(as-of \(clock.spelling))") }
      parts += t.fixtures.map(dump)
      parts += t.expectations.map(dump)
      return "(" + parts.joined(separator: " ") + ")"
    }
  }

  static func dump(_ load: Load) -> String {
    var parts = ["load", load.table.text]
    if let row = load.rowName { parts.append("(as \(row.text))") }
    if let database = load.database { parts.append(database.kind.text) }
    if let path = load.path { parts.append(string(path)) }
    if let table = load.database?.table { parts.append("(table \(string(table)))") }
    if let query = load.database?.query { parts.append("(query \(string(query)))") }
    if let key = load.key { parts.append("(key \(column(key.text)))") }
    if let link = load.link {
      parts.append("(link \(column(link.text))\(load.linkTable.map { " (to \($0.text))" } ?? ""))")
    }
    parts += load.fieldMap.map { "(with \($0.field.text) \(column($0.column.text)))" }
    parts += load.columnTypes.map {
      "(type \(column($0.column.text)) \($0.type.text)\($0.format.map { " " + string($0) } ?? ""))"
    }
    if !load.nullTokens.isEmpty { parts.append("(nulls \(load.nullTokens.map(string).joined(separator: " ")))") }
    if let zone = load.timezone { parts.append("(timezone \(string(zone)))") }
    if let delimiter = load.delimiter { parts.append("(delimiter \(string(delimiter)))") }
    if let encoding = load.encoding { parts.append("(encoding \(string(encoding)))") }
    return "(" + parts.joined(separator: " ") + ")"
  }

  static func dump(_ e: Expectation) -> String {
    switch e.kind {
    case .gets(let c, let offer, let channel):
      "(expect \(customer(c)) gets \(offer.text)\(channel.map { " (via \($0.text))" } ?? ""))"
    case .getsNo(let c, let offer): "(expect \(customer(c)) gets-no \(offer.text))"
    case .getsNothing(let c): "(expect \(customer(c)) gets-nothing)"
    case .audience(let offer, let op, let n): "(expect-audience \(offer.text) \(op.rawValue) \(n.spelling))"
    }
  }

  static func dump(_ expr: Expr) -> String {
    switch expr.kind {
    case .number(let n): return n.spelling
    case .string(let s): return string(s)
    case .bool(let b): return String(b)
    case .null: return "null"
    case .duration(let d): return d.spelling
    case .timestamp(let t): return t.spelling
    case .percent(let p): return p.spelling
    case .now: return "now"
    case .list(let items): return "[" + items.map(dump).joined(separator: " ") + "]"
    case .path(let row, let field): return row.text + (field.map { "." + $0.text } ?? "")
    case .unary(let op, let e): return "(\(op.rawValue) \(dump(e)))"
    case .binary(let op, let l, let r): return "(\(op.rawValue) \(dump(l)) \(dump(r)))"
    case .inSegment(let e, let segment, let negated):
      return "(\(negated ? "not-in" : "in") \(dump(e)) \(segment.text))"
    case .inList(let e, let items, let negated):
      return "(\(negated ? "not-in" : "in") \(dump(e)) [\(items.map(dump).joined(separator: " "))])"
    case .contains(let l, let r): return "(contains \(dump(l)) \(dump(r)))"
    case .containsAny(let l, let items): return "(contains-any \(dump(l)) [\(items.map(dump).joined(separator: " "))])"
    case .isNull(let e, let negated): return "(\(negated ? "is-not-null" : "is-null") \(dump(e)))"
    case .between(let e, let low, let high, let negated):
      return "(\(negated ? "not-between" : "between") \(dump(e)) \(dump(low)) \(dump(high)))"
    case .textMatch(let l, let test, let r):
      return "(\(test.rawValue.split(separator: " ").joined(separator: "-")) \(dump(l)) \(dump(r)))"
    case .call(let name, let arguments): return "(call \(name.text) [\(arguments.map(dump).joined(separator: " "))])"
    case .phrase(let row, let phrase): return "(phrase \(row.text) \(dump(phrase)))"
    case .aggregate(let a):
      var parts = [a.function.rawValue, a.row.text + (a.field.map { "." + $0.text } ?? "")]
      if let filter = a.filter { parts.append("(where \(dump(filter)))") }
      if let d = a.inLast { parts.append("(in-last \(d.spelling))") }
      return "(" + parts.joined(separator: " ") + ")"
    case .sent(let s):
      var parts = ["sent", s.offer.text]
      if let c = s.channel { parts.append("(via \(c.text))") }
      if let d = s.inLast { parts.append("(in-last \(d.spelling))") }
      return "(" + parts.joined(separator: " ") + ")"
    }
  }

  static func dump(_ phrase: Phrase) -> String {
    switch phrase {
    case .resolved: "resolved"
    case .resolvedWithin(let d): "resolved-within \(d.spelling)"
    case .resolvedAfter(let d): "resolved-after \(d.spelling)"
    case .respondedWithin(let d): "responded-within \(d.spelling)"
    case .respondedAfter(let d): "responded-after \(d.spelling)"
    case .openFor(let d): "open-for \(d.spelling)"
    case .inLast(let d): "in-last \(d.spelling)"
    }
  }

  private static func customer(_ c: CustomerID) -> String {
    "(customer \(c.quoted ? quote(c.text) : c.text))"
  }

  private static func string(_ s: StringLiteral) -> String { quote(s.value) }

  /// A data file's column as a load writes it: a plain word as it is, any other header in
  /// quotes (`"Customer ID"`).
  /// - Parameter name: the header column, exactly as in the file.
  public static func column(_ name: String) -> String {
    Lexer.isWord(name) ? name : quote(name)
  }

  /// `"…"` with the playbook's escapes, so the text reads back as the same value.
  static func quote(_ text: String) -> String {
    var out = "\""
    for character in text {
      switch character {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      default: out.append(character)
      }
    }
    return out + "\""
  }
}
