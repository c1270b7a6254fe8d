extension ColumnArray {
  /// The values read through a plain pointer, for a loop over millions of rows that must
  /// not change reference counts (see `TextColumn.Pointers`). Valid only while the array
  /// it was taken from lives; the caller keeps that alive. Nil for no values.
  struct Pointer: @unchecked Sendable {
    let base: UnsafePointer<Element>?

    @inline(__always) subscript(i: Int) -> Element { base.unsafelyUnwrapped[i] }
  }

  /// See `Pointer`.
  var pointer: Pointer { Pointer(base: buffer.baseAddress) }
}
