import Foundation

/// Stdout written in blocks of 64 KiB: a listing of a million lines is a few thousand
/// writes, not a million, and is never held whole.
final class StandardOutput {
  private var buffer: [UInt8] = []
  private static let block = 1 << 16

  init() { buffer.reserveCapacity(Self.block * 2) }

  func write(_ bytes: [UInt8]) {
    buffer += bytes
    if buffer.count >= Self.block { flush() }
  }

  func write(_ text: String) {
    buffer += text.utf8
    if buffer.count >= Self.block { flush() }
  }

  /// Writes what is buffered.
  func flush() {
    guard !buffer.isEmpty else { return }
    FileHandle.standardOutput.write(Data(buffer))
    buffer.removeAll(keepingCapacity: true)
  }
}
