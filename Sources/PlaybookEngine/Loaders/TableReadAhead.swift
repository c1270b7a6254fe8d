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
/// one core share the machine too; so at most two tables are read at once, no more than
/// two tables' files and chunks are held at once, and never a database table is read
/// ahead, whose reads share one session.
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

  /// Starts `read`, which reads through the progress it is given.
  init(progress: (any ProgressSink)?, _ read: @escaping @Sendable (any ProgressSink) throws(LoadError) -> Read) {
    let held = HeldProgress(progress)
    self.progress = held
    reading.enter()
    // A thread of its own, not a dispatch queue's: a caller that waits for the table on
    // one of the few threads the queues have (Swift concurrency's, in the shell and the
    // tests) could leave the read no thread to run on.
    let thread = Thread { [self] in
      let result = Result { () throws(LoadError) in try read(held) }
      outcome.withLock { $0 = result }
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

  init(_ inner: (any ProgressSink)?) { self.inner = inner }

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
}
