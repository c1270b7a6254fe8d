extension CSVScanner {
  /// Reads the header record: the column names, which must be present and distinct.
  func header(from start: Int, file: String) throws(LoadError) -> (names: [String], end: Int, lineEnds: Int) {
    guard start < bytes.count else {
      throw LoadError(.badFormat, "the file is empty: a CSV file needs a header row", file: file)
    }
    let capacity = 10_000
    let fields = UnsafeMutableBufferPointer<FieldSpan>.allocate(capacity: capacity)
    defer { fields.deallocate() }
    let r = record(at: start, into: fields)
    guard r.problem == .none, r.count <= capacity,
      UTF8Check.isValid(UnsafeBufferPointer(rebasing: bytes[start..<r.next]))
    else {
      throw LoadError(.badFormat, "the header row cannot be read as UTF-8 CSV", file: file, line: 1)
    }
    var names: [String] = []
    for k in 0..<r.count {
      let name = FieldText.string(fields[k], from: bytes)
      guard !name.isEmpty else {
        throw LoadError(.badFormat, "column \(k + 1) of the header has no name", file: file, line: 1)
      }
      guard !names.contains(name) else {
        throw LoadError(.badFormat, "the header names column \(name) twice", file: file, line: 1)
      }
      names.append(name)
    }
    return (names, r.next, r.lineEnds)
  }
}
