/// A field the playbook reads from a column the data made text (see `TextReason`).
struct TextColumnUse {
  /// The field as written: `purchase.total`.
  var spelling: String
  /// The file's column (`total`, or the column a `with` maps the field to).
  var column: String
  /// The table it is loaded as (`orders`).
  var table: String
  /// The file's path as the load writes it.
  var path: String
  /// Why the column is text.
  var reason: TextReason
}

/// The checker's messages about text columns compared or counted as numbers or times.
/// None of them ever says to quote a number: a number compared as text (`"900.9" >=
/// "5000"`) is always wrong.
extension DiagnosticMessage {
  /// `cannot compare text with integer: purchase.total is text because orders.csv line 7
  /// holds 'n/a'`, with the `nulls` or `types` line that fixes it.
  static func textFromData(_ problem: String, _ use: TextColumnUse) -> Self {
    // `sum needs a number, but order.total is text` already names the column.
    let saysColumn = problem.hasSuffix("\(use.spelling) is text")
    let problem = saysColumn ? problem : "\(problem): \(use.spelling) is text"
    let types = "types \(ASTDump.column(use.column))"
    switch use.reason {
    case .misfit(let wouldBe, let first, let count):
      let more =
        count > 1 ? " (and \(count - 1) more \(count == 2 ? "value" : "values") not \(Self.kind(wouldBe)))" : ""
      let typed = "`\(types) = \(wouldBe.rawValue)`"
      let hint =
        Self.looksNull(first.text)
        ? "if '\(first.text)' means no value, add `nulls \(ASTDump.quote(first.text))` to the load of \(use.table); \(typed) instead sets such rows aside"
        : "add \(typed) to the load of \(use.table) to set such rows aside"
      return Self(
        .typeError,
        "\(problem) because \(use.path) line \(first.line) holds '\(first.text)'\(more)",
        hint: hint)
    case .ambiguousDayMonth(let first, let formats):
      let choices = formats.map { "`\(types) = timestamp \(ASTDump.quote($0))`" }
      return Self(
        .typeError,
        "\(problem) because \(use.path) line \(first.line) holds '\(first.text)', which reads day first or month first",
        hint: "say which on the load of \(use.table): \(choices.joined(separator: " or "))")
    }
  }

  /// `cannot compare text with integer`, where the text is a column that holds text:
  /// the hint says so, and never to quote the number.
  static func textColumnComparedWithNumber(_ problem: String, field: String) -> Self {
    Self(.typeError, problem, hint: "\(field) holds text, not numbers")
  }

  /// `cannot compare integer with text`, where the text is a quoted number.
  static func quotedNumber(_ problem: String, number: String) -> Self {
    Self(.typeError, problem, hint: "write the number without quotes: \(number)")
  }

  /// What a column of `type` holds, for "not …".
  private static func kind(_ type: ColumnType) -> String {
    switch type {
    case .integer, .decimal: "numbers"
    case .boolean: "true/false"
    case .timestamp: "times"
    case .date: "dates"
    case .text: "text"
    }
  }

  /// Spellings exports use for "no value"; only these get the `nulls` hint, since
  /// nulls for any other text would hide data.
  private static func looksNull(_ text: String) -> Bool {
    let nullWords: Set<String> = [
      "na", "n/a", "n.a.", "#n/a", "nan", "null", "none", "nil", "-", "--", "?", ".", "missing", "unknown", "(null)",
    ]
    let word = text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed()
    return nullWords.contains(String(word).lowercased())
  }
}
