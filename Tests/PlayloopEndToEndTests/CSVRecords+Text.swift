import Foundation

@testable import playloop_data

extension CSVRecords {
  /// The records of a generated file as text, decoded from Latin-1 or UTF-8.
  static func parse(_ data: Data, delimiter: UInt8, latin1: Bool) -> [[String]] {
    parse(Array(data), delimiter: delimiter).map { record in
      record.map { field in
        latin1
          ? String(String.UnicodeScalarView(field.map { Unicode.Scalar($0) })) : String(decoding: field, as: UTF8.self)
      }
    }
  }
}
