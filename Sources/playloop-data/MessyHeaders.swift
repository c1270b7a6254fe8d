#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `--messy-headers`: the generated CSV files rewritten as a spreadsheet or helpdesk
/// export would have them, meaning exactly the same data. Headers with spaces and
/// capitals (`Customer ID`, `Total Charges`), `;` between fields, customers.csv in
/// Latin-1 (a character Latin-1 cannot hold written `?`, as such exports do: only
/// names have them), `NA` for an unrated ticket's csat, and the tickets' times written
/// `%Y/%m/%d %H:%M:%S`. calls.jsonl is left as it is. Each file is a function of the
/// clean file alone, so the same options still give the same bytes.
enum MessyHeaders {
  /// How one CSV file changes.
  struct Rewrite {
    var file: String
    /// The new header, one name per column of the clean file.
    var header: [String]
    /// Columns whose empty fields become `NA`.
    var notAvailable: Set<Int> = []
    /// Columns of ISO 8601 UTC times (`2026-07-04T00:49:17Z`) written `2026/07/04 00:49:17`.
    var slashedTimes: Set<Int> = []
    var latin1 = false
  }

  static let rewrites = [
    Rewrite(
      file: "customers.csv",
      header: [
        "Customer ID", "Name", "Email", "Phone", "Email Opt In", "SMS Opt In", "Tier", "Lifetime Value",
        "Country", "Created At", "First Name", "Time Zone",
      ], latin1: true),
    Rewrite(
      file: "tickets.csv",
      header: [
        "Ticket ID", "Customer ID", "Kind", "Channel", "Subject", "Opened At", "First Response At",
        "Resolved At", "CSAT",
      ], notAvailable: [8], slashedTimes: [5, 6, 7]),
    Rewrite(
      file: "orders.csv", header: ["Order ID", "Customer ID", "Total Charges", "Status", "Ordered At"]),
  ]

  /// Rewrites the CSV files generated in `folder`.
  static func rewrite(folder: String) throws(GeneratorError) {
    for rewrite in rewrites {
      let path = folder + "/" + rewrite.file
      let records = CSVRecords.parse(try contents(of: path))
      var out = try ByteSink(path: path)
      for (index, record) in records.enumerated() {
        let fields = index == 0 ? rewrite.header.map { Array($0.utf8) } : record
        for (column, field) in fields.enumerated() {
          if column > 0 { out.byte(59) }  // ;
          var text = field
          if index > 0, text.isEmpty, rewrite.notAvailable.contains(column) { text = Array("NA".utf8) }
          if index > 0, !text.isEmpty, rewrite.slashedTimes.contains(column) { text = slashed(text) }
          write(rewrite.latin1 ? latin1(text) : text, to: &out)
        }
        out.endLine()
      }
      _ = try out.close()
    }
  }

  /// `2026-07-04T00:49:17Z` as `2026/07/04 00:49:17`.
  static func slashed(_ time: [UInt8]) -> [UInt8] {
    precondition(time.count == 20, "an ISO 8601 UTC time with seconds")
    var out = Array(time[0..<19])
    out[4] = 47  // /
    out[7] = 47
    out[10] = 32  // space
    return out
  }

  /// UTF-8 text as Latin-1 bytes; a character beyond U+00FF is `?`.
  static func latin1(_ utf8: [UInt8]) -> [UInt8] {
    String(decoding: utf8, as: UTF8.self).unicodeScalars.map { $0.value <= 0xFF ? UInt8($0.value) : 63 }
  }

  /// A field, in quotes (doubled inside) when it holds `;`, a quote or a line break.
  static func write(_ field: [UInt8], to out: inout ByteSink) {
    guard field.contains(where: { $0 == 59 || $0 == 34 || $0 == 10 || $0 == 13 }) else {
      return out.bytes(field)
    }
    out.byte(34)
    for b in field {
      if b == 34 { out.byte(34) }
      out.byte(b)
    }
    out.byte(34)
  }

  static func contents(of path: String) throws(GeneratorError) -> [UInt8] {
    guard let file = fopen(path, "rb") else { throw .cannotWrite(path) }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let read = fread(&chunk, 1, chunk.count, file)
      if read == 0 { break }
      bytes += chunk[0..<read]
    }
    return bytes
  }
}
