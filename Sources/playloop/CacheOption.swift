import ArgumentParser
import Foundation
import PlaybookEngine

/// `--cache DIR` and `--no-cache`, shared by the commands that load data: where the
/// tables' snapshots are kept (docs/SNAPSHOT.md). By default `$PLAYLOOP_CACHE`, else
/// `$XDG_CACHE_HOME/playloop`, else `~/.cache/playloop`; `PLAYLOOP_CACHE=off` turns the
/// cache off as `--no-cache` does.
struct CacheOption: ParsableArguments {
  @Option(
    name: .customLong("cache"),
    help: ArgumentHelp(
      "Keep snapshots of the loaded tables in this folder (default $XDG_CACHE_HOME/playloop or ~/.cache/playloop).",
      valueName: "folder"))
  var folder: String?
  @Flag(help: "Read every data file, and write no snapshot.") var noCache = false

  /// The cache to load with, or nil when it is off or no folder can be found.
  var cache: SnapshotCache? {
    guard !noCache, let folder = folder ?? Self.defaultFolder(ProcessInfo.processInfo.environment) else {
      return nil
    }
    return SnapshotCache(folder: folder, programVersion: Self.programVersion, writesInBackground: true)
  }

  /// The folder the environment names, or nil for none (`PLAYLOOP_CACHE=off`, no home).
  static func defaultFolder(_ environment: [String: String]) -> String? {
    if let folder = environment["PLAYLOOP_CACHE"], !folder.isEmpty { return folder == "off" ? nil : folder }
    if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/playloop" }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return home + "/.cache/playloop"
  }

  /// The version and this executable's size and modification time: a rebuilt program may
  /// read files differently, so its snapshots are its own.
  static let programVersion: String = {
    let version = Playloop.configuration.version
    guard let path = Bundle.main.executablePath,
      let attributes = try? FileManager.default.attributesOfItem(atPath: path),
      let size = attributes[.size] as? Int, let modified = attributes[.modificationDate] as? Date
    else { return version }
    return "\(version) (\(size) bytes, \(Int64(modified.timeIntervalSince1970 * 1000)))"
  }()
}
