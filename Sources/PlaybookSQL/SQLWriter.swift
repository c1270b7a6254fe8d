import PlaybookLanguage

/// Writes one playbook's candidate statement: CTEs emitted on first use, so each comes
/// after what it reads, and refusals collected as the constructs are met.
final class SQLWriter {
  let checked: CheckedPlaybook
  let source: SourceFile
  let clock: Int64
  let d: any SQLDialect
  /// Loads read from another table than their own: load name → that table as SQL.
  let tables: [String: String]
  /// Whether a split is written as its line (`CandidateSQL.compile`'s `splitsByLine`).
  var splitsByLine = false
  private(set) var refusals: [Diagnostic] = []
  private var ctes: [(name: String, comment: String, body: String)] = []
  private var emitted: Set<String> = []
  /// Aggregate CTE names by their body: the same aggregate written twice is computed once.
  var aggregateNames: [String: String] = [:]

  init(
    checked: CheckedPlaybook, source: SourceFile, clock: Int64, dialect: any SQLDialect, tables: [String: String] = [:]
  ) {
    self.tables = tables
    self.checked = checked
    self.source = source
    self.clock = clock
    d = dialect
  }

  var model: PlaybookModel { checked.model }

  /// The whole statement: header, CTEs, the candidates sorted.
  func statement() -> String {
    let candidates = candidateUnion()
    var out = header()
    out += "WITH\n"
    out += ctes.map { cte in
      cte.comment.split(separator: "\n").map { "-- \($0)\n" }.joined()
        + "\(cte.name) AS (\n\(cte.body)\n)"
    }.joined(separator: ",\n")
    out += ",\n-- every candidate: one per rule, trigger row and send line\ncandidates AS (\n\(candidates)\n)\n"
    out += """
      SELECT customer_id, rule, offer, trigger_table, trigger_id,
        \(d.isoTime("trigger_time")) AS trigger_time,
        \(d.isoTime("send_at")) AS send_at, priority
      FROM candidates
      ORDER BY \(d.byteOrder("customer_id")), rule_order, \(d.byteOrder("trigger_id")), send_index;

      """
    return out
  }

  /// Adds a CTE unless one of that name is there; `make` runs once, and the CTEs it
  /// needs are emitted before this one.
  func cte(_ name: String, comment: @autoclosure () -> String, _ make: () -> String) -> String {
    guard !emitted.contains(name) else { return name }
    emitted.insert(name)
    let body = make()
    ctes.append((name, comment(), body))
    return name
  }

  /// A refusal at `range`; the SQL written in its place (`NULL`) is never run.
  func refuse(_ range: SourceRange?, _ reason: String, construct: String? = nil) -> String {
    let text = construct ?? range.map(text(of:)) ?? "?"
    let diagnostic = Diagnostic(
      .compileUnsupported(text, dialect: d.name, reason: reason), file: source.path, range: range)
    if !refusals.contains(where: { $0.range == range && $0.message == diagnostic.message }) {
      refusals.append(diagnostic)
      refusals.sort { ($0.range?.start.offset ?? 0) < ($1.range?.start.offset ?? 0) }
    }
    return "NULL"
  }

  /// The source text of `range`.
  func text(of range: SourceRange) -> String {
    let bytes = Array(source.text.utf8)
    let start = min(max(range.start.offset, 0), bytes.count)
    let end = min(max(range.end.offset, start), bytes.count)
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }

  /// `line N: <the line>`, for a CTE's comment.
  func origin(_ range: SourceRange) -> String {
    let line = source.line(range.start.line).drop { $0 == " " || $0 == "\t" }
    return "line \(range.start.line): \(line)"
  }

  /// A text literal; a refusal when the dialect's text cannot hold it.
  func literal(_ text: String, at range: SourceRange?) -> String {
    d.textLiteral(text) ?? refuse(range, "its text holds a NUL byte, which \(d.name) text cannot")
  }

  private func header() -> String {
    var lines = [
      "Playloop: every candidate of playbook \"\(model.name)\" (\(source.path)),",
      "compiled for \(d.name) at clock \(Timestamp.format(clock)), "
        + (model.window.map { "window \($0 / 86_400 * 86_400 == $0 ? "\($0 / 86_400)d" : "\($0)s")" } ?? "window all")
        + ".",
      "Candidates only: consent, channels, limits, holdout and the ledger are Playloop's decisions.",
    ]
    lines +=
      d.database.map { database in
        [
          "Expects one table per load, named as the load (a `from \(database.rawValue)` load: its own table",
          "or query), with the data file's columns:",
        ]
      } ?? ["Expects one table or view per load, named as the load, with the data file's columns:"]
    for binding in model.tables {
      let columns = (checked.schema.tables[binding.name] ?? []).map { column -> String in
        var words = "\(d.identifier(column.name)) \(d.columnType(column.type))"
        if column.name == binding.keyColumn { words += " key" }
        if column.name == binding.linkColumn { words += " -> \(model.customerTable?.name ?? "customers")" }
        return words
      }
      let reads = source(of: binding).reads.map { " read from \($0)" } ?? ""
      lines.append("  \(binding.name)(\(columns.joined(separator: ", ")))" + reads)
    }
    lines += d.inputNotes
    return lines.map { "-- \($0)\n" }.joined()
  }
}
