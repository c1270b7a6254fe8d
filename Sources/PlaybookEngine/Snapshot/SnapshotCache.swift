import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where loads keep their snapshots (docs/SNAPSHOT.md): one file per table in `folder`,
/// used by a later load of the same unchanged file with the same clauses instead of
/// reading it. The executable decides the folder (`--cache`, `$XDG_CACHE_HOME/playloop`)
/// and the program version; the engine reads no environment.
public struct SnapshotCache: Sendable, Equatable {
  /// The folder holding the snapshots; made when the first one is written.
  public var folder: String
  /// The program that writes and reads the snapshots: a snapshot written by another is
  /// rebuilt, since what reading a file gives may have changed between versions.
  public var programVersion: String
  /// Whether snapshots are written on a thread of their own while the work goes on, so
  /// a cold run does not wait for them before evaluating; `finishWriting()` waits for
  /// them (a command calls it before it exits). Off, a load returns once they are written.
  public var writesInBackground: Bool

  /// A cache in `folder` for snapshots of `programVersion`.
  public init(folder: String, programVersion: String, writesInBackground: Bool = false) {
    self.folder = folder
    self.programVersion = programVersion
    self.writesInBackground = writesInBackground
  }

  /// Writes a snapshot now, or on the writing thread when `writesInBackground`; the
  /// use to report: `.written` or `.notWritten` when written now, else `.writing`.
  func write(
    _ header: SnapshotFile.Header, description: [UInt8], arrays: [SnapshotArray], to path: String,
    miss: SnapshotMiss
  ) -> SnapshotUse {
    guard writesInBackground else {
      do {
        try SnapshotFile.store(header, description: description, arrays: arrays, to: path)
        return .written(miss)
      } catch {
        return .notWritten(miss, problem: error.message)
      }
    }
    Self.writing.async(group: Self.written) {
      try? SnapshotFile.store(header, description: description, arrays: arrays, to: path)
    }
    return .writing(miss)
  }

  /// Waits until every snapshot being written in the background is written (or failed).
  public static func finishWriting() { written.wait() }

  /// One writer at a time: the work the run goes on with keeps the other cores.
  private static let writing = DispatchQueue(label: "playloop.snapshots")
  private static let written = DispatchGroup()

  /// The snapshot file of `spec`'s table: named for the table and a hash of the data
  /// file's absolute path and the load's clauses, so each load of each file has its own.
  func path(for spec: TableSpec, sourcePath: String) -> String {
    var hash = FNV1a()
    hash.combine(sourcePath.utf8)
    hash.combine(0)
    hash.combine(spec.snapshotClauses.utf8)
    let name = spec.name.unicodeScalars.map {
      $0.properties.isAlphabetic || ("0"..."9").contains($0) ? Character($0) : "_"
    }
    let hex = String(hash.value, radix: 16)
    return folder + "/" + String(name.prefix(40)) + "-" + String(repeating: "0", count: 16 - hex.count) + hex
      + ".snapshot"
  }

  /// A file kept beside the snapshot of `spec`'s table (its links, its key index): the
  /// snapshot's name with `ending` for `snapshot`, and the data file's absolute path.
  func beside(_ spec: TableSpec, ending: String) -> (path: String, sourcePath: String)? {
    guard let sourcePath = Self.absolute(spec.path) else { return nil }
    let snapshot = path(for: spec, sourcePath: sourcePath)
    return (String(snapshot.dropLast("snapshot".count)) + ending, sourcePath)
  }

  /// The absolute path of `path`, links resolved: one file has one snapshot whatever
  /// folder it is named from. Nil when the file cannot be found.
  static func absolute(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}

/// Why a load read its data file rather than a snapshot.
public enum SnapshotMiss: String, Sendable, Equatable {
  /// No snapshot of this file with these clauses yet.
  case missing
  /// The file changed, or another file took its place.
  case changed
  /// Rows were added at the end of the file; it is read again whole.
  case appended
  /// The snapshot was written by another version of Playloop or of the format.
  case otherVersion
  /// The snapshot is damaged: cut short, or its checksums do not hold.
  case damaged
}

/// How a table's load used the snapshot cache.
public enum SnapshotUse: Sendable, Equatable {
  /// No cache was given, or the table is read from a database (never cached).
  case off
  /// The table came from its snapshot.
  case read
  /// The data file was read (`miss` says why) and a snapshot written.
  case written(SnapshotMiss)
  /// The data file was read (`miss` says why) and its snapshot is being written in the
  /// background (`SnapshotCache.writesInBackground`).
  case writing(SnapshotMiss)
  /// The data file was read (`miss` says why) and no snapshot could be written: `problem`.
  case notWritten(SnapshotMiss, problem: String)
}
