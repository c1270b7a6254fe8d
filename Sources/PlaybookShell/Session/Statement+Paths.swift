import Foundation
import PlaybookLanguage

extension Statement {
  /// The statement with every file path it names (`load … from`, `export to`, `ledger`,
  /// a test's fixtures) passed through `transform`.
  func mappingPaths(_ transform: (String) -> String) -> Statement {
    var statement = self
    switch kind {
    case .load(var load):
      if let path = load.path { load.path?.value = transform(path.value) }
      statement.kind = .load(load)
    case .export(var export):
      export.path.value = transform(export.path.value)
      statement.kind = .export(export)
    case .ledger(var path):
      path.value = transform(path.value)
      statement.kind = .ledger(path)
    case .test(var test):
      for index in test.fixtures.indices {
        if let path = test.fixtures[index].path { test.fixtures[index].path?.value = transform(path.value) }
      }
      statement.kind = .test(test)
    default: break
    }
    return statement
  }
}

/// Relative paths moved between folders: a path written relative to one folder, written
/// relative to another so that it names the same file.
enum RelativePath {
  /// `path` (relative to folder `from`) relative to folder `to`; absolute paths stay.
  static func rebase(_ path: String, from: String, to: String) -> String {
    guard !path.hasPrefix("/") else { return path }
    let target = components(absolute(from) + "/" + path)
    let folder = components(absolute(to))
    var common = 0
    while common < target.count, common < folder.count, target[common] == folder[common] {
      common += 1
    }
    // Folders with nothing in common but the root: the absolute path reads better.
    if common == 0 { return "/" + target.joined(separator: "/") }
    let parts = Array(repeating: "..", count: folder.count - common) + target[common...]
    return parts.isEmpty ? "." : parts.joined(separator: "/")
  }

  /// Whether two folders are the same place.
  static func same(_ a: String, _ b: String) -> Bool {
    components(absolute(a)) == components(absolute(b))
  }

  private static func absolute(_ folder: String) -> String {
    folder.hasPrefix("/") ? folder : FileManager.default.currentDirectoryPath + "/" + folder
  }

  private static func components(_ path: String) -> [String] {
    URL(fileURLWithPath: path).standardized.pathComponents.filter { $0 != "/" }
  }
}
