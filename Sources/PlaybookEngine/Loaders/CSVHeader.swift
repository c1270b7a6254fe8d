import PlaybookLanguage

/// A CSV file's header row: the column names, as the playbook uses them.
struct CSVHeader {
  /// Most columns a header may have.
  static let capacity = 10_000

  /// One name per column: the header's own, or `column_N` (1-based) for a column whose
  /// name is empty or repeated.
  var names: [String]
  /// Where the first record after the header starts.
  var end: Int
  /// How many line ends the header spans.
  var lineEnds: Int
  /// The warning that columns were named by position; nil when none was.
  var renamed: LoadError?
}

extension CSVScanner {
  /// Reads the header record. Empty and repeated names do not stop the load: those
  /// columns are named by position (`column_7`), and `renamed` says so once.
  func header(from start: Int, file: String) throws(LoadError) -> CSVHeader {
    guard start < bytes.count else {
      throw LoadError(.badFormat, "the file is empty: a CSV file needs a header row", file: file)
    }
    let capacity = CSVHeader.capacity
    let fields = UnsafeMutableBufferPointer<FieldSpan>.allocate(capacity: capacity)
    defer { fields.deallocate() }
    let r = record(at: start, into: fields)
    if r.nonASCII, let bad = UTF8Check.firstInvalid(UnsafeBufferPointer(rebasing: bytes[start..<r.next])) {
      throw LoadError.notUTF8(bytes, at: start + bad, line: 1, lineStart: start, file: file)
    }
    guard r.count <= capacity else {
      throw LoadError(
        .badFormat, "the header has \(r.count) columns; Playloop reads at most \(capacity)", file: file, line: 1)
    }
    if let problem = Self.headerProblem(r.problem) {
      throw LoadError(.badFormat, "the header row cannot be read: \(problem)", file: file, line: 1)
    }
    let given = (0..<r.count).map { FieldText.string(fields[$0], from: bytes) }
    let names = Self.usableNames(given)
    guard Set(names).count == names.count else {
      // A header naming a column `column_7` that is not the 7th, while the 7th needs
      // that name: too odd to guess.
      let name = names.first { n in names.filter { $0 == n }.count > 1 } ?? ""
      throw LoadError(.badFormat, "the header names column \(HeaderName.visible(name)) twice", file: file, line: 1)
    }
    return CSVHeader(
      names: names, end: r.next, lineEnds: r.lineEnds, renamed: Self.renamedWarning(given, names, file: file))
  }

  private static func headerProblem(_ problem: Problem) -> String? {
    switch problem {
    case .none: nil
    case .strayQuote: "a quote inside an unquoted name"
    case .textAfterQuote: "text after the closing quote of a name"
    case .unterminated: "a quote that never closes"
    case .fieldTooLong: "a name longer than 16 MB"
    }
  }

  /// The header's names, with each empty or repeated one replaced by `column_N`.
  static func usableNames(_ given: [String]) -> [String] {
    var counts: [String: Int] = [:]
    for name in given { counts[name, default: 0] += 1 }
    return given.enumerated().map { k, name in
      name.isEmpty || counts[name, default: 0] > 1 ? "column_\(k + 1)" : name
    }
  }

  /// `column 2 has no name; 'name' names columns 3 and 4: they are read as column_2, …`.
  private static func renamedWarning(_ given: [String], _ names: [String], file: String) -> LoadError? {
    let renamed = given.indices.filter { given[$0] != names[$0] }
    guard let first = renamed.first else { return nil }
    var parts: [String] = []
    let empty = renamed.filter { given[$0].isEmpty }
    if !empty.isEmpty {
      let plural = empty.count > 1
      parts.append(
        "column\(plural ? "s" : "") \(Self.list(empty.map { "\($0 + 1)" })) ha\(plural ? "ve" : "s") no name")
    }
    var repeated: [String] = []
    for k in renamed where !given[k].isEmpty && !repeated.contains(given[k]) { repeated.append(given[k]) }
    for name in repeated {
      let columns = renamed.filter { given[$0] == name }.map { "\($0 + 1)" }
      parts.append("'\(HeaderName.visible(name))' names columns \(Self.list(columns))")
    }
    let field = HeaderName.isPlainWord(given[first]) ? given[first] : "field\(first + 1)"
    return LoadError(
      .renamedColumns,
      parts.joined(separator: "; ") + ": read as " + Self.list(renamed.map { names[$0] }),
      file: file, line: 1, hint: "use it by that name, or give it one: with \(field) = \(names[first])")
  }

  private static func list(_ items: [String]) -> String {
    items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
  }

  /// The delimiter the header line uses: of comma, semicolon, tab and pipe (outside
  /// quotes), the one that splits it into the most fields and splits the next few
  /// records into as many; comma when none splits it, or on a tie.
  func detectedDelimiter(from start: Int) -> FieldDelimiter {
    let candidates = FieldDelimiter.allCases
    // Per record (the header first, then up to five more), each candidate's count.
    var records: [[Int]] = []
    var counts = [Int](repeating: 0, count: candidates.count)
    var quoted = false
    var lineHasText = false
    let limit = min(bytes.count, start + (1 << 20))
    var i = start
    while i < limit, records.count < 6 {
      let c = bytes[i]
      i += 1
      if c == Self.quote {
        quoted.toggle()
      } else if !quoted, c == Self.lf || c == Self.cr {
        if lineHasText { records.append(counts) }
        counts = [Int](repeating: 0, count: candidates.count)
        lineHasText = false
        continue
      } else if !quoted, let k = candidates.firstIndex(where: { $0.rawValue == c }) {
        counts[k] += 1
      }
      lineHasText = true
    }
    if lineHasText, i == bytes.count { records.append(counts) }
    guard let header = records.first else { return .comma }
    var best: (delimiter: FieldDelimiter, consistent: Bool, count: Int)?
    for (k, candidate) in candidates.enumerated() where header[k] > 0 {
      let consistent = records.dropFirst().allSatisfy { $0[k] == header[k] }
      if let current = best,
        current.consistent && !consistent || current.consistent == consistent && current.count >= header[k]
      {
        continue
      }
      best = (candidate, consistent, header[k])
    }
    return best?.delimiter ?? .comma
  }
}

/// Header names as messages show them.
enum HeaderName {
  /// Whether a playbook can write `name` as a field name without quotes.
  static func isPlainWord(_ name: String) -> Bool {
    guard let first = name.utf8.first, first == UInt8(ascii: "_") || (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A
    else { return false }
    return name.utf8.allSatisfy {
      $0 == UInt8(ascii: "_") || ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || $0 >= 0x30 && $0 <= 0x39
    }
  }

  /// `name` with its invisible characters (controls such as NUL, a byte-order mark,
  /// zero-width and other format characters, unusual spaces) written as `\u{FEFF}`,
  /// so a message shows why a name that looks right does not match.
  static func visible(_ name: String) -> String {
    var out = ""
    for scalar in name.unicodeScalars {
      if isInvisible(scalar) {
        out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// `name` without its invisible characters.
  static func withoutInvisible(_ name: String) -> String {
    String(String.UnicodeScalarView(name.unicodeScalars.filter { !isInvisible($0) }))
  }

  private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .unassigned: true
    case .spaceSeparator: scalar != " "
    default: false
    }
  }

  /// The hint for a column the header lacks: the header's name that differs from it
  /// only by invisible characters, shown escaped; else the nearest name.
  static func hint(forMissing wanted: String, in names: [String]) -> String? {
    if let hidden = names.first(where: { $0 != wanted && withoutInvisible($0) == wanted }) {
      return "the header's '\(visible(hidden))' holds invisible characters; remove them from the file's header"
    }
    return NearNames.closest(to: wanted, in: names).flatMap { NearNames.didYouMean([visible($0)]) }
  }
}
