import Foundation

/// FNV-1a 64-bit as 16 hex digits: how the ledger recognises a playbook's text and an
/// export's `summary.json` (which differs between any two runs, by its timings).
enum Fingerprint {
  static func of(_ bytes: some Sequence<UInt8>) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }

  /// The file's fingerprint; nil when it cannot be read.
  static func ofFile(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { of($0) }
  }
}
