@testable import PlaybookEngine

/// One fuzz input read as a table of `format`: in one chunk and in the number of chunks
/// the input's first byte picks (2 to 5). Both must give the same table or the same load
/// error, and neither may crash; a disagreement traps so libFuzzer keeps the input.
func readTable(_ data: UnsafePointer<UInt8>, _ size: Int, format: TableFormat) {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let chunks = 2 + Int(bytes.first ?? 0) % 4
  let one = outcome(bytes, format: format, chunks: 1)
  let some = outcome(bytes, format: format, chunks: chunks)
  if one != some {
    fatalError("\(chunks) chunks read \(some), one chunk read \(one)")
  }
}

/// The table's shape and cells' count, or the load error's text.
private func outcome(_ bytes: [UInt8], format: TableFormat, chunks: Int) -> String {
  do {
    let (table, setAside) = try TableReader.read(
      FileBytes(copying: bytes), format: format, name: "t", file: "t", chunkCount: chunks)
    precondition(table.lines.count == table.rowCount)
    return
      "\(table.columns.map(\.name)) \(table.columns.map(\.type)) \(table.rowCount) rows, \(setAside.count) set aside"
  } catch {
    return error.description
  }
}
