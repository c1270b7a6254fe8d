/// Reads a message template from its string literal as written (quotes and escapes
/// included), so every tag and name keeps its place in the source and a diagnostic's
/// caret lands inside the string. A literal is on one line, so a place is the literal's
/// start plus the characters before it.
///
/// Escapes (`\"`, `\\`, `\n`, `\t`) are resolved in text and in a tag's strings; a tag's
/// string may also be written with plain quotes (`{{ x | default: "there" }}`: the lexer
/// reads quotes inside a tag as the tag's) or single quotes, as Liquid allows.
struct TemplateReader {
  /// A template that does not read: what is wrong, and where.
  struct Failure: Error {
    var message: DiagnosticMessage
    var range: SourceRange
  }

  private let characters: [Character]
  /// The place of each character, and one past the last.
  private let places: [SourceLocation]
  private var i = 1  // past the opening quote
  private let end: Int  // the closing quote

  /// A reader of `spelling`, the literal written at `start`.
  init(spelling: String, start: SourceLocation) {
    characters = Array(spelling)
    var places: [SourceLocation] = []
    var location = start
    for character in characters {
      places.append(location)
      location.offset += character.utf8.count
      location.column += 1
    }
    places.append(location)
    self.places = places
    end = max(1, characters.count - 1)
  }

  /// The template, or the first thing wrong with it.
  mutating func read() throws(Failure) -> MessageTemplate {
    var stack: [(condition: TemplateCondition, then: [TemplateNode]?, nodes: [TemplateNode], opened: SourceRange)] =
      []
    var nodes: [TemplateNode] = []
    var text = ""
    func flushText() {
      if !text.isEmpty { nodes.append(.text(text)) }
      text = ""
    }
    while i < end {
      if startsTag("{{") {
        flushText()
        nodes.append(.output(try readOutput()))
      } else if startsTag("{%") {
        flushText()
        let start = i
        i += 2
        skipSpaces()
        let word = readWord()
        switch word?.text {
        case "if":
          skipSpaces()
          let condition = try readCondition()
          try closeTag("%}", opened: start)
          stack.append((condition, nil, nodes, range(start, i)))
          nodes = []
        case "else":
          try closeTag("%}", opened: start)
          guard let open = stack.popLast(), open.then == nil else {
            throw Failure(message: .templateSyntax("'else' without an open 'if'"), range: range(start, i))
          }
          stack.append((open.condition, nodes, open.nodes, open.opened))
          nodes = []
        case "endif":
          try closeTag("%}", opened: start)
          guard let open = stack.popLast() else {
            throw Failure(message: .templateSyntax("'endif' without an open 'if'"), range: range(start, i))
          }
          let node = TemplateNode.conditional(
            open.condition, then: open.then ?? nodes, otherwise: open.then == nil ? [] : nodes)
          nodes = open.nodes + [node]
        case "abort":
          try closeTag("%}", opened: start)
          nodes.append(.abort(range(start, i)))
        default:
          let found = word.map { range(start, i).union($0.range) } ?? range(start, start + 2)
          throw Failure(
            message: .templateSyntax(
              "unknown tag '\(word?.text ?? "")'",
              hint: word.flatMap { NearNames.didYouMean($0.text, in: Self.tags) }
                ?? "tags are \(Self.tags.joined(separator: ", "))"),
            range: word?.range ?? found)
        }
      } else {
        text += readTextCharacter()
      }
    }
    flushText()
    if let open = stack.last {
      throw Failure(
        message: .templateSyntax("'if' without '{% endif %}'", hint: "close it before the string ends"),
        range: open.opened)
    }
    return MessageTemplate(nodes: nodes)
  }

  /// The tags `{% … %}` may hold.
  static let tags = ["if", "else", "endif", "abort"]

  // MARK: Tags

  private mutating func readOutput() throws(Failure) -> TemplateOutput {
    let start = i
    i += 2
    skipSpaces()
    let value = try readValue(what: "a value such as customer.first_name")
    var filters: [TemplateFilter] = []
    skipSpaces()
    while i < end, characters[i] == "|" {
      i += 1
      skipSpaces()
      guard let name = readWord() else {
        throw Failure(message: .templateSyntax("expected a filter after '|'"), range: range(i, i + 1))
      }
      skipSpaces()
      var argument: TemplateValue?
      if i < end, characters[i] == ":" {
        i += 1
        skipSpaces()
        argument = try readValue(what: "the filter's argument")
        skipSpaces()
      }
      filters.append(TemplateFilter(name: name, argument: argument))
    }
    try closeTag("}}", opened: start)
    return TemplateOutput(value: value, filters: filters, range: range(start, i))
  }

  /// A test, then `and`/`or` and the rest of the condition, read as one (right to left,
  /// as Liquid evaluates it: see `TemplateJunction`).
  private mutating func readCondition() throws(Failure) -> TemplateCondition {
    if i < end, characters[i] == "(" {
      throw Failure(
        message: .templateSyntax("Liquid conditions have no parentheses", hint: "nest the ifs instead"),
        range: range(i, i + 1))
    }
    let value = try readValue(what: "a value to test")
    skipSpaces()
    var comparison: TemplateComparison?
    if let op = ComparisonOperator.allCases.sorted(by: { $0.rawValue.count > $1.rawValue.count })
      .first(where: { matches($0.rawValue) })
    {
      i += op.rawValue.count
      skipSpaces()
      comparison = TemplateComparison(op: op, right: try readValue(what: "a value to compare with"))
      skipSpaces()
    }
    for (symbol, word) in [("&&", "and"), ("||", "or")] where matches(symbol) {
      throw Failure(
        message: .templateSyntax("'\(symbol)' is not Liquid", hint: "write '\(word)'"), range: range(i, i + 2))
    }
    let before = i
    guard let junction = readWord(), junction.text == "and" || junction.text == "or" else {
      i = before
      return TemplateCondition(value: value, comparison: comparison)
    }
    skipSpaces()
    if matches("%}") {
      throw Failure(
        message: .templateSyntax("expected a value to test after '\(junction.text)'"), range: range(i, i + 2))
    }
    let rest = try readCondition()
    return TemplateCondition(
      value: value, comparison: comparison, rest: junction.text == "and" ? .and(rest) : .or(rest))
  }

  private mutating func closeTag(_ close: String, opened start: Int) throws(Failure) {
    skipSpaces()
    guard matches(close) else {
      let found = i < end ? "'\(characters[i])'" : "the end of the string"
      throw Failure(
        message: .templateSyntax(
          "expected '\(close)' to close '\(String(characters[start..<start + 2]))', found \(found)"),
        range: range(i, min(i + 1, end)))
    }
    i += close.count
  }

  /// A variable (`customer.first_name`), a string or a number.
  private mutating func readValue(what: String) throws(Failure) -> TemplateValue {
    guard i < end else {
      throw Failure(message: .templateSyntax("expected \(what)"), range: range(i, i))
    }
    let c = characters[i]
    if c == "\"" || c == "'" || (c == "\\" && i + 1 < end && characters[i + 1] == "\"") {
      return .string(try readString())
    }
    if c.isNumber || (c == "-" && i + 1 < end && characters[i + 1].isNumber) {
      let start = i
      i += 1
      while i < end, characters[i].isNumber || characters[i] == "." { i += 1 }
      let spelling = String(characters[start..<i])
      return .number(
        NumberLiteral(
          value: Double(spelling) ?? 0, isInteger: !spelling.contains("."), spelling: spelling,
          range: range(start, i)))
    }
    guard var part = readWord() else {
      throw Failure(message: .templateSyntax("expected \(what), found '\(c)'"), range: range(i, i + 1))
    }
    var parts = [part]
    while i < end, characters[i] == "." {
      i += 1
      guard let next = readWord() else {
        throw Failure(message: .templateSyntax("expected a field name after '.'"), range: range(i, i + 1))
      }
      part = next
      parts.append(part)
    }
    return .variable(parts)
  }

  /// `"…"`, `\"…\"` or `'…'` inside a tag.
  private mutating func readString() throws(Failure) -> StringLiteral {
    let start = i
    let escapedQuote = characters[i] == "\\"
    let quote: Character = escapedQuote ? "\"" : characters[i]
    i += escapedQuote ? 2 : 1
    var value = ""
    while i < end {
      if escapedQuote, characters[i] == "\\", i + 1 < end, characters[i + 1] == "\"" {
        i += 2
        return StringLiteral(value: value, range: range(start, i))
      }
      if !escapedQuote, characters[i] == quote {
        i += 1
        return StringLiteral(value: value, range: range(start, i))
      }
      value += readTextCharacter()
    }
    throw Failure(message: .templateSyntax("unterminated string in a tag"), range: range(start, start + 1))
  }

  private mutating func readWord() -> Name? {
    let start = i
    while i < end, characters[i].isLetter || characters[i] == "_" || (i > start && characters[i].isNumber) {
      i += 1
    }
    return i > start ? Name(String(characters[start..<i]), range: range(start, i)) : nil
  }

  // MARK: Characters

  /// One character of text, an escape resolved.
  private mutating func readTextCharacter() -> String {
    let c = characters[i]
    i += 1
    guard c == "\\", i < end else { return String(c) }
    let next = characters[i]
    i += 1
    switch next {
    case "n": return "\n"
    case "t": return "\t"
    case "\"", "\\": return String(next)
    default: return "\\" + String(next)
    }
  }

  private func startsTag(_ open: String) -> Bool { matches(open) }

  private func matches(_ text: String) -> Bool {
    var k = i
    for c in text {
      guard k < end, characters[k] == c else { return false }
      k += 1
    }
    return true
  }

  private mutating func skipSpaces() {
    while i < end, characters[i] == " " || characters[i] == "\t" { i += 1 }
  }

  private func range(_ from: Int, _ to: Int) -> SourceRange {
    SourceRange(start: places[min(from, places.count - 1)], end: places[min(to, places.count - 1)])
  }
}
