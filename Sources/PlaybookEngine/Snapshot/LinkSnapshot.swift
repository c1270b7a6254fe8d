/// An event table's links to its customers, kept beside the table's snapshot in a
/// `.links` file: each row's customer and the table's rows set aside once linked. (The
/// rows grouped by customer are not kept: a run groups them only when it asks for them,
/// `LinkIndex`.) Linking millions of rows is most of what a load from snapshots would
/// still do, and it depends only on the table and the customers (and, through `link …
/// to`, the table linked to): the file names them by `linked`, a hash of their
/// snapshots' identities, and is used only for the same.
enum LinkSnapshot {
  /// `linked` for an event table whose snapshot is `table`, linked through `by` (the
  /// customers' snapshot identity, or the `linked` of the table it links to).
  static func linked(table: UInt64, by: UInt64) -> UInt64 {
    var hash = FNV1a()
    for word in [table, by] { withUnsafeBytes(of: word.littleEndian) { hash.combine($0) } }
    return hash.value
  }

  /// The links of `spec`'s table (of `rowCount` rows, linking to `customerCount`
  /// customers) stored for `linked`; nil when there are none, or they do not hold.
  static func read(_ spec: TableSpec, linked: UInt64, rowCount: Int, customerCount: Int, cache: SnapshotCache)
    -> (index: LinkIndex, setAside: [SetAsideRow])?
  {
    guard let (path, sourcePath) = cache.beside(spec, ending: "links"),
      let mapped = try? SnapshotFile.map(
        path, programVersion: cache.programVersion, clauses: clauses(linked), source: .none, sourcePath: sourcePath)
    else { return nil }
    do throws(SnapshotDamage) {
      var reader = SnapshotBytesReader(try mapped.section(0))
      var setAside: [SetAsideRow] = []
      for _ in 0..<(try reader.count()) { setAside.append(try reader.row()) }
      let customerOfRow = try mapped.array(1, of: Int32.self)
      guard customerOfRow.count == rowCount, customerOfRow.allSatisfy({ $0 >= -1 && $0 < customerCount }) else {
        return nil
      }
      let index = LinkIndex(customerOfRow: customerOfRow, customerCount: customerCount)
      return (index, setAside)
    } catch {
      return nil
    }
  }

  /// Writes the links of `spec`'s table for `linked`; a file that cannot be written is
  /// left unwritten (the table's own snapshot says why).
  static func store(_ spec: TableSpec, linked: UInt64, index: LinkIndex, setAside: [SetAsideRow], cache: SnapshotCache)
  {
    guard let (path, sourcePath) = cache.beside(spec, ending: "links") else { return }
    var description = SnapshotBytesWriter()
    description.int(setAside.count)
    for row in setAside { description.row(row) }
    let header = SnapshotFile.Header(
      programVersion: cache.programVersion, clauses: clauses(linked), sourcePath: sourcePath, source: .none)
    _ = cache.write(
      header, description: description.bytes,
      arrays: [SnapshotArray(index.customerOfRow)], to: path, miss: .missing)
  }

  private static func clauses(_ linked: UInt64) -> String { "links " + String(linked, radix: 16) }
}

extension SourceIdentity {
  /// No file: a links file depends on snapshots, which its clauses name, not on a file.
  static let none = SourceIdentity(
    size: 0, modifiedSeconds: 0, modifiedNanoseconds: 0, inode: 0, device: 0, headChecksum: 0, tailChecksum: 0)
}
