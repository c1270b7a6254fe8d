import PlaybookEngine
import Synchronization
import Testing

@testable import PlaybookReporting

/// When the progress line appears, what is left when the work ends, and what is never
/// drawn: driven by a clock the test sets and an output it reads.
@Suite struct ProgressDisplayTests {
  /// The display's clock and what it wrote.
  final class Terminal: Sendable {
    let now = Atomic<UInt64>(0)
    let written = Mutex<[String]>([])

    func display(delay: UInt64 = 500_000_000, stop: @escaping @Sendable () -> Bool = { false }) -> ProgressDisplay {
      ProgressDisplay(
        output: ProgressDisplay.Output(write: { text in self.written.withLock { $0.append(text) } }, width: { 80 }),
        delay: delay, clock: { self.now.load(ordering: .relaxed) }, stop: stop)
    }

    func at(seconds: Double) { now.store(UInt64(seconds * 1e9), ordering: .relaxed) }
    var text: String { written.withLock { $0.joined() } }
  }

  /// A table of 4 MB loaded, a quarter of it (1,024 rows) read at the tick `at`, then
  /// the rest; evaluating from `evaluating` on to `end`.
  func loadThenEvaluate(
    _ terminal: Terminal, _ display: ProgressDisplay, tick at: Double, evaluating: Double, end: Double
  ) {
    display.begin(.loading(table: "customers", file: "c.csv", bytes: 4_000_000))
    display.advance(bytes: 1_000_000, rows: 1024)
    terminal.at(seconds: at)
    display.tick()
    display.advance(bytes: 3_000_000, rows: 2000)
    terminal.at(seconds: evaluating)
    display.begin(.evaluating)
    terminal.at(seconds: end)
    display.finish()
  }

  /// Work shorter than the delay writes nothing at all: small runs look as before.
  @Test func shortWorkShowsNothing() {
    let terminal = Terminal()
    loadThenEvaluate(terminal, terminal.display(), tick: 0.3, evaluating: 0.35, end: 0.4)
    #expect(terminal.text == "")
  }

  /// Past the delay the line is redrawn in place each tick; at the end it is cleared and
  /// the summary kept.
  @Test func longWorkShowsTheLineThenTheSummary() {
    let terminal = Terminal()
    let display = terminal.display()
    loadThenEvaluate(terminal, display, tick: 0.5, evaluating: 1, end: 3)
    #expect(
      terminal.text
        == "\rcustomers  25% █████░░░░░░░░░░░░░░░ 1.0/4.0 MB · 1,024 rows · 2.0 MB/s · c.csv\u{1B}[K"
        + "\revaluating… 0.0 s\u{1B}[K"
        + "\r\u{1B}[Kloaded 1 table (3,024 rows, 4.0 MB) in 1.0 s, 4.0 MB/s · evaluated in 2.0 s\n")
    // The display is used again for the next command, from nothing.
    terminal.written.withLock { $0 = [] }
    display.begin(.evaluating)
    terminal.at(seconds: 3.1)
    display.finish()
    #expect(terminal.text == "")
  }

  /// `hide` clears the line for other text until the next step; Ctrl-C's stop is passed
  /// on to the loaders and the summary says the work stopped.
  @Test func hideAndStop() {
    let terminal = Terminal()
    let stopped = Atomic<Bool>(false)
    let display = terminal.display(delay: 0, stop: { stopped.load(ordering: .relaxed) })
    display.begin(.loading(table: "t", file: "t.csv", bytes: 10))
    display.hide()
    #expect(terminal.text.hasSuffix("\r\u{1B}[K"))
    terminal.written.withLock { $0 = [] }
    display.tick()
    #expect(terminal.text == "")
    #expect(!display.stopRequested)
    stopped.store(true, ordering: .relaxed)
    #expect(display.stopRequested)
    display.begin(.evaluating)
    terminal.at(seconds: 2)
    display.finish()
    #expect(terminal.text.hasSuffix("\r\u{1B}[Kstopped after 2.0 s\n"))
  }

  /// Without an output nothing is drawn, however long the work.
  @Test func noOutputDrawsNothing() {
    let display = ProgressDisplay(output: nil, delay: 0, clock: { 0 }, stop: { true })
    display.begin(.exporting)
    display.tick()
    display.finish()
    #expect(display.stopRequested)
  }
}
