import Foundation

/// A fresh empty folder under the system's temporary directory, removed when the last
/// reference to it goes (or when `with`'s body returns).
public final class ScratchFolder: @unchecked Sendable {
  /// The folder's absolute path.
  public let path: String

  /// Creates `playloop-LABEL-UUID` in the temporary directory.
  public init(_ label: String = "test") throws {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("playloop-\(label)-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// Creates the folder holding `files` (names to contents).
  public convenience init(_ label: String = "test", files: [String: String]) throws {
    try self.init(label)
    for (name, text) in files { try write(text, to: name) }
  }

  deinit { remove() }

  /// Removes the folder and everything in it now.
  public func remove() { try? FileManager.default.removeItem(atPath: path) }

  /// Runs `body` with a fresh folder that lives exactly as long as the call. (Not
  /// `withExtendedLifetime`: its throwing form crashed the ledger tests with this toolchain.)
  public static func with<T>(_ label: String = "test", _ body: (ScratchFolder) throws -> T) throws
    -> T
  {
    let folder = try ScratchFolder(label)
    defer { folder.remove() }
    return try body(folder)
  }

  /// The folder as a file URL.
  public var url: URL { URL(fileURLWithPath: path, isDirectory: true) }

  /// `relative` inside the folder.
  public func path(_ relative: String) -> String { path + "/" + relative }

  /// Writes `text` to `relative` inside the folder (its folders must exist) and returns
  /// the file's path.
  @discardableResult
  public func write(_ text: String, to relative: String) throws -> String {
    let file = path(relative)
    try Data(text.utf8).write(to: URL(fileURLWithPath: file))
    return file
  }
}

/// A scratch home directory for running `playloop` as a user would: it holds the shell's
/// history file and no `~/.editrc`.
public final class ScratchHome: @unchecked Sendable {
  private let folder: ScratchFolder

  /// Creates an empty home directory.
  public init() throws { folder = try ScratchFolder("home") }

  /// The home directory.
  public var directory: String { folder.path }

  /// Removes the home directory now.
  public func remove() { folder.remove() }

  /// Where the shell keeps its history (`PLAYLOOP_HISTORY`).
  public var historyFile: String { folder.path("history") }

  /// A minimal environment: no LANG, so the shell's C.UTF-8 fallback is what makes
  /// UTF-8 input work; an empty PAGER, so tall output is printed, not held by `less`
  /// (tests of the pager set their own).
  public var environment: [String: String] {
    ["HOME": directory, "PLAYLOOP_HISTORY": historyFile, "TERM": "xterm", "PATH": "/usr/bin:/bin", "PAGER": ""]
  }
}
