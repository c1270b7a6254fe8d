import Foundation
import PlaybookEngine

/// FNV-1a 64-bit as 16 hex digits: how the ledger recognises a playbook's text and an
/// export's `summary.json` (which differs between any two runs, by its timings).
enum Fingerprint {
  static func of(_ bytes: some Sequence<UInt8>) -> String {
    let hex = String(FNV1a.hash(bytes), radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }

  /// The file's fingerprint; nil when it cannot be read.
  static func ofFile(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { of($0) }
  }
}
