/// The customers' key index, kept beside their snapshot in a `.keys` file: building it
/// (a hash of each of a million keys, and a slot found for each) was most of what a load
/// from snapshots still did. It depends only on the key column, so the file names the
/// customers' snapshot by its identity and is used only with that snapshot. Dense keys
/// have no table to keep (`KeyIndex.isDenseOnly`): numbering them again is one pass.
enum KeySnapshot {
  /// The index of `keys` stored for the snapshot `table`; nil when there is none or it does not hold.
  static func read(_ spec: TableSpec, table: UInt64, keys: TextColumn, cache: SnapshotCache) -> KeyIndex? {
    guard let (path, sourcePath) = cache.beside(spec, ending: "keys"),
      let mapped = try? SnapshotFile.map(
        path, programVersion: cache.programVersion, clauses: clauses(table), source: .none, sourcePath: sourcePath),
      let slots = try? mapped.array(1, of: KeyIndex.Slot.self)
    else { return nil }
    return KeyIndex(keys: keys, slots: slots)
  }

  /// Writes `index` for the snapshot `table`; a file that cannot be written is left
  /// unwritten (the table's own snapshot says why).
  static func store(_ spec: TableSpec, table: UInt64, index: KeyIndex, cache: SnapshotCache) {
    guard !index.isDenseOnly, let (path, sourcePath) = cache.beside(spec, ending: "keys") else { return }
    let header = SnapshotFile.Header(
      programVersion: cache.programVersion, clauses: clauses(table), sourcePath: sourcePath, source: .none)
    _ = cache.write(header, description: [], arrays: [SnapshotArray(index.slots)], to: path, miss: .missing)
  }

  private static func clauses(_ table: UInt64) -> String { "keys " + String(table, radix: 16) }
}
