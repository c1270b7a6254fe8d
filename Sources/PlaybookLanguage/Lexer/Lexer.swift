/// Splits playbook text into tokens and comments. Lines are significant: each line
/// that holds a token ends with a `newline` token. The lexer never fails: text it
/// cannot read becomes an `invalid` token for the parser to report.
struct Lexer {
  private let bytes: [UInt8]
  private let path: String
  private var i = 0
  private var line = 1
  private var lineStartOffset = 0
  private var lineHasToken = false
  private var sawBlankLine = false
  // Column of `memoOffset` on the current line, so columns are counted incrementally.
  private var memoOffset = 0
  private var memoColumn = 1
  /// The indentation character of the first indented line, to spot a later mix.
  private var indentStyle: UInt8?

  /// The tokens lexed so far, in order.
  private(set) var tokens: [Token] = []
  private(set) var comments: [Comment] = []
  private(set) var diagnostics: [Diagnostic] = []
  /// The whole text is lexed: the last token taken is `end`.
  private(set) var isFinished = false

  /// A lexer at the start of `source`; `lex(atLeast:)` reads it a few lines at a time, so
  /// a parser that stops early (a data file passed as a playbook) never lexes the rest.
  init(_ source: SourceFile) {
    bytes = Array(source.text.utf8)
    path = source.path
    // A byte order mark (Windows editors write one) is not text.
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      i = 3
      lineStartOffset = 3
      memoOffset = 3
    }
  }

  /// Lexes whole lines until there are at least `count` tokens, or to the end of the
  /// text, which ends with `end`. Comments and layout warnings gather as it goes.
  mutating func lex(atLeast count: Int) {
    while i < bytes.count {
      if i == lineStartOffset {
        if tokens.count >= count { return }
        scanIndentation()
      }
      guard i < bytes.count else { break }
      let b = bytes[i]
      switch b {
      case UInt8(ascii: "\n"):
        endLine()
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), 0x0B, 0x0C:
        i += 1
      case UInt8(ascii: "#"):
        scanComment()
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        scanNumeric()
      case UInt8(ascii: "\""):
        scanString()
      case _ where Lexer.isWordStart(b) && !isCurlyQuote(at: i):
        let start = i
        while i < bytes.count, Lexer.isWordByte(bytes[i]), !isCurlyQuote(at: i) { i += 1 }
        emit(.word, from: start)
      default:
        scanSymbol()
      }
    }
    guard !isFinished else { return }
    if lineHasToken { emitNewline(at: i) }
    var end = Token(.end, text: "", range: SourceRange(start: location(i), end: location(i)))
    end.blankLineBefore = sawBlankLine
    tokens.append(end)
    isFinished = true
  }

  // MARK: Lines and indentation

  private mutating func endLine() {
    if lineHasToken {
      emitNewline(at: i)
    } else if !lineHasComment {
      sawBlankLine = true
    }
    i += 1
    line += 1
    lineStartOffset = i
    lineHasToken = false
    lineHasComment = false
    memoOffset = i
    memoColumn = 1
  }

  private var lineHasComment = false

  private mutating func emitNewline(at offset: Int) {
    let start = location(offset)
    var end = start
    end.offset += 1
    end.column += 1
    tokens.append(Token(.newline, text: "\n", range: SourceRange(start: start, end: end)))
  }

  /// Warns when a line's indentation mixes tabs and spaces, or differs in kind from
  /// the file's first indented line: the text reads one way and lays out another.
  private mutating func scanIndentation() {
    let start = i
    var kinds: Set<UInt8> = []
    while i < bytes.count, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") {
      kinds.insert(bytes[i])
      i += 1
    }
    guard !kinds.isEmpty, i < bytes.count, bytes[i] != UInt8(ascii: "\n"), bytes[i] != UInt8(ascii: "\r"),
      bytes[i] != UInt8(ascii: "#")
    else { return }
    let style = indentStyle ?? bytes[start]
    indentStyle = style
    guard kinds.count > 1 || !kinds.contains(style) else { return }
    diagnostics.append(
      Diagnostic(.mixedIndentation, file: path, range: SourceRange(start: location(start), end: location(i))))
  }

  private mutating func scanComment() {
    let start = i
    while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
    var textEnd = i
    while textEnd > start + 1, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r")].contains(bytes[textEnd - 1])
    {
      textEnd -= 1
    }
    let range = SourceRange(start: location(start), end: location(textEnd))
    comments.append(
      Comment(text: String(decoding: bytes[(start + 1)..<textEnd], as: UTF8.self), range: range, trailing: lineHasToken)
    )
    lineHasComment = true
  }

  // MARK: Tokens

  private mutating func emit(_ kind: Token.Kind, from start: Int, configure: (inout Token) -> Void = { _ in }) {
    let range = SourceRange(start: location(start), end: location(i))
    var token = Token(kind, text: String(decoding: bytes[start..<i], as: UTF8.self), range: range)
    if !lineHasToken {
      token.blankLineBefore = sawBlankLine
      sawBlankLine = false
    }
    configure(&token)
    tokens.append(token)
    lineHasToken = true
  }

  private mutating func emitInvalid(from start: Int, _ problem: DiagnosticMessage) {
    emit(.invalid, from: start) { $0.problem = problem }
  }

  /// A number, percent, duration or timestamp: all start with a digit.
  private mutating func scanNumeric() {
    let start = i
    if isDateAhead() {
      scanTimestamp()
      return
    }
    skipDigits()
    if i + 1 < bytes.count, bytes[i] == UInt8(ascii: ":"), Lexer.isDigit(bytes[i + 1]) {
      scanClockTime(from: start)
      return
    }
    var isInteger = true
    if i + 1 < bytes.count, bytes[i] == UInt8(ascii: "."), Lexer.isDigit(bytes[i + 1]) {
      isInteger = false
      i += 1
      skipDigits()
    }
    let number = Double(String(decoding: bytes[start..<i], as: UTF8.self)) ?? 0
    // Past 2^53 a whole number is no longer exact, and a priority or limit no longer fits.
    // (Judged on the digits: 9007199254740993 reads as the double 2^53.)
    let tooLarge =
      !number.isFinite
      || (isInteger
        && (Int64(String(decoding: bytes[start..<i], as: UTF8.self)) ?? .max) > Int64(TimeBounds.largestWholeNumber))
    if i < bytes.count, bytes[i] == UInt8(ascii: "%") {
      i += 1
      if tooLarge { return emitInvalid(from: start, .numberTooLarge(spelling(from: start))) }
      emit(.percent, from: start) { $0.number = number }
      return
    }
    guard i < bytes.count, Lexer.isWordByte(bytes[i]) else {
      if tooLarge { return emitInvalid(from: start, .numberTooLarge(spelling(from: start))) }
      emit(.number, from: start) { $0.number = number }
      return
    }
    while i < bytes.count, Lexer.isWordByte(bytes[i]) || bytes[i] == UInt8(ascii: ".") { i += 1 }
    let spelling = String(decoding: bytes[start..<i], as: UTF8.self)
    if isInteger, let seconds = Lexer.durationSeconds(spelling) {
      guard seconds <= TimeBounds.longestDuration else {
        return emitInvalid(from: start, .durationTooLong(spelling))
      }
      emit(.duration, from: start) { $0.seconds = seconds }
    } else {
      emitInvalid(from: start, .badDuration(spelling, hint: Lexer.durationHint))
    }
  }

  /// `21:00` after its hours: a time of day, hours 0–23 and two-digit minutes.
  private mutating func scanClockTime(from start: Int) {
    let hours = Int(spelling(from: start)) ?? 99
    i += 1
    let minutesStart = i
    skipDigits()
    let minutes = i - minutesStart == 2 ? Int(spelling(from: minutesStart)) ?? 99 : 99
    if i < bytes.count, Lexer.isWordByte(bytes[i]) || bytes[i] == UInt8(ascii: ":") {
      while i < bytes.count, Lexer.isWordByte(bytes[i]) || bytes[i] == UInt8(ascii: ":") { i += 1 }
      return emitInvalid(from: start, .badClockTime(spelling(from: start)))
    }
    guard hours < 24, minutes < 60, i - start <= 5 else {
      return emitInvalid(from: start, .badClockTime(spelling(from: start)))
    }
    emit(.clockTime, from: start) { $0.seconds = Int64(hours * 60 + minutes) * 60 }
  }

  static let durationHint = "use a number and a unit (w, d, h, m, s): 30m, 4h, 2d, 1w, or sums like 1d12h"

  private func spelling(from start: Int) -> String { String(decoding: bytes[start..<i], as: UTF8.self) }

  /// Seconds of `1d12h`-style text, or nil unless it is whole `<digits><unit>` parts;
  /// `Int64.max` when it is longer than 64 bits hold.
  static func durationSeconds(_ text: String) -> Int64? {
    var total: Int64 = 0
    var amount: Int64?
    var overflowed = false
    for byte in text.utf8 {
      if isDigit(byte) {
        let (times10, o1) = (amount ?? 0).multipliedReportingOverflow(by: 10)
        let (next, o2) = times10.addingReportingOverflow(Int64(byte - 48))
        overflowed = overflowed || o1 || o2
        amount = next
        continue
      }
      let unit: Int64
      switch byte {
      case UInt8(ascii: "w"): unit = 604_800
      case UInt8(ascii: "d"): unit = 86_400
      case UInt8(ascii: "h"): unit = 3_600
      case UInt8(ascii: "m"): unit = 60
      case UInt8(ascii: "s"): unit = 1
      default: return nil
      }
      guard let n = amount else { return nil }
      let (part, o1) = n.multipliedReportingOverflow(by: unit)
      let (sum, o2) = total.addingReportingOverflow(part)
      overflowed = overflowed || o1 || o2
      total = sum
      amount = nil
    }
    guard amount == nil, !text.isEmpty else { return nil }
    return overflowed ? .max : total
  }

  private func isDateAhead() -> Bool {
    guard i + 10 <= bytes.count else { return false }
    for k in 0..<10 {
      let b = bytes[i + k]
      if k == 4 || k == 7 {
        if b != UInt8(ascii: "-") { return false }
      } else if !Lexer.isDigit(b) {
        return false
      }
    }
    return true
  }

  private mutating func scanTimestamp() {
    let start = i
    i += 10
    if i + 1 < bytes.count, bytes[i] == UInt8(ascii: "T") || bytes[i] == UInt8(ascii: "t"), Lexer.isDigit(bytes[i + 1])
    {
      i += 1
      while i < bytes.count, Lexer.isDigit(bytes[i]) || bytes[i] == UInt8(ascii: ":") || bytes[i] == UInt8(ascii: ".") {
        i += 1
      }
      if i < bytes.count, bytes[i] == UInt8(ascii: "Z") || bytes[i] == UInt8(ascii: "z") {
        i += 1
      } else if i + 1 < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-"),
        Lexer.isDigit(bytes[i + 1])
      {
        i += 1
        while i < bytes.count, Lexer.isDigit(bytes[i]) || bytes[i] == UInt8(ascii: ":") { i += 1 }
      }
    }
    while i < bytes.count, Lexer.isWordByte(bytes[i]) { i += 1 }
    let parsed = bytes[start..<i].withUnsafeBufferPointer { Timestamp.parse($0) }
    if let parsed {
      emit(.timestamp, from: start) { $0.seconds = parsed.seconds }
    } else {
      let spelling = String(decoding: bytes[start..<i], as: UTF8.self)
      emitInvalid(from: start, .badTimestamp(spelling))
    }
  }

  private mutating func skipDigits() {
    while i < bytes.count, Lexer.isDigit(bytes[i]) { i += 1 }
  }

  /// `"…"` on one line, with `\"`, `\\`, `\n`, `\t` escapes. Inside a message
  /// template's `{{ … }}` or `{% … %}` a `"` opens and closes the tag's own string
  /// (`{{ x | default: "there" }}`) rather than ending the literal; when the line ends
  /// before that reading closes the literal, the string is read again without it.
  private mutating func scanString() {
    if scanString(tagAware: true) { return }
    _ = scanString(tagAware: false)
  }

  /// One reading of a string; false (nothing consumed) when a tag-aware reading finds no
  /// closing quote, so the plain reading can report it.
  private mutating func scanString(tagAware: Bool) -> Bool {
    let start = i
    i += 1
    var value: [UInt8] = []
    var inTag = false
    var inTagString = false
    while i < bytes.count {
      let b = bytes[i]
      if tagAware, i + 1 < bytes.count {
        let pair = (b, bytes[i + 1])
        if !inTag, b == UInt8(ascii: "{"), pair.1 == UInt8(ascii: "{") || pair.1 == UInt8(ascii: "%") {
          inTag = true
        } else if inTag, !inTagString, pair.1 == UInt8(ascii: "}"),
          b == UInt8(ascii: "}") || b == UInt8(ascii: "%")
        {
          inTag = false
        }
      }
      if b == UInt8(ascii: "\"") && inTag {
        inTagString.toggle()
      } else if b == UInt8(ascii: "\"") {
        i += 1
        let text = String(decoding: value, as: UTF8.self)
        emit(.string, from: start) { $0.value = text }
        return true
      }
      if b == UInt8(ascii: "\n")
        || (b == UInt8(ascii: "\r") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\n"))
      {
        break
      }
      if b == UInt8(ascii: "\\"), i + 1 < bytes.count, bytes[i + 1] != UInt8(ascii: "\n") {
        switch bytes[i + 1] {
        case UInt8(ascii: "n"): value.append(UInt8(ascii: "\n"))
        case UInt8(ascii: "t"): value.append(UInt8(ascii: "\t"))
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): value.append(bytes[i + 1])
        default: value.append(contentsOf: [b, bytes[i + 1]])
        }
        i += 2
        continue
      }
      value.append(b)
      i += 1
    }
    guard !tagAware else {
      i = start
      return false
    }
    emitInvalid(from: start, .unterminatedString)
    return true
  }

  private mutating func scanSymbol() {
    let start = i
    let b = bytes[i]
    let next: UInt8? = i + 1 < bytes.count ? bytes[i + 1] : nil
    switch b {
    case UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: ">"):
      i += next == UInt8(ascii: "=") ? 2 : 1
      if b == UInt8(ascii: "!") && i == start + 1 {
        emitInvalid(from: start, .unexpectedCharacter("'!'", hint: "write 'not' or '!='"))
        return
      }
      emit(.symbol, from: start)
    case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: ","),
      UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"):
      i += 1
      emit(.symbol, from: start)
    default:
      i += Lexer.scalarLength(b)
      i = min(i, bytes.count)
      let character = String(decoding: bytes[start..<i], as: UTF8.self)
      if isCurlyQuote(at: start) {
        emitInvalid(from: start, .curlyQuote(String(character)))
      } else if b == UInt8(ascii: "'") {
        emitInvalid(from: start, .unexpectedCharacter("\"'\"", hint: "strings use double quotes: \"…\""))
      } else if let hint = Lexer.symbolHints[b] {
        emitInvalid(from: start, .unexpectedCharacter("'\(character)'", hint: hint))
      } else {
        let hex = String(b, radix: 16, uppercase: true)
        let shown = b < 0x20 || b == 0x7F ? "U+" + String(repeating: "0", count: 4 - hex.count) + hex : character
        emitInvalid(from: start, .unexpectedCharacter("'\(shown)'", hint: nil))
      }
    }
  }

  /// Fixes for symbols other languages use.
  private static let symbolHints: [UInt8: String] = [
    UInt8(ascii: "&"): "write 'and'", UInt8(ascii: "|"): "write 'or'",
    UInt8(ascii: ";"): "a statement ends at the end of its line; drop the ';'",
  ]

  // MARK: Characters

  /// U+2018, U+2019, U+201C, U+201D: what word processors put in place of `"`.
  private func isCurlyQuote(at k: Int) -> Bool {
    k + 2 < bytes.count && bytes[k] == 0xE2 && bytes[k + 1] == 0x80
      && [0x98, 0x99, 0x9C, 0x9D].contains(bytes[k + 2])
  }

  static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

  static func isWordStart(_ b: UInt8) -> Bool {
    (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == UInt8(ascii: "_") || b >= 0x80
  }

  static func isWordByte(_ b: UInt8) -> Bool { isWordStart(b) || isDigit(b) }

  /// True when `text` reads back as one word token: a name the playbook can write without
  /// quotes (`total_charges`, not `Total Charges`, `E-mail` or `2024`).
  static func isWord(_ text: String) -> Bool {
    guard let first = text.utf8.first, isWordStart(first) else { return false }
    return text.utf8.allSatisfy(isWordByte) && !text.unicodeScalars.contains { curlyQuotes.contains($0) }
  }

  private static let curlyQuotes: Set<Unicode.Scalar> = ["\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}"]

  /// The bytes of the UTF-8 sequence that starts with `lead`.
  static func scalarLength(_ lead: UInt8) -> Int {
    switch lead {
    case 0xF0...: 4
    case 0xE0...: 3
    case 0xC0...: 2
    default: 1
    }
  }

  // MARK: Locations

  /// The location of byte `offset` on the current line. Columns count characters, so
  /// non-ASCII text is measured as Swift characters.
  private mutating func location(_ offset: Int) -> SourceLocation {
    if offset < memoOffset || memoOffset < lineStartOffset {
      memoOffset = lineStartOffset
      memoColumn = 1
    }
    let slice = bytes[memoOffset..<offset]
    let column =
      slice.allSatisfy({ $0 < 0x80 })
      ? memoColumn + slice.count : memoColumn + String(decoding: slice, as: UTF8.self).count
    memoOffset = offset
    memoColumn = column
    return SourceLocation(offset: offset, line: line, column: column)
  }
}
