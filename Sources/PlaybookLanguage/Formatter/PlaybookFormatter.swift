/// Prints a playbook in the one canonical layout, keeping its comments:
///
/// - one statement per line, single spaces, lists on one line;
/// - a rule's lines as `when` / `and` / `unless` / `and` / `send` (lines kept as written),
///   a test's as `as of` / `load` / `expect`, indented by two spaces; a load's `delimiter` and `encoding` on one line,
///   then `with`, `types`, `nulls` and `timezone` on their own lines;
/// - a blank line around every rule and test, and wherever the source had one between
///   statements (several collapse to one);
/// - each comment on the line it was on (trailing, two spaces after the longest of the
///   consecutive lines with trailing comments) or on its own line before what followed it.
///
/// Formatting never changes meaning (`ASTDump` of the re-parsed output is the same) and
/// formatting the output again changes nothing. Format only playbooks that parsed
/// without errors: statements with errors are not in the `Playbook`.
public enum PlaybookFormatter {
  /// The formatted text, ending with one line break (empty for an empty playbook).
  /// - Parameters:
  ///   - playbook: the statements and comments to print.
  ///   - source: the text `playbook` was parsed from, for its blank lines; without it
  ///     (a playbook assembled in the shell) a blank line separates statements of
  ///     different kinds.
  public static func format(_ playbook: Playbook, source: SourceFile? = nil) -> String {
    var layout = Layout(source: source)
    for statement in playbook.statements { layout.add(statement) }
    return layout.render(comments: playbook.comments.sorted { $0.range.start < $1.range.start })
  }
}

/// One output line and the source lines it came from.
struct LayoutLine {
  var indent: Int
  var text: String
  var firstLine: Int
  var lastLine: Int
  /// The first line of a top-level statement.
  var statementStart = false
  /// A block's first line (a rule's, a test's: `StatementKeyword.Lines.block`): blank
  /// lines go around the block.
  var isBlock = false
  /// The statement's section, to separate sections when there is no source.
  var section = StatementSection.header
  var trailingComment: String?
  var leadingComments: [Comment] = []
}

struct Layout {
  private let blankLines: Set<Int>
  private let hasSource: Bool
  private var lines: [LayoutLine] = []

  init(source: SourceFile?) {
    hasSource = source != nil
    var blanks: Set<Int> = []
    if let text = source?.text {
      var number = 1
      // "\r\n" is one Character, so split on both line ends.
      for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
        if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { blanks.insert(number) }
        number += 1
      }
    }
    blankLines = blanks
  }

  private mutating func emit(_ indent: Int, _ text: String, _ range: SourceRange) {
    lines.append(LayoutLine(indent: indent, text: text, firstLine: range.start.line, lastLine: range.end.line))
  }

  mutating func add(_ statement: Statement) {
    let first = lines.count
    let range = statement.range
    switch statement.kind {
    case .playbook(let name): emit(0, "playbook " + ASTDump.quote(name.value), range)
    case .asOf(let t): emit(0, "as of " + t.spelling, range)
    case .window(let d): emit(0, "window " + (d?.spelling ?? "all"), range)
    case .load(let load): add(load, indent: 0, range: range)
    case .define(let d):
      emit(0, "define \(d.name.text) = \(d.source.text) where \(ExpressionPrinter.print(d.condition))", range)
    case .segment(let s): emit(0, "segment \(s.name.text) = \(ExpressionPrinter.print(s.condition))", range)
    case .channel(let c):
      var text = "channel \(c.name.text) address \(ExpressionPrinter.print(c.address))"
      if let requires = c.requires { text += " requires " + ExpressionPrinter.print(requires) }
      emit(0, text, c.hasSendWindow ? SourceRange(start: range.start, end: (c.requires ?? c.address).range.end) : range)
      if let quiet = c.quiet {
        emit(2, "quiet " + quiet.text, SourceRange(start: quiet.start.range.start, end: quiet.end.range.end))
      }
      if let days = c.days { emit(2, "days " + days.text, days.range) }
    case .offer(let o):
      var text = "offer " + o.code.text
      if let description = o.description { text += " " + ASTDump.quote(description.value) }
      if let valid = o.valid { text += " valid " + valid.spelling }
      emit(0, text, o.messages.isEmpty ? range : SourceRange(start: range.start, end: range.start))
      // A template is reprinted as written: its tags and escapes are the author's.
      for message in o.messages {
        emit(2, "\(message.part.rawValue) \(message.channel.text) \(message.spelling)", message.range)
      }
    case .rule(let rule): add(rule, range: range)
    case .limit(let l):
      emit(0, l.text, range)
    case .holdout(let g):
      emit(0, "holdout " + g.percent.spelling + (g.seed.map { " seed " + ASTDump.quote($0.value) } ?? ""), range)
    case .export(let e):
      emit(0, "export to " + ASTDump.quote(e.path.value) + (e.format.map { " as " + $0.text } ?? ""), range)
    case .ledger(let path): emit(0, "ledger " + ASTDump.quote(path.value), range)
    case .timezone(let zone):
      emit(
        0, "timezone \(ExpressionPrinter.print(zone.field)) default " + ASTDump.quote(zone.defaultZone.value), range)
    case .test(let test): add(test, range: range)
    }
    guard first < lines.count else { return }
    lines[first].statementStart = true
    lines[first].section = statement.kind.section
    lines[first].isBlock = statement.kind.keyword.lines == .block
  }

  private mutating func add(_ load: Load, indent: Int, range: SourceRange) {
    var text = "load " + load.table.text
    var headerEnd = load.sourceRange.end
    if let row = load.rowName {
      text += " as " + row.text
      headerEnd = max(headerEnd, row.range.end)
    }
    let source = [load.database?.kind.text, load.path.map { ASTDump.quote($0.value) }].compactMap { $0 }
    text += " from " + source.joined(separator: " ")
    if let rows = load.database?.table ?? load.database?.query {
      text += (load.database?.table != nil ? " table " : " query ") + ASTDump.quote(rows.value)
      headerEnd = max(headerEnd, rows.range.end)
    }
    if let key = load.key {
      text += " key " + ASTDump.column(key.text)
      headerEnd = max(headerEnd, key.range.end)
    }
    if let link = load.link {
      text += " link " + ASTDump.column(link.text)
      headerEnd = max(headerEnd, link.range.end)
    }
    if let linkTable = load.linkTable {
      text += " to " + linkTable.text
      headerEnd = max(headerEnd, linkTable.range.end)
    }
    emit(indent, text, SourceRange(start: range.start, end: headerEnd))
    // How the file's bytes are read, on one line before the columns.
    var reading: [(text: String, range: SourceRange)] = []
    if let delimiter = load.delimiter {
      let spelling = FieldDelimiter(character: delimiter.value)?.spelling ?? ASTDump.quote(delimiter.value)
      reading.append(("delimiter " + spelling, delimiter.range))
    }
    if let encoding = load.encoding {
      reading.append(("encoding " + ASTDump.quote(encoding.value), encoding.range))
    }
    if let first = reading.first, let last = reading.last {
      emit(indent + 2, reading.map(\.text).joined(separator: " "), first.range.union(last.range))
    }
    if let first = load.fieldMap.first, let last = load.fieldMap.last {
      let pairs = load.fieldMap.map { "\($0.field.text) = \(ASTDump.column($0.column.text))" }
      emit(indent + 2, "with " + pairs.joined(separator: ", "), first.field.range.union(last.column.range))
    }
    if let first = load.columnTypes.first, let last = load.columnTypes.last {
      let pairs = load.columnTypes.map {
        "\(ASTDump.column($0.column.text)) = \($0.type.text)\($0.format.map { " " + ASTDump.quote($0.value) } ?? "")"
      }
      emit(
        indent + 2, "types " + pairs.joined(separator: ", "),
        first.column.range.union(last.format?.range ?? last.type.range))
    }
    if let first = load.nullTokens.first, let last = load.nullTokens.last {
      let tokens = load.nullTokens.map { ASTDump.quote($0.value) }
      emit(indent + 2, "nulls " + tokens.joined(separator: ", "), first.range.union(last.range))
    }
    if let zone = load.timezone {
      emit(indent + 2, "timezone " + ASTDump.quote(zone.value), zone.range)
    }
  }

  private mutating func add(_ rule: Rule, range: SourceRange) {
    var header = "rule " + rule.name.text
    var headerRange =
      range.start.line == rule.name.range.start.line
      ? SourceRange(start: range.start, end: rule.name.range.end) : rule.name.range
    if let priority = rule.priority {
      header += " priority " + priority.spelling
      headerRange = headerRange.union(priority.range)
    }
    if let every = rule.every {
      header += " every " + every.spelling
      headerRange = headerRange.union(every.range)
    }
    emit(0, header, headerRange)
    for (i, condition) in rule.conditions.enumerated() {
      emit(2, i == 0 ? "when " + ExpressionPrinter.print(condition) : andLine(condition), condition.range)
    }
    for exception in rule.exceptions {
      for (i, part) in Layout.lines(of: exception).enumerated() {
        emit(2, i == 0 ? "unless " + ExpressionPrinter.print(part) : andLine(part), part.range)
      }
    }
    for send in rule.sends {
      var text = "send \(send.variantsText) via " + send.channels.map(\.text).joined(separator: ", ")
      if let after = send.after { text += " after " + after.spelling }
      emit(2, text, send.range)
    }
  }

  /// An exception's `and` lines: `unless a` / `and b` and `unless a and b` read the same,
  /// so the source's choice of lines is kept (an operand that started on a later line
  /// goes on its own `and` line).
  private static func lines(of exception: Expr) -> [Expr] {
    if case .binary(.and, let left, let right) = exception.kind, right.range.start.line > left.range.end.line {
      return lines(of: left) + [right]
    }
    return [exception]
  }

  private mutating func add(_ test: PlaybookTest, range: SourceRange) {
    emit(0, "test " + ASTDump.quote(test.name.value), SourceRange(start: range.start, end: test.name.range.end))
    if let clock = test.clock { emit(2, "as of " + clock.spelling, clock.range) }
    for fixture in test.fixtures {
      add(fixture, indent: 2, range: fixture.table.range.union(fixture.sourceRange))
    }
    for expectation in test.expectations {
      emit(2, "expect " + Layout.print(expectation.kind), expectation.range)
    }
  }

  private static func print(_ kind: Expectation.Kind) -> String {
    func customer(_ id: CustomerID) -> String { "customer " + (id.quoted ? ASTDump.quote(id.text) : id.text) }
    switch kind {
    case .gets(let id, let offer, let channel):
      return customer(id) + " gets " + offer.text + (channel.map { " via " + $0.text } ?? "")
    case .getsNo(let id, let offer): return customer(id) + " gets no " + offer.text
    case .getsNothing(let id): return customer(id) + " gets nothing"
    case .audience(let offer, let comparison, let count):
      return "audience \(offer.text) \(comparison.rawValue) \(count.spelling)"
    }
  }

  // MARK: Comments and blank lines

  /// Places each comment, then prints the lines.
  mutating func render(comments: [Comment]) -> String {
    // The first output line covering each source line, for trailing comments.
    var covering: [Int: Int] = [:]
    for (index, line) in lines.enumerated() where line.firstLine <= line.lastLine {
      for number in line.firstLine...line.lastLine where covering[number] == nil { covering[number] = index }
    }
    // A comment goes before what followed it in the source, which need not be the next
    // output line: the shell puts a statement typed last before the tests. Comments come
    // in source order, so the first line after each in source order only moves on.
    let bySource = lines.indices.sorted { (lines[$0].firstLine, $0) < (lines[$1].firstLine, $1) }
    var next = 0
    var trailing: [Comment] = []
    for comment in comments {
      let line = comment.range.start.line
      if comment.trailing, let index = covering[line], lines[index].trailingComment == nil {
        lines[index].trailingComment = comment.text
        continue
      }
      while next < bySource.count, lines[bySource[next]].firstLine <= line { next += 1 }
      if next < bySource.count {
        lines[bySource[next]].leadingComments.append(comment)
      } else {
        trailing.append(comment)
      }
    }
    var out: [(body: String, comment: String?)] = []
    var wroteAny = false
    var afterBlock = false
    var previousSection = StatementSection.header
    for line in lines {
      let topLevel = line.statementStart
      for (i, comment) in line.leadingComments.enumerated() {
        let forced = i == 0 && topLevel && (line.isBlock || afterBlock)
        if wroteAny, topLevel, forced || blankLines.contains(comment.range.start.line - 1) { out.append(("", nil)) }
        out.append((String(repeating: " ", count: topLevel ? 0 : line.indent) + "#" + comment.text, nil))
        wroteAny = true
      }
      if topLevel, wroteAny {
        let blank: Bool
        if let lastComment = line.leadingComments.last {
          blank = blankLines.contains(line.firstLine - 1) && lastComment.range.start.line < line.firstLine - 1
        } else if hasSource {
          blank = line.isBlock || afterBlock || blankLines.contains(line.firstLine - 1)
        } else {
          blank = line.isBlock || afterBlock || line.section != previousSection
        }
        if blank { out.append(("", nil)) }
      }
      if topLevel {
        afterBlock = line.isBlock
        previousSection = line.section
      }
      out.append((String(repeating: " ", count: line.indent) + line.text, line.trailingComment))
      wroteAny = true
    }
    for (i, comment) in trailing.enumerated() {
      if wroteAny, (i == 0 && afterBlock) || blankLines.contains(comment.range.start.line - 1) { out.append(("", nil)) }
      out.append(("#" + comment.text, nil))
      wroteAny = true
    }
    return Layout.aligningTrailingComments(out)
  }

  /// Joins the lines; trailing comments on consecutive lines line up two spaces after
  /// the longest of those lines.
  private static func aligningTrailingComments(_ lines: [(body: String, comment: String?)]) -> String {
    var out = ""
    var runStart = 0
    while runStart < lines.count {
      var runEnd = runStart
      while runEnd < lines.count, lines[runEnd].comment != nil { runEnd += 1 }
      let width = lines[runStart..<runEnd].map(\.body.count).max() ?? 0
      for line in lines[runStart..<runEnd] {
        out +=
          line.body + String(repeating: " ", count: width - line.body.count + 2) + "#" + (line.comment ?? "") + "\n"
      }
      if runEnd < lines.count { out += lines[runEnd].body + "\n" }
      runStart = runEnd + 1
    }
    return out
  }
}

extension Layout {
  /// A condition on an `and` line. An `or` there keeps its parentheses: the line is one
  /// condition whatever it holds, but `and a or b` reads as `(… and a) or b`.
  fileprivate func andLine(_ condition: Expr) -> String {
    if case .binary(.or, _, _) = condition.kind { return "and (" + ExpressionPrinter.print(condition) + ")" }
    return "and " + ExpressionPrinter.print(condition)
  }
}
