import PlaybookLanguage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An export directory and the hidden siblings used to replace it as a whole:
/// `.NAME.tmp-<pid>` (the export being staged) and `.NAME.old-<pid>` (the previous export,
/// moved aside for the moment between the two renames of a commit).
struct ExportLocation: Sendable {
  /// The export directory as the caller named it, without trailing slashes.
  let directory: String
  let parent: String
  let name: String

  init(_ directory: String) throws(Diagnostic) {
    var path = directory
    while path.count > 1, path.hasSuffix("/") { path.removeLast() }
    let slash = path.lastIndex(of: "/")
    name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    parent = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
    guard !name.isEmpty, name != ".", name != "..", name != "/" else {
      throw Diagnostic(.exportFolderUnnamed(directory), file: directory)
    }
    self.directory = path
  }

  func sibling(_ kind: String, pid: Int32) -> String { path(".\(name).\(kind)-\(pid)") }

  private func path(_ entry: String) -> String { parent == "/" ? "/\(entry)" : "\(parent)/\(entry)" }

  /// Leftover siblings of `kind` whose process is gone (or is this one, reusing a dead run's id), as paths.
  func leftovers(_ kind: String) throws(Diagnostic) -> [String] {
    guard ExportFileSystem.kind(parent) == .directory else { return [] }
    let prefix = ".\(name).\(kind)-"
    let own = getpid()
    return try ExportFileSystem.contents(parent).sorted().compactMap { entry in
      guard entry.hasPrefix(prefix), let pid = Int32(entry.dropFirst(prefix.count)),
        pid == own || !ExportFileSystem.processIsAlive(pid)
      else { return nil }
      return path(entry)
    }
  }
}
