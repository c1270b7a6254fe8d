/// Per row of a text column that keeps each distinct value once (`TextColumn.codes`),
/// the number of its value, stored as narrow as the number of values allows: one byte
/// for up to 256 values (a ticket's `kind`, an order's status, a call's agent), two for
/// up to 65,536, four beyond (a link column's customer numbers). At 10M customers the
/// tickets' three such columns alone held 612 MB of four-byte numbers, three quarters
/// of it zeros.
public enum TextCodes: Sendable {
  case bytes(ColumnArray<UInt8>)
  case halves(ColumnArray<UInt16>)
  case words(ColumnArray<UInt32>)

  /// `codes`, numbers below `values`, kept as narrow as `values` allows (copied into a
  /// narrower array, or kept as they are).
  public init(narrowing codes: [UInt32], values: Int) {
    self.init(narrowing: ColumnArray(codes), values: values)
  }

  /// `codes` as `init(narrowing:values:)` keeps them: in place at four bytes each.
  init(narrowing codes: ColumnArray<UInt32>, values: Int) {
    guard Self.width(values: values) < 4 else {
      self = .words(codes)
      return
    }
    self.init(count: codes.count, values: values) { out in
      codes.withUnsafeBufferPointer { codes in
        for (row, code) in codes.enumerated() { out.set(row, code) }
      }
    }
  }

  /// `count` numbers below `values`, as narrow as `values` allows, which `fill` writes
  /// (every row, from any thread, each row once) through the writer it is given.
  init(count: Int, values: Int, fill: (Writer) -> Void) {
    switch Self.width(values: values) {
    case 1: self = .bytes(ColumnArray(count: count) { Self.filled(&$0, &$1, count, fill) })
    case 2: self = .halves(ColumnArray(count: count) { Self.filled(&$0, &$1, count, fill) })
    default: self = .words(ColumnArray(count: count) { Self.filled(&$0, &$1, count, fill) })
    }
  }

  /// Writes numbers into an array of one width. Unchecked `Sendable`: each row is
  /// written by one thread only.
  struct Writer: @unchecked Sendable {
    let base: UnsafeMutableRawPointer?
    let width: Int

    @inline(__always) func set(_ row: Int, _ code: UInt32) {
      guard let base else { return }
      switch width {
      case 1: base.storeBytes(of: UInt8(truncatingIfNeeded: code), toByteOffset: row, as: UInt8.self)
      case 2: base.storeBytes(of: UInt16(truncatingIfNeeded: code), toByteOffset: row * 2, as: UInt16.self)
      default: base.storeBytes(of: code, toByteOffset: row * 4, as: UInt32.self)
      }
    }
  }

  private static func filled<T: FixedWidthInteger>(
    _ out: inout UnsafeMutableBufferPointer<T>, _ initialized: inout Int, _ count: Int, _ fill: (Writer) -> Void
  ) {
    fill(Writer(base: out.baseAddress.map(UnsafeMutableRawPointer.init), width: MemoryLayout<T>.size))
    initialized = count
  }

  /// Bytes per number for `values` distinct values.
  static func width(values: Int) -> Int {
    values <= 1 << 8 ? 1 : values <= 1 << 16 ? 2 : 4
  }

  /// The number of rows.
  public var count: Int {
    switch self {
    case .bytes(let codes): codes.count
    case .halves(let codes): codes.count
    case .words(let codes): codes.count
    }
  }

  /// The number of `row`'s value.
  @inlinable public subscript(row: Int) -> Int {
    switch self {
    case .bytes(let codes): Int(codes[row])
    case .halves(let codes): Int(codes[row])
    case .words(let codes): Int(codes[row])
    }
  }

  /// Calls `body` with each row of `rows` and its value's number, in row order: the
  /// width is asked once, not at every row as the subscript does.
  @inline(__always)
  func forEachNumber(in rows: Range<Int>, _ body: (_ row: Int, _ number: Int) -> Void) {
    switch self {
    case .bytes(let codes): codes.withUnsafeBufferPointer { codes in for row in rows { body(row, Int(codes[row])) } }
    case .halves(let codes): codes.withUnsafeBufferPointer { codes in for row in rows { body(row, Int(codes[row])) } }
    case .words(let codes): codes.withUnsafeBufferPointer { codes in for row in rows { body(row, Int(codes[row])) } }
    }
  }

  /// The numbers of `rows`, in that order, at the same width.
  func selecting(_ rows: [Int]) -> TextCodes {
    switch self {
    case .bytes(let codes): .bytes(ColumnArray(rows.map { codes[$0] }))
    case .halves(let codes): .halves(ColumnArray(rows.map { codes[$0] }))
    case .words(let codes): .words(ColumnArray(rows.map { codes[$0] }))
    }
  }
}
