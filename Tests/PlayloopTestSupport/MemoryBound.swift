import Foundation

/// Runs the built `playloop` with its data (heap and mappings) limited, to show that a
/// command works in bounded memory.
public enum MemoryBound {
  /// True in a sanitizer build's test run (`make sanitize` sets `PLAYLOOP_SANITIZED`):
  /// the sanitizers map terabytes of shadow memory, which no data limit admits, and
  /// their allocators change what memory a command needs. There the command runs
  /// without the limit; its output is still checked.
  public static var isSanitized: Bool { ProcessInfo.processInfo.environment["PLAYLOOP_SANITIZED"] != nil }

  /// `playloop ARGUMENTS` (a shell word list) in `folder`, its data limited to `kilobytes`.
  public static func playloop(_ arguments: String, kilobytes: Int, in folder: String) throws -> ChildProcess {
    let limit = isSanitized ? "" : "ulimit -d \(kilobytes) && "
    return try ChildProcess("/bin/sh", ["-c", "\(limit)exec \"$0\" \(arguments)", BuiltProduct.playloop], in: folder)
  }
}
