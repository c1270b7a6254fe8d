import PlaybookLanguage

/// What `playloop describe FILE` shows: every table a playbook's `load` statements read,
/// described. The playbook's rules are not checked, so the data can be looked at while
/// the playbook still has errors the data causes.
public struct DataDescription: Hashable, Sendable {
  /// The playbook's path, as given.
  public var playbook: String
  /// The tables, in the order of their `load` statements.
  public var tables: [TableDescription]

  /// The description of `tables`, loaded by the playbook at `playbook`.
  public init(playbook: String, tables: [TableDescription]) {
    self.playbook = playbook
    self.tables = tables
  }

  /// Reads and parses the playbook at `path`, then loads and describes its data;
  /// `progress` is told of each table loaded; `cache` keeps the tables' snapshots.
  /// - Throws: the playbook's syntax or declaration errors, or the load error of a data
  ///   file that cannot be read at all (rows that cannot be read are set aside and
  ///   described instead).
  public static func open(
    path: String, progress: (any ProgressSink)? = nil, cache: SnapshotCache? = nil
  ) throws(Workspace.Failure) -> DataDescription {
    let (source, base) = try Workspace.read(path)
    let (playbook, syntax) = PlaybookParser.parse(source)
    let (model, declared) = PlaybookChecker.declarations(of: playbook, file: path)
    let errors = syntax + declared
    if errors.contains(where: { $0.severity == .error }) {
      throw Workspace.Failure(diagnostics: PlaybookChecker.sorted(errors), source: source)
    }
    do {
      let dataset = try Workspace.loadData(
        model, file: path, baseDirectory: base, strict: false, progress: progress, cache: cache)
      return DataDescription(playbook: path, tables: dataset.describe(model))
    } catch {
      var failure = error
      failure.source = source
      throw failure
    }
  }
}
