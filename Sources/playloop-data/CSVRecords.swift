/// The records of a CSV file as the generator writes it (RFC 4180: `delimiter` between
/// fields, `"` around a field with a delimiter, quote or line break, quotes doubled, `\n`
/// ends): read back to rewrite it messy, and by the generator's tests.
enum CSVRecords {
  static func parse(_ bytes: [UInt8], delimiter: UInt8 = 44) -> [[[UInt8]]] {
    var records: [[[UInt8]]] = []
    var record: [[UInt8]] = []
    var field: [UInt8] = []
    var quoted = false
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      i += 1
      if quoted {
        if b == 34, i < bytes.count, bytes[i] == 34 {
          field.append(34)
          i += 1
        } else if b == 34 {
          quoted = false
        } else {
          field.append(b)
        }
      } else if b == 34 {
        quoted = true
      } else if b == delimiter {
        record.append(field)
        field = []
      } else if b == 10 {
        record.append(field)
        records.append(record)
        record = []
        field = []
      } else {
        field.append(b)
      }
    }
    return records
  }
}
