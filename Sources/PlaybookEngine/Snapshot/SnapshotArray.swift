/// An array to write to a snapshot as its elements lie in memory. Unchecked: it holds
/// a column's array, which is only read.
struct SnapshotArray: @unchecked Sendable {
  /// Calls its argument with the array's bytes.
  let withBytes: ((UnsafeRawBufferPointer) -> Void) -> Void

  init<T: BitwiseCopyable>(_ array: ColumnArray<T>) {
    withBytes = { body in array.withUnsafeBytes { body($0) } }
  }
}
