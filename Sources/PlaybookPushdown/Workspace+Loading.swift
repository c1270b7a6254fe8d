import PlaybookEngine
import PlaybookLanguage

extension Workspace {
  /// `step`'s result, or its load error as the run reports a load's: a step of
  /// `prepare` that reads from or copies into the run's database.
  func loading<T>(_ step: () throws(LoadError) -> T) throws(Workspace.Failure) -> T {
    do {
      return try step()
    } catch {
      throw Workspace.Failure(diagnostics: [error.diagnostic(loadedAt: source.path, nil)], source: source)
    }
  }
}
