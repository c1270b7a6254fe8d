/// Where one field's bytes lie in a file's buffer, and how to read them: a field is
/// not copied until its column's type is known. Empty (length 0) means null.
///
/// Eight bytes, because a load keeps one per field of a chunk until its column is typed
/// (hundreds of millions at 10M customers): the start takes 36 bits (files up to 64 GB),
/// the length 24 (fields up to 16 MB).
struct FieldSpan: Sendable {
  /// How a JSON value was written, which decides what types it can vote for. CSV
  /// fields are all `bare`: their text alone decides.
  enum Kind: UInt32 {
    case bare = 0
    case string, number, boolean, nested
  }

  static let null = FieldSpan(start: 0, length: 0, kind: .bare, escaped: false)
  /// Longest field a span can describe: 16 MB.
  static let maxLength = (1 << 24) - 1
  /// The largest file a span can point into: 64 GB.
  static let maxFileSize = 1 << 36

  /// The start's low 32 bits.
  private var startLow: UInt32
  /// Length in the low 24 bits, then the start's high 4 bits, the kind (3 bits), and
  /// `escaped`.
  private var bits: UInt32

  init(start: Int, length: Int, kind: Kind, escaped: Bool) {
    self.startLow = UInt32(truncatingIfNeeded: start)
    self.bits =
      UInt32(length) | UInt32(truncatingIfNeeded: start >> 32) << 24 | kind.rawValue << 28 | (escaped ? 1 << 31 : 0)
  }

  @inline(__always) var start: Int { Int(startLow) | Int(bits >> 24 & 0xF) << 32 }
  @inline(__always) var length: Int { Int(bits & 0x00FF_FFFF) }
  @inline(__always) var isNull: Bool { bits & 0x00FF_FFFF == 0 }
  @inline(__always) var kind: Kind { Kind(rawValue: (bits >> 28) & 7) ?? .bare }
  /// The bytes hold escapes (`""` in CSV, `\n` in JSON) to undo when copied.
  @inline(__always) var escaped: Bool { bits & (1 << 31) != 0 }
  @inline(__always) var end: Int { start + length }
}
