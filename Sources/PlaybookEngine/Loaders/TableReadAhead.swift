import Dispatch
import Foundation
import Synchronization

/// A data file's table read on a thread of its own, started before the loader needs it.
///
/// The loader finishes each table with stretches that keep one core busy while the
/// other waits: the last columns' joins, the customers' key index, linking. The next
/// table, read meanwhile, fills that core (at 1M customers, about 0.8 s of processor
/// time that stood idle). The output cannot change: each table is read on its own, and
/// the loader takes them in the order it always did. The loader starts the table after
/// the next before it waits for the next, so that the next one's own last stretches on
/// one core share the machine too; and, once the next one's file is read
/// (`waitUntilFileRead`) while its table is still being built, the one after that if the
/// table between is read too. So at most two files are read at once, a third table at
/// most is being built, and never a database table is read ahead, whose reads share one
/// session.
///
/// What the read tells its progress is held until the loader takes the table, so a
/// progress display still shows one table after another.
final class TableReadAhead: Sendable {
  typealias Read = (keyed: KeyedTable, snapshot: SnapshotUse, id: UInt64?)

  /// When the read started, for the table's load time.
  let started = DispatchTime.now()
  private let progress: HeldProgress
  private let outcome = Mutex<Result<Read, LoadError>?>(nil)
  private let reading = DispatchGroup()
  private let file = FileRead()

  /// Starts `read`, which reads through the progress it is given.
  init(progress: (any ProgressSink)?, _ read: @escaping @Sendable (any ProgressSink) throws(LoadError) -> Read) {
    let held = HeldProgress(progress, file: file)
    self.progress = held
    reading.enter()
    // A thread of its own, not a dispatch queue's: a caller that waits for the table on
    // one of the few threads the queues have (Swift concurrency's, in the shell and the
    // tests) could leave the read no thread to run on.
    let thread = Thread { [self] in
      let result = Result { () throws(LoadError) in try read(held) }
      outcome.withLock { $0 = result }
      // A read from a snapshot, or one that failed, never said its file was read.
      file.mark()
      reading.leave()
    }
    // The main thread's usual stack, whatever a platform gives new threads by default.
    thread.stackSize = 8 << 20
    thread.start()
  }

  /// The table once read, or the error its read threw. Its progress is passed on from
  /// now.
  func value() throws(LoadError) -> Read {
    progress.release()
    reading.wait()
    return try outcome.withLock { $0! }.get()
  }

  /// Waits until the table's file is read (its table may still be being built), or its
  /// read ended.
  func waitUntilFileRead() { file.wait() }

  /// Whether the table's file is read (or its read ended).
  var isFileRead: Bool { file.isRead }

  /// Stops the read (it ends as interrupted at its next block of rows) and waits for it
  /// to end: for a load that fails before it needs this table.
  func cancel() {
    progress.cancel()
    reading.wait()
  }
}

/// Progress held back until released, then passed on: the table read ahead tells of its
/// start and its rows read so far at once when the loader takes it.
private final class HeldProgress: ProgressSink {
  private struct State {
    var released = false
    var cancelled = false
    var step: WorkStep?
    var bytes = 0
    var rows = 0
  }

  private let inner: (any ProgressSink)?
  private let state = Mutex(State())
  private let file: FileRead

  init(_ inner: (any ProgressSink)?, file: FileRead) {
    self.inner = inner
    self.file = file
  }

  func begin(_ step: WorkStep) {
    state.withLock { state in
      if state.released { inner?.begin(step) } else { state.step = step }
    }
  }

  func advance(bytes: Int, rows: Int) {
    state.withLock { state in
      if state.released {
        inner?.advance(bytes: bytes, rows: rows)
      } else {
        state.bytes += bytes
        state.rows += rows
      }
    }
  }

  var stopRequested: Bool { state.withLock { $0.cancelled } || inner?.stopRequested == true }

  /// Passes on what was held, and everything from now.
  func release() {
    state.withLock { state in
      guard !state.released else { return }
      state.released = true
      if let step = state.step { inner?.begin(step) }
      if state.bytes > 0 || state.rows > 0 { inner?.advance(bytes: state.bytes, rows: state.rows) }
    }
  }

  func cancel() { state.withLock { $0.cancelled = true } }

  func fileRead() { file.mark() }
}

/// Whether a table's file is read, marked once (the first of the read saying so and the
/// read ending), and waited for.
private final class FileRead: Sendable {
  private let read = Mutex(false)
  private let reading = DispatchGroup()

  init() { reading.enter() }

  func mark() {
    let first = read.withLock { read in
      defer { read = true }
      return !read
    }
    if first { reading.leave() }
  }

  func wait() { reading.wait() }

  var isRead: Bool { read.withLock { $0 } }
}
