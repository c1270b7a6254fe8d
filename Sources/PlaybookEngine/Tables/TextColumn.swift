/// Text values stored end to end in one byte buffer: no `String` per row.
/// Row `i` is `bytes[start(i)..<ends[i]]` where `start(i)` is `ends[i-1]` (0 for row 0).
public struct TextColumn: Sendable {
  public var bytes: [UInt8]
  public var ends: [Int]

  public init(bytes: [UInt8] = [], ends: [Int] = []) {
    self.bytes = bytes
    self.ends = ends
  }

  public var count: Int { ends.count }

  @inlinable public func start(_ row: Int) -> Int { row == 0 ? 0 : ends[row - 1] }

  /// Calls `body` with the UTF-8 bytes of `row`, without copying.
  @inlinable public func withUTF8<R>(_ row: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R)
    rethrows -> R
  {
    let lower = start(row)
    let upper = ends[row]
    return try bytes.withUnsafeBufferPointer { all in
      try body(UnsafeBufferPointer(rebasing: all[lower..<upper]))
    }
  }

  /// The value of `row` as a `String` (for output, not for hot paths).
  public func string(_ row: Int) -> String {
    withUTF8(row) { String(decoding: $0, as: UTF8.self) }
  }

  public mutating func append<C: Collection>(utf8: C) where C.Element == UInt8 {
    bytes.append(contentsOf: utf8)
    ends.append(bytes.count)
  }
}
