/// Where one field's bytes lie in a file's buffer, and how to read them: a field is
/// not copied until its column's type is known. Empty (length 0) means null.
struct FieldSpan: Sendable {
  /// How a JSON value was written, which decides what types it can vote for. CSV
  /// fields are all `bare`: their text alone decides.
  enum Kind: UInt32 {
    case bare = 0
    case string, number, boolean, nested
  }

  static let null = FieldSpan(start: 0, length: 0, kind: .bare, escaped: false)
  /// Longest field a span can describe: 256 MB.
  static let maxLength = (1 << 28) - 1

  var start: UInt32
  /// Length in the low 28 bits, then the kind (3 bits), then `escaped`.
  private var bits: UInt32

  init(start: Int, length: Int, kind: Kind, escaped: Bool) {
    self.start = UInt32(truncatingIfNeeded: start)
    self.bits = UInt32(length) | kind.rawValue << 28 | (escaped ? 1 << 31 : 0)
  }

  @inline(__always) var length: Int { Int(bits & 0x0FFF_FFFF) }
  @inline(__always) var isNull: Bool { bits & 0x0FFF_FFFF == 0 }
  @inline(__always) var kind: Kind { Kind(rawValue: (bits >> 28) & 7) ?? .bare }
  /// The bytes hold escapes (`""` in CSV, `\n` in JSON) to undo when copied.
  @inline(__always) var escaped: Bool { bits & (1 << 31) != 0 }
  @inline(__always) var end: Int { Int(start) + length }
}
