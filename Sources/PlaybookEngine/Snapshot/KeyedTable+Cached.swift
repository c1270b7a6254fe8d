import Synchronization

extension KeyedTable {
  /// The table `spec` loads, after `prepare` (the rows a table sets aside on its own):
  /// from its snapshot in `cache` when one holds this unchanged file read with these
  /// clauses, else read from the file, prepared, and its snapshot written. A database
  /// load is never cached. Returns how the cache was used, and the identity of the
  /// snapshot read or written (nil for none).
  static func read(
    _ spec: TableSpec, sessions: DatabaseSessions, progress: (any ProgressSink)?, cache: SnapshotCache?,
    prepare: (inout KeyedTable) -> Void
  ) throws(LoadError) -> (keyed: KeyedTable, snapshot: SnapshotUse, id: UInt64?) {
    let counted = RowCount(progress)
    func fromFile() throws(LoadError) -> KeyedTable {
      var keyed = try read(spec, sessions: sessions, progress: cache == nil ? progress : counted)
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
      let (keyed, rowsRead) = try read(mapped)
      // The progress line says what reading the file would: its bytes, and the rows read.
      progress?.begin(.loading(table: spec.name, file: spec.path, bytes: keyed.fileBytes))
      progress?.advance(bytes: keyed.fileBytes, rows: rowsRead)
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
    let (description, arrays) = keyed.snapshotParts(spec, rowsRead: counted.rows.load(ordering: .relaxed))
    let header = SnapshotFile.Header(
      programVersion: cache.programVersion, clauses: clauses, sourcePath: sourcePath, source: before)
    let use = cache.write(header, description: description, arrays: arrays, to: path, miss: miss)
    if case .notWritten = use { return (keyed, use, nil) }
    return (keyed, use, header.identity)
  }
}

/// Passes progress on, counting the rows read: a snapshot keeps the count, so that a
/// load from it tells of as many rows as reading the file did.
private final class RowCount: ProgressSink {
  let inner: (any ProgressSink)?
  let rows = Atomic<Int>(0)

  init(_ inner: (any ProgressSink)?) { self.inner = inner }

  func begin(_ step: WorkStep) { inner?.begin(step) }

  func advance(bytes: Int, rows: Int) {
    self.rows.add(rows, ordering: .relaxed)
    inner?.advance(bytes: bytes, rows: rows)
  }

  var stopRequested: Bool { inner?.stopRequested ?? false }

  func fileRead() { inner?.fileRead() }
}
