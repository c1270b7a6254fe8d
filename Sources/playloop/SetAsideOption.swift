import ArgumentParser
import PlaybookEngine

/// `--max-set-aside 5%`, shared by the commands that load data: the share of a table's
/// rows that may be set aside before a warning.
struct SetAsideOption: ParsableArguments {
  @Option(
    name: .customLong("max-set-aside"),
    help: "Warn when more than this share of a table's rows is set aside (default 5%; --strict on run stops at any).")
  var text: String?

  /// The share, from 0 to 1.
  func share() throws -> Double {
    guard let text else { return SetAsideLimit.standard }
    guard let share = SetAsideLimit.share(text) else {
      throw ValidationError("--max-set-aside: '\(text)' is not a percent such as 5%")
    }
    return share
  }
}
