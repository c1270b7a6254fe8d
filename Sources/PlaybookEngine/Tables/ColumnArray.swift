/// The fixed-size values of a column (numbers, flags, text bytes and ends, null words,
/// line numbers, links), held either in a Swift array the program made or in place in a
/// mapped snapshot file (docs/SNAPSHOT.md). Both are read through the same pointer, so
/// the loops over a column never ask which it is, and a table read from its snapshot is
/// not copied into memory of its own.
///
/// Changing the values (only while a table is built) first gives them an array of their
/// own, unshared; values are never changed in place while another copy can see them.
/// Unchecked `Sendable`: shared values are only ever read.
public struct ColumnArray<Element: BitwiseCopyable>: @unchecked Sendable {
  /// Where the values lie; valid while `owner` lives.
  @usableFromInline var buffer: UnsafeBufferPointer<Element>
  /// What keeps `buffer` alive: the `Owned` array, or the mapped snapshot.
  @usableFromInline var owner: AnyObject

  /// Values in an array of their own. The array is kept, not copied.
  public init(_ array: [Element]) {
    let owned = Owned(array)
    owner = owned
    buffer = owned.buffer
  }

  /// No values.
  public init() { self.init([]) }

  /// `buffer`, which `owner` keeps alive and nothing changes (a mapped snapshot's section).
  init(borrowing buffer: UnsafeBufferPointer<Element>, from owner: AnyObject) {
    self.buffer = buffer
    self.owner = owner
  }

  /// The values of `other` read as this type, of the same size (an `Int32` column's
  /// numbers as `UInt32`), without a copy: the same memory, kept alive by the same owner.
  public init<Other>(reinterpreting other: ColumnArray<Other>) {
    precondition(MemoryLayout<Other>.stride == MemoryLayout<Element>.stride, "values of the same size")
    self.init(
      borrowing: UnsafeRawBufferPointer(other.buffer).assumingMemoryBound(to: Element.self), from: other.owner)
  }

  /// A new array of `count` values that `initialize` writes, as
  /// `Array(unsafeUninitializedCapacity:initializingWith:)` does.
  public init(
    count: Int, initializingWith initialize: (inout UnsafeMutableBufferPointer<Element>, inout Int) throws -> Void
  ) rethrows {
    self.init(try [Element](unsafeUninitializedCapacity: count, initializingWith: initialize))
  }

  /// Calls `body` with the values, `owner` kept alive until it returns (once inlined, a
  /// copy of `self` could otherwise be let go while `body` still reads the values).
  @inlinable @inline(__always)
  public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
    // Not `withExtendedLifetime(owner) { … }`: its closure was left as a call in the hot
    // loops (callgrind at 100k: linking rows +35%, decisions spelled out +43%).
    defer { extendLifetime(owner) }
    return try body(buffer)
  }

  /// Calls `body` with the values' bytes, as `withUnsafeBufferPointer` does.
  @inlinable @inline(__always)
  public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    defer { extendLifetime(owner) }
    return try body(UnsafeRawBufferPointer(buffer))
  }

  /// Calls `body` with the values as an array to change: the values' own, or a copy of
  /// them when they are shared or mapped.
  public mutating func modify<R>(_ body: (inout [Element]) throws -> R) rethrows -> R {
    let owned: Owned
    if isKnownUniquelyReferenced(&owner), let own = owner as? Owned {
      owned = own
    } else {
      owned = Owned(Array(buffer))
      owner = owned
    }
    defer { buffer = owned.buffer }
    return try body(&owned.array)
  }

  /// The array of values the program made; `buffer` is its storage, refreshed after each change.
  @usableFromInline final class Owned {
    var array: [Element]

    init(_ array: [Element]) { self.array = array }

    // The array is held here and changed only through `modify`, which takes the pointer
    // again afterwards, so its storage stays where this points while the owner lives.
    var buffer: UnsafeBufferPointer<Element> { array.withUnsafeBufferPointer { $0 } }
  }
}

extension ColumnArray: RandomAccessCollection {
  /// Rows are numbered from 0.
  public typealias Index = Int
  /// `0..<count`.
  public typealias Indices = Range<Int>

  /// 0.
  @inlinable public var startIndex: Int { 0 }
  /// The number of values.
  @inlinable public var endIndex: Int { buffer.count }
  /// The number of values.
  @inlinable public var count: Int { buffer.count }

  /// The value at `position` (traps outside `0..<count`, as an array does).
  @inlinable public subscript(position: Int) -> Element {
    precondition(position >= 0 && position < buffer.count, "index out of range")
    // No lifetime fence here: one made evaluation four times slower (a closure per
    // read in the hot loops). A column is read while its table holds it.
    return buffer[position]
  }

  /// Runs `body` over the values' storage at once (a loop over them, a `memchr`).
  @inlinable public func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R)
    rethrows -> R?
  {
    try withUnsafeBufferPointer(body)
  }
}

extension ColumnArray: ExpressibleByArrayLiteral {
  /// Values in an array of their own.
  public init(arrayLiteral elements: Element...) { self.init(elements) }
}

extension ColumnArray: Equatable where Element: Equatable {
  /// Whether both hold the same values in the same order, wherever they lie.
  public static func == (a: Self, b: Self) -> Bool { a.elementsEqual(b) }
}

extension ColumnArray: CustomStringConvertible {
  /// The values as an array prints them.
  public var description: String { Array(self).description }
}
