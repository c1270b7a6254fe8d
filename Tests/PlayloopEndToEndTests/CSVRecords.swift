import Foundation

/// Records of a CSV file with quotes as RFC 4180 has them, fields split at `delimiter`,
/// decoded from Latin-1 or UTF-8: the generator tests' own reading of what it wrote
/// (independent of the generator's and the engine's readers, so a bug in them shows).
enum CSVRecords {
  static func parse(_ data: Data, delimiter: UInt8, latin1: Bool) -> [[String]] {
    func text(_ bytes: [UInt8]) -> String {
      latin1
        ? String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) })) : String(decoding: bytes, as: UTF8.self)
    }
    var rows: [[String]] = []
    var row: [String] = []
    var field: [UInt8] = []
    var quoted = false
    var bytes = Array(data)[...]
    while let b = bytes.popFirst() {
      if quoted {
        if b == 34, bytes.first == 34 {
          field.append(34)
          bytes.removeFirst()
        } else if b == 34 {
          quoted = false
        } else {
          field.append(b)
        }
      } else if b == 34 {
        quoted = true
      } else if b == delimiter {
        row.append(text(field))
        field = []
      } else if b == 10 {
        row.append(text(field))
        rows.append(row)
        row = []
        field = []
      } else {
        field.append(b)
      }
    }
    return rows
  }
}
