import PlaybookLanguage

/// Writes the audience files of a sending tool's format (`ImportTool`): per offer, its
/// `send` decisions in export order, in as many files as the limit needs. An offer that
/// fits one file gets `OFFER.csv`; one that does not gets `OFFER-part1.csv`,
/// `OFFER-part2.csv`, … each with the header row and within the limit (a single row
/// larger than the byte limit still gets a file of its own). Offers are written on all cores.
enum ImportAudienceWriter {
  /// One offer's file to write: its name, its rows in export order, its columns.
  struct Offer: Sendable {
    let name: String
    let rows: ArraySlice<Int>
    let columns: [ImportColumn]
  }

  /// Writes `offers` into `staging` and returns how many files each offer split into,
  /// for those with more than one.
  static func write(
    _ decisions: [Decision], _ offers: [Offer], tool: ImportTool, limit: ImportFileLimit, in staging: String
  ) throws(Diagnostic) -> [String: Int] {
    let results = Parallel.map(offers.count) { k in
      Result { () throws(Diagnostic) -> Int in
        try write(decisions, offers[k], tool: tool, limit: limit, in: staging)
      }
    }
    var parts: [String: Int] = [:]
    for (offer, result) in zip(offers, results) {
      let count = try result.get()
      if count > 1 { parts[offer.name] = count }
    }
    return parts
  }

  /// Writes one offer's files and returns how many there are.
  private static func write(
    _ decisions: [Decision], _ offer: Offer, tool: ImportTool, limit: ImportFileLimit, in staging: String
  ) throws(Diagnostic) -> Int {
    var headerRow = ImportRowEncoder(columns: offer.columns, style: tool.timeStyle)
    headerRow.writeHeader(tool)
    let header = headerRow.withBytes { Array($0) }
    func path(_ part: Int, of parts: Int) -> String {
      "\(staging)/\(AudienceFileName.of(offer.name, part: part, of: parts, extension: "csv"))"
    }
    var file = try ExportFile(creating: path(1, of: 1))
    var pending = header
    var part = 1
    var rows = 0
    var bytes = header.count
    var row = ImportRowEncoder(columns: offer.columns, style: tool.timeStyle)
    try decisions.withUnsafeBufferPointer { (buffer) throws(Diagnostic) in
      // A tool that needs an email gets only rows with one: `CampaignRun.forImport` has
      // already made the other sends unreachable, and said so.
      for i in offer.rows
      where buffer[i].status == .send && (!tool.needsEmail || ImportAddress.email(of: buffer[i]) != nil) {
        row.removeAllBytes()
        row.write(buffer.baseAddress! + i)
        let size = row.byteCount
        let full =
          rows > 0 && (limit.rows.map { rows >= $0 } ?? false || limit.bytes.map { bytes + size > $0 } ?? false)
        if full {
          try file.write(pending)
          try file.close()
          // The first file was named as if it were the only one. Another offer's file of
          // that name (an offer coded `X-part1`) is not replaced: the export fails instead.
          if part == 1 {
            guard ExportFileSystem.kind(path(1, of: 2)) == .missing else {
              throw ExportFileSystem.failure("cannot create", path(1, of: 2), "another offer's file has that name")
            }
            try ExportFileSystem.rename(path(1, of: 1), to: path(1, of: 2))
          }
          part += 1
          file = try ExportFile(creating: path(part, of: part))
          pending = header
          rows = 0
          bytes = header.count
        }
        row.withBytes { pending.append(contentsOf: $0) }
        rows += 1
        bytes += size
        if pending.count >= 4 << 20 {
          try file.write(pending)
          pending.removeAll(keepingCapacity: true)
        }
      }
    }
    try file.write(pending)
    try file.close()
    return part
  }
}
