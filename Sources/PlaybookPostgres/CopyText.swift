import PlaybookEngine

/// The rows `COPY … TO STDOUT` sends in its text format: one row a line, values
/// separated by tabs, `\N` for null, and a backslash before a tab, line end or
/// backslash within a value (`\t`, `\n`, `\\`; `\b`, `\f`, `\r`, `\v` likewise).
enum CopyText {
  /// Appends the values of `line` (one row, its line end included or not) to `rows`;
  /// returns the number of values it held.
  @discardableResult
  static func appendRow(_ line: UnsafeBufferPointer<UInt8>, to rows: inout DatabaseRows, scratch: inout [UInt8])
    -> Int
  {
    var end = line.count
    if end > 0, line[end - 1] == UInt8(ascii: "\n") { end -= 1 }
    var values = 0
    var start = 0
    while true {
      var i = start
      var escaped = false
      while i < end, line[i] != UInt8(ascii: "\t") {
        if line[i] == UInt8(ascii: "\\") {
          escaped = true
          i += 1
        }
        i += 1
      }
      i = min(i, end)
      let value = UnsafeBufferPointer(rebasing: line[start..<i])
      if value.count == 2, value[0] == UInt8(ascii: "\\"), value[1] == UInt8(ascii: "N") {
        rows.appendNull()
      } else if escaped {
        unescape(value, into: &scratch)
        scratch.withUnsafeBufferPointer { rows.append($0) }
      } else {
        rows.append(value)
      }
      values += 1
      guard i < end else { return values }
      start = i + 1
    }
  }

  /// `value` with each backslash escape replaced by the byte it stands for.
  private static func unescape(_ value: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
    out.removeAll(keepingCapacity: true)
    var i = 0
    while i < value.count {
      guard value[i] == UInt8(ascii: "\\"), i + 1 < value.count else {
        out.append(value[i])
        i += 1
        continue
      }
      switch value[i + 1] {
      case UInt8(ascii: "t"): out.append(9)
      case UInt8(ascii: "n"): out.append(10)
      case UInt8(ascii: "r"): out.append(13)
      case UInt8(ascii: "b"): out.append(8)
      case UInt8(ascii: "f"): out.append(12)
      case UInt8(ascii: "v"): out.append(11)
      case let other: out.append(other)
      }
      i += 2
    }
  }
}
