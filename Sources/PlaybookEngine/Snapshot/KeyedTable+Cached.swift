extension KeyedTable {
  /// The table `spec` loads, after `prepare` (the rows a table sets aside on its own):
  /// from its snapshot in `cache` when one holds this unchanged file read with these
  /// clauses, else read from the file, prepared, and its snapshot written. A database
  /// load is never cached. Returns how the cache was used, and the identity of the
  /// snapshot read or written (nil for none).
  static func read(
    _ spec: TableSpec, progress: (any ProgressSink)?, cache: SnapshotCache?,
    prepare: (inout KeyedTable) -> Void
  ) throws(LoadError) -> (keyed: KeyedTable, snapshot: SnapshotUse, id: UInt64?) {
    func fromFile() throws(LoadError) -> KeyedTable {
      var keyed = try read(spec, progress: progress)
      prepare(&keyed)
      return keyed
    }
    guard let cache, spec.database == nil, let sourcePath = SnapshotCache.absolute(spec.path),
      let before = SourceIdentity.of(spec.path)
    else { return (try fromFile(), .off, nil) }
    let path = cache.path(for: spec, sourcePath: sourcePath)
    let clauses = spec.snapshotClauses
    let miss: SnapshotMiss
    do {
      let mapped = try SnapshotFile.map(
        path, programVersion: cache.programVersion, clauses: clauses, source: before, sourcePath: sourcePath)
      let keyed = try read(mapped)
      // The progress line counts what reading the file would: its bytes, and every row read.
      progress?.begin(.loading(table: spec.name, file: spec.path, bytes: keyed.fileBytes))
      progress?.advance(bytes: keyed.fileBytes, rows: keyed.table.rowCount + keyed.setAside.count)
      return (keyed, .read, mapped.id)
    } catch let error as SnapshotFile.Unusable {
      guard case .miss(let why) = error else { preconditionFailure() }
      miss = why
    } catch {
      miss = .damaged
    }
    let keyed = try fromFile()
    // A file that changed while it was read has no one state to snapshot.
    guard SourceIdentity.of(spec.path) == before else {
      return (keyed, .notWritten(miss, problem: "\(spec.path) changed while it was read"), nil)
    }
    let (description, arrays) = keyed.snapshotParts(spec)
    let header = SnapshotFile.Header(
      programVersion: cache.programVersion, clauses: clauses, sourcePath: sourcePath, source: before)
    let use = cache.write(header, description: description, arrays: arrays, to: path, miss: miss)
    if case .notWritten = use { return (keyed, use, nil) }
    return (keyed, use, header.identity)
  }
}
