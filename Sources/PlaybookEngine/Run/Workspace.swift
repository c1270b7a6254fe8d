import Foundation
public import PlaybookLanguage

/// A playbook with its data loaded and checked: what `playloop run`, `test`, `explain`
/// and the shell all work on.
public struct Workspace: Sendable {
  /// The playbook's text and path, for rendering diagnostics.
  public var source: SourceFile
  /// The playbook as checked against `dataset`: what plans compile.
  public var checked: CheckedPlaybook
  /// The tables the playbook's `load` statements read.
  public var dataset: Dataset
  /// The folder relative paths in the playbook resolve against.
  public var baseDirectory: String
  /// How long loading took, in milliseconds.
  public var loadMilliseconds: Int
  /// What checking found that does not stop a run (e.g. `limit_per_run`), for commands to show.
  public var warnings: [Diagnostic] = []

  /// The playbook's declarations.
  public var model: PlaybookModel { checked.model }

  /// Why a workspace could not be opened: the diagnostics (their codes say whether the
  /// playbook is wrong or a file cannot be read).
  public struct Failure: Error, Sendable {
    /// The diagnostics that stopped the workspace opening, with any warnings found before them.
    public var diagnostics: [Diagnostic]
    /// The playbook's text, for rendering the diagnostics; nil when it could not be read.
    public var source: SourceFile?

    /// `diagnostics`, rendered against `source`.
    public init(diagnostics: [Diagnostic], source: SourceFile?) {
      self.diagnostics = diagnostics
      self.source = source
    }
  }

  /// Reads, parses, loads and checks the playbook at `path`. `strict` makes any row set
  /// aside an error; `maxSetAside` is the share of a table's rows that may be set aside
  /// before a warning (`Dataset.overSetAsideLimit`). `progress` is told of each table
  /// loaded, and may stop the load. `cache` keeps the tables' snapshots (none without).
  /// `usedColumnsOnly`, without a `cache`, keeps only the columns the playbook can read
  /// (`columnsUsed`): for a run, which reads nothing else; never for a workspace whose
  /// data people look at (the shell, `explain`).
  public static func open(
    path: String, strict: Bool = false, maxSetAside: Double = SetAsideLimit.standard,
    progress: (any ProgressSink)? = nil, cache: SnapshotCache? = nil, usedColumnsOnly: Bool = false
  ) throws(Failure) -> Workspace {
    let (source, base) = try read(path)
    return try open(
      source: source, baseDirectory: base, strict: strict, maxSetAside: maxSetAside, progress: progress,
      cache: cache, usedColumnsOnly: usedColumnsOnly)
  }

  /// The playbook file at `path`, and the folder its relative paths resolve against.
  static func read(_ path: String) throws(Failure) -> (SourceFile, baseDirectory: String) {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw Failure(
        diagnostics: [Diagnostic(.unreadableFile(path), file: path)], source: nil)
    }
    let base = (path as NSString).deletingLastPathComponent
    return (SourceFile(path: path, text: String(decoding: data, as: UTF8.self)), base.isEmpty ? "." : base)
  }

  /// Parses, loads and checks `source` (see `open(path:strict:maxSetAside:progress:cache:usedColumnsOnly:)`).
  public static func open(
    source: SourceFile, baseDirectory: String, strict: Bool = false, maxSetAside: Double = SetAsideLimit.standard,
    progress: (any ProgressSink)? = nil, cache: SnapshotCache? = nil, usedColumnsOnly: Bool = false
  ) throws(Failure) -> Workspace {
    let (playbook, syntax) = PlaybookParser.parse(source)
    if syntax.contains(where: { $0.severity == .error }) {
      throw Failure(diagnostics: syntax, source: source)
    }
    return try open(
      playbook: playbook, source: source, baseDirectory: baseDirectory, strict: strict,
      maxSetAside: maxSetAside, warnings: syntax, progress: progress, cache: cache, usedColumnsOnly: usedColumnsOnly)
  }

  /// Loads and checks an already parsed playbook (the shell re-checks this way). When
  /// the check fails, the data's set-aside warnings come before its errors: a row set
  /// aside can be what a type error is about.
  public static func open(
    playbook: Playbook, source: SourceFile, baseDirectory: String, strict: Bool = false,
    maxSetAside: Double = SetAsideLimit.standard, warnings: [Diagnostic] = [], reuse: Dataset? = nil,
    progress: (any ProgressSink)? = nil, cache: SnapshotCache? = nil, usedColumnsOnly: Bool = false
  ) throws(Failure) -> Workspace {
    let (model, declared) = PlaybookChecker.declarations(of: playbook, file: source.path)
    if declared.contains(where: { $0.severity == .error }) {
      throw Failure(
        diagnostics: PlaybookChecker.sorted(warnings + declared), source: source)
    }
    let started = DispatchTime.now()
    let dataset: Dataset
    if let reuse {
      dataset = reuse
    } else {
      do {
        dataset = try loadData(
          model, file: source.path, baseDirectory: baseDirectory, strict: strict, maxSetAside: maxSetAside,
          progress: progress, cache: cache,
          kept: usedColumnsOnly && cache == nil ? columnsUsed(by: model, source: source) : .all)
      } catch {
        var failure = error
        failure.source = source
        throw failure
      }
    }
    let loadMilliseconds = Int((DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000)
    let (checked, found) = PlaybookChecker.check(model, schema: dataset.schema(model))
    let all = Diagnostic.collapsingRepeats(PlaybookChecker.sorted(warnings + declared + found))
    guard let checked else {
      // A check that fails against the columns kept is made again against them all: an
      // unknown field's hint names the nearest column, which may be one left out.
      if usedColumnsOnly, cache == nil, reuse == nil {
        return try open(
          playbook: playbook, source: source, baseDirectory: baseDirectory, strict: strict,
          maxSetAside: maxSetAside, warnings: warnings, progress: progress)
      }
      // A column named by position explains an unknown field, and a row set aside
      // can be what a type error is about: their warnings come first.
      throw Failure(diagnostics: dataset.setAsideWarnings(first: 5) + all, source: source)
    }
    let zoneWarning = model.timezone == nil ? nil : CustomerZones(model: model, dataset: dataset).warning(model)
    return Workspace(
      source: source, checked: checked, dataset: dataset, baseDirectory: baseDirectory,
      loadMilliseconds: loadMilliseconds,
      warnings: all.filter { $0.severity != .error } + (zoneWarning.map { [$0] } ?? []))
  }

  /// Reads every table the playbook loads, keeping the columns `kept` keeps (which must
  /// be all with a `cache`: a snapshot holds every column).
  static func loadData(
    _ model: PlaybookModel, file: String, baseDirectory: String, strict: Bool,
    maxSetAside: Double = SetAsideLimit.standard, progress: (any ProgressSink)? = nil, cache: SnapshotCache? = nil,
    kept: KeptColumns = .all
  ) throws(Failure) -> Dataset {
    guard let customers = model.customerTable else {
      let range = model.playbook.statements.first?.range
      throw Failure(
        diagnostics: [Diagnostic(.loadsNoCustomers, file: file, range: range)], source: nil)
    }
    func spec(_ table: TableBinding) -> TableSpec {
      var spec = TableSpec(table, baseDirectory: baseDirectory)
      spec.keptColumns = kept
      return spec
    }
    do {
      return try DatasetLoader.load(
        customers: spec(customers), events: model.tables.filter { !$0.isCustomers }.map(spec),
        strict: strict, maxSetAside: maxSetAside, progress: progress, cache: cache)
    } catch {
      let statement =
        model.tables.first { $0.name == error.table }
        ?? model.tables.first { $0.load.path != nil && resolve($0.path, against: baseDirectory) == error.file }
      throw Failure(
        diagnostics: [
          error.diagnostic(loadedAt: file, statement.flatMap { error.statementRange(of: $0.load) })
        ], source: nil)
    }
  }

  /// The workspace with the event table `name`, a database load, read again with
  /// `selection` in place of its own (`DatasetLoader.reread`): the rows a run that left
  /// the table in its database needs, `rowsInPlace` being the count of all its rows there;
  /// or, with nil, the whole table after all. `strict` and `maxSetAside` are the load's.
  public func rereading(
    _ name: String, selection: DatabaseSelection, rowsInPlace: Int?, strict: Bool, maxSetAside: Double
  ) throws(Failure) -> Workspace {
    guard let binding = model.tables.first(where: { $0.name == name && !$0.isCustomers }) else {
      preconditionFailure("'\(name)' is not an event table of the playbook")
    }
    var spec = TableSpec(binding, baseDirectory: baseDirectory)
    spec.database = selection
    var workspace = self
    do {
      workspace.dataset = try DatasetLoader.reread(
        spec, in: dataset, rowsInPlace: rowsInPlace, strict: strict, maxSetAside: maxSetAside)
    } catch {
      throw Failure(
        diagnostics: [error.diagnostic(loadedAt: source.path, error.statementRange(of: binding.load))], source: source)
    }
    return workspace
  }

  /// Relative paths in a playbook resolve against the playbook file's own folder. Each
  /// `folder/..` the joining makes is dropped when `folder` is a real directory, so
  /// messages and summaries say `Examples/data/x.csv`, not
  /// `Playbooks/../Examples/data/x.csv`; after a symbolic link `..` leads to the link's
  /// target's parent, so there the pair is kept.
  public static func resolve(_ path: String, against base: String) -> String {
    if path.hasPrefix("/") { return path }
    return tidied(base == "." ? path : base + "/" + path)
  }

  static func tidied(_ path: String) -> String {
    let root = path.hasPrefix("/") ? "/" : ""
    var kept: [Substring] = []
    for part in path.split(separator: "/") where part != "." {
      if part == "..", let last = kept.last, last != "..",
        isRealDirectory(root + kept.joined(separator: "/"))
      {
        kept.removeLast()
      } else {
        kept.append(part)
      }
    }
    let tidy = root + kept.joined(separator: "/")
    return tidy.isEmpty ? "." : tidy
  }

  private static func isRealDirectory(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  /// The clock: `--as-of` over the playbook's `as of` over `now` (taken once by the caller).
  public func clock(override: Int64?, now: Int64) -> Int64 {
    override ?? model.clock ?? now
  }
}

extension Dataset {
  /// The columns of each table the playbook loads, for the checker.
  public func schema(_ model: PlaybookModel) -> DataSchema {
    var tables: [String: [ColumnSchema]] = [:]
    for binding in model.tables {
      let table = binding.isCustomers ? customers : events[binding.name]
      if let table { tables[binding.name] = table.schema }
    }
    var schema = DataSchema(tables: tables)
    if let zone = model.timezone?.defaultZone.value {
      // What the data's zone names are read with, so the default is judged the same way.
      schema.zoneNames = Set(TimeZone.knownTimeZoneIdentifiers + (TimeZone(identifier: zone) != nil ? [zone] : []))
    }
    return schema
  }
}
