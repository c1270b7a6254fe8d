import ArgumentParser
import Foundation
import PlaybookEngine
import PlaybookReporting

/// `--quiet`, and the progress line the commands that load data show on a terminal's
/// stderr once work runs half a second (`ProgressDisplay`): never with `--quiet`, with
/// JSON output, or when stderr is not a terminal.
struct ProgressOption: ParsableArguments {
  @Flag(help: "Show no progress on stderr, however long loading and running take.") var quiet = false

  /// The progress line for this command, or nil when none is shown.
  func display(json: Bool) -> ProgressDisplay? {
    let environment = ProcessInfo.processInfo.environment
    guard !quiet, !json, let output = Terminal.progressOutput(environment: environment) else {
      return nil
    }
    return ProgressDisplay(output: output, delay: ProgressDisplay.delay(environment: environment))
  }

  /// `body` (opening a playbook and loading its data) with the progress line shown
  /// while it works, and cleared (a summary left when it was shown) before it returns.
  func loading<T, E: Error>(json: Bool, _ body: ((any ProgressSink)?) throws(E) -> T) throws(E) -> T {
    let display = display(json: json)
    defer { display?.finish() }
    return try body(display)
  }
}
