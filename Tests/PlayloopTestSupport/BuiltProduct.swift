import Foundation

/// The package's executables as built next to the running test bundle: `swift build
/// --build-tests` (which `swift test` runs first) puts `playloop` and `playloop-data`
/// in the same folder as the tests, whatever the configuration or build path.
public enum BuiltProduct {
  /// `playloop`, the command-line tool and shell.
  public static var playloop: String { path("playloop") }

  /// `playloop-data`, the example data generator.
  public static var playloopData: String { path("playloop-data") }

  /// The build products folder: the one holding this test executable (Linux) or the
  /// `.xctest` bundle (macOS).
  public static let directory: String = {
    #if os(Linux)
      let executable =
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        ?? CommandLine.arguments[0]
      return URL(fileURLWithPath: executable).deletingLastPathComponent().path
    #else
      let bundle = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") } ?? Bundle.main
      return bundle.bundleURL.deletingLastPathComponent().path
    #endif
  }()

  /// The path of the product `name` in `directory`, built or not (`ChildProcess` says
  /// which product is missing when asked to start one).
  public static func path(_ name: String) -> String { directory + "/" + name }
}
