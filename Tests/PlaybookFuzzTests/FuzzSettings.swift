import Foundation

/// How long the fuzz loops run: `PLAYLOOP_FUZZ_ITERATIONS` inputs per target (a small
/// fixed number by default, so `make test` stays quick; `make fuzz ITERATIONS=…` runs
/// more) from `PLAYLOOP_FUZZ_SEED` (fixed by default: the same inputs every run, so a
/// failure reproduces). A failing input is printed with its seed and iteration.
enum FuzzSettings {
  static let iterations: Int = environment("PLAYLOOP_FUZZ_ITERATIONS").flatMap { Int($0) } ?? 300
  static let seed: UInt64 = environment("PLAYLOOP_FUZZ_SEED").flatMap { UInt64($0) } ?? 0x00F0_2213

  private static func environment(_ name: String) -> String? { ProcessInfo.processInfo.environment[name] }
}
