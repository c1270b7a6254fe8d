extension TextColumn {
  /// The column read through plain pointers, for a loop over millions of rows that must
  /// not change reference counts: copying a `TextColumn` out of an array or an enum
  /// retains its buffers, and each such atomic change also keeps the processor from
  /// overlapping the loop's reads from memory (`DecisionSpeller`). Valid only while the
  /// column it was taken from lives; the caller keeps that alive.
  struct Pointers: @unchecked Sendable {
    private let bytes: UnsafePointer<UInt8>?
    private let ends: UnsafePointer<UInt32>?
    /// The codes' numbers, `codeWidth` bytes each; nil when row `i` is value `i`.
    private let codes: UnsafeRawPointer?
    private let codeWidth: Int

    init(_ column: TextColumn) {
      bytes = column.bytes.buffer.baseAddress
      ends = column.ends.buffer.baseAddress
      switch column.codes {
      case .bytes(let c): (codes, codeWidth) = (c.buffer.baseAddress.map(UnsafeRawPointer.init), 1)
      case .halves(let c): (codes, codeWidth) = (c.buffer.baseAddress.map(UnsafeRawPointer.init), 2)
      case .words(let c): (codes, codeWidth) = (c.buffer.baseAddress.map(UnsafeRawPointer.init), 4)
      case nil: (codes, codeWidth) = (nil, 0)
      }
    }

    /// The UTF-8 bytes of `row` (a row of the column, as `TextColumn.withUTF8` takes).
    @inline(__always) func utf8(_ row: Int) -> UnsafeBufferPointer<UInt8> {
      let value: Int
      switch codeWidth {
      case 0: value = row
      case 1: value = Int(codes.unsafelyUnwrapped.load(fromByteOffset: row, as: UInt8.self))
      case 2: value = Int(codes.unsafelyUnwrapped.load(fromByteOffset: row * 2, as: UInt16.self))
      default: value = Int(codes.unsafelyUnwrapped.load(fromByteOffset: row * 4, as: UInt32.self))
      }
      guard let ends, let bytes else { return UnsafeBufferPointer(start: nil, count: 0) }
      let start = value == 0 ? 0 : Int(ends[value - 1])
      return UnsafeBufferPointer(start: bytes + start, count: Int(ends[value]) - start)
    }

    /// `row`'s text as a `String`.
    @inline(__always) func string(_ row: Int) -> String {
      String(decoding: utf8(row), as: UTF8.self)
    }
  }
}
