/// An array to write to a snapshot as its elements lie in memory.
struct SnapshotArray {
  /// Calls its argument with the array's bytes.
  let withBytes: ((UnsafeRawBufferPointer) -> Void) -> Void

  init<T: BitwiseCopyable>(_ array: [T]) {
    withBytes = { body in array.withUnsafeBytes { body($0) } }
  }
}
