import Dispatch
public import PlaybookEngine
import Synchronization

/// The progress line on a terminal, DuckDB style: once work has run `delay`, one line
/// redrawn in place (`\r`) every tick with the table being loaded (`ProgressLine`), then
/// evaluating, deciding and exporting; at `finish` the line is cleared and, when it was
/// shown, a summary line with the times is left. Work shorter than `delay` prints nothing.
///
/// The engine reports through `ProgressSink`: `advance` (per block of rows) costs two
/// atomic adds; the ticks, and each step's `begin` once past `delay`, draw. Without an `Output` nothing is drawn and the display only passes `stop`
/// on (the shell's Ctrl-C). Times come from `clock` and are never part of any result.
public final class ProgressDisplay: ProgressSink {
  /// Where the line goes: stderr of a terminal (the command line's `Terminal` makes it).
  public struct Output: Sendable {
    /// Writes text as it is (the line, `\r`, erase-line escapes).
    public var write: @Sendable (String) -> Void
    /// The terminal's width in columns.
    public var width: @Sendable () -> Int

    /// An output writing with `write`, `width` columns wide.
    public init(write: @escaping @Sendable (String) -> Void, width: @escaping @Sendable () -> Int) {
      self.write = write
      self.width = width
    }
  }

  /// How long work runs before the line appears: half a second, or
  /// `PLAYLOOP_PROGRESS_AFTER_MS` milliseconds (tests set 0 to see it at once).
  public static func delay(environment: [String: String]) -> UInt64 {
    UInt64(environment["PLAYLOOP_PROGRESS_AFTER_MS"].flatMap { UInt64($0) } ?? 500) * 1_000_000
  }

  /// The monotonic clock, in nanoseconds.
  public static let monotonic: @Sendable () -> UInt64 = { DispatchTime.now().uptimeNanoseconds }

  private let output: Output?
  private let delay: UInt64
  private let clock: @Sendable () -> UInt64
  private let stop: @Sendable () -> Bool
  /// The current table's bytes and rows read: added to from the loaders' threads.
  private let bytesRead = Atomic<Int>(0)
  private let rowsRead = Atomic<Int>(0)
  private let state = Mutex(State())

  private struct State {
    var step: WorkStep?
    var started: UInt64 = 0
    var stepStarted: UInt64 = 0
    var times = WorkTimes()
    /// Whether the line was drawn since the work began (then a summary is left).
    var shown = false
    /// Set by `hide` until the next step begins.
    var hidden = false
    var timer: (any DispatchSourceTimer)?
  }

  /// - Parameters:
  ///   - output: where to draw; nil draws nothing.
  ///   - delay: how long work runs before the line appears, in nanoseconds.
  ///   - clock: the time in nanoseconds, for the delay, the rates and the summary.
  ///   - stop: polled by the loaders: true stops the work (`stopRequested`).
  public init(
    output: Output?, delay: UInt64 = 500_000_000, clock: @escaping @Sendable () -> UInt64 = ProgressDisplay.monotonic,
    stop: @escaping @Sendable () -> Bool = { false }
  ) {
    self.output = output
    self.delay = delay
    self.clock = clock
    self.stop = stop
  }

  /// True once `stop` says so.
  public var stopRequested: Bool { stop() }

  /// Ends the step before and begins `step`; the first step starts the ticks.
  public func begin(_ step: WorkStep) {
    let now = clock()
    state.withLock { state in
      Self.close(&state, at: now, bytes: bytesRead.load(ordering: .relaxed), rows: rowsRead.load(ordering: .relaxed))
      bytesRead.store(0, ordering: .relaxed)
      rowsRead.store(0, ordering: .relaxed)
      if state.step == nil && state.timer == nil {
        state.started = now
        state.timer = startTicking()
      }
      state.step = step
      state.stepStarted = now
      state.hidden = false
      draw(&state, at: now)
    }
  }

  /// Adds to the current table's bytes and rows read.
  public func advance(bytes: Int, rows: Int) {
    bytesRead.add(bytes, ordering: .relaxed)
    rowsRead.add(rows, ordering: .relaxed)
  }

  /// Adds `rows` to the rows loaded, for rows counted where they are rather than read
  /// (a table `run --engine postgres` leaves in its database), so the summary counts
  /// the rows a run that read them would.
  public func addLoaded(rows: Int) {
    state.withLock { $0.times.rows += rows }
  }

  /// Clears the line until the next step begins, so other text can be written.
  public func hide() {
    state.withLock { state in
      if state.shown && !state.hidden { output?.write("\r\u{1B}[K") }
      state.hidden = true
    }
  }

  /// The work is done: clears the line and, when it was shown, leaves the summary.
  /// The display can then be used again for the next piece of work.
  public func finish() {
    let now = clock()
    let timer = state.withLock { state in
      Self.close(&state, at: now, bytes: bytesRead.load(ordering: .relaxed), rows: rowsRead.load(ordering: .relaxed))
      if state.shown, let output {
        // Work stopped by Ctrl-C loaded nothing, so only its time is told.
        let summary =
          stop()
          ? "stopped after \(ProgressLine.seconds(now - state.started))"
          : ProgressLine.summary(state.times, width: output.width())
        output.write("\r\u{1B}[K" + summary + "\n")
      }
      let timer = state.timer
      state = State()
      return timer
    }
    timer?.cancel()
  }

  /// Redraws the line, once the work has run `delay`.
  func tick() {
    let now = clock()
    state.withLock { draw(&$0, at: now) }
  }

  /// Draws the line for the current step, once the work has run `delay`.
  private func draw(_ state: inout State, at now: UInt64) {
    guard let output, let step = state.step, !state.hidden, now - state.started >= delay else { return }
    let width = output.width()
    let elapsed = now - state.stepStarted
    let line =
      switch step {
      case .loading(let table, let file, let bytes):
        ProgressLine.loading(
          table: table, file: file, read: bytesRead.load(ordering: .relaxed), total: bytes,
          rows: rowsRead.load(ordering: .relaxed), nanoseconds: elapsed, width: width)
      default: ProgressLine.working(step, nanoseconds: elapsed, width: width)
      }
    output.write("\r" + line + "\u{1B}[K")
    state.shown = true
  }

  /// Adds the step that ends at `now` to the times.
  private static func close(_ state: inout State, at now: UInt64, bytes: Int, rows: Int) {
    guard let step = state.step else { return }
    let spent = now - state.stepStarted
    switch step {
    case .loading(_, _, let size):
      state.times.tables += 1
      state.times.rows += rows
      state.times.bytes += max(bytes, size)
      state.times.load += spent
    case .evaluating: state.times.evaluate += spent
    case .deciding: state.times.decide += spent
    case .exporting: state.times.export += spent
    }
  }

  /// A tick every tenth of a second on a background queue; none without an output.
  private func startTicking() -> (any DispatchSourceTimer)? {
    guard output != nil else { return nil }
    let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
    timer.schedule(deadline: .now() + .milliseconds(100), repeating: .milliseconds(100))
    timer.setEventHandler { [weak self] in self?.tick() }
    timer.resume()
    return timer
  }
}
