/// What a run did, for `summary.json`, `playloop run --json` and the human summary.
///
/// Everything but `timings` follows from the run's inputs, so `summary.json` is
/// byte-identical between runs over the same inputs except for its `timings_ms` object.
public struct RunSummary: Hashable, Sendable {
  /// The playbook's name (`playbook "…"`).
  public var playbook: String
  /// The ledger's id for this run; nil when the run keeps no ledger.
  public var runID: String?
  /// The evaluation clock, seconds since the epoch.
  public var clock: Int64
  /// The window's length in seconds; nil for `window all`.
  public var window: Int64?
  /// Where the run exported; nil when it exported nothing (a dry run, the shell's `:run`).
  public var export: ExportTarget?
  /// Every loaded table, in load order.
  public var tables: [TableCount]
  public var counts: DecisionCounts
  public var timings: PhaseTimings

  public init(
    playbook: String, runID: String? = nil, clock: Int64, window: Int64?,
    export: ExportTarget? = nil, tables: [TableCount], counts: DecisionCounts,
    timings: PhaseTimings = PhaseTimings()
  ) {
    self.playbook = playbook
    self.runID = runID
    self.clock = clock
    self.window = window
    self.export = export
    self.tables = tables
    self.counts = counts
    self.timings = timings
  }

  /// Rows set aside over all tables.
  public var setAsideRows: Int { tables.reduce(0) { $0 + $1.setAside } }
}

/// One loaded table's rows: those read, and those set aside as unreadable.
public struct TableCount: Hashable, Sendable {
  /// The table name (`tickets`).
  public var name: String
  /// The file as the playbook names it, for messages.
  public var file: String
  /// Rows loaded, not counting those set aside.
  public var rows: Int
  public var setAside: Int

  public init(name: String, file: String, rows: Int, setAside: Int) {
    self.name = name
    self.file = file
    self.rows = rows
    self.setAside = setAside
  }

  /// Each table's count, customers first then event tables in the order given (the
  /// playbook's load order), with set-aside rows counted by table name.
  public static func counts(of dataset: Dataset, eventTableOrder: [String]) -> [TableCount] {
    var setAside: [String: Int] = [:]
    for row in dataset.setAside { setAside[row.table, default: 0] += 1 }
    let tables = [dataset.customers] + eventTableOrder.compactMap { dataset.events[$0] }
    return tables.map {
      TableCount(name: $0.name, file: $0.file, rows: $0.rowCount, setAside: setAside[$0.name] ?? 0)
    }
  }
}

/// Wall time per phase of a run, in milliseconds. The only part of a summary that
/// differs between runs over the same inputs; tests leave it zero.
public struct PhaseTimings: Hashable, Sendable {
  public var load: Int
  public var evaluate: Int
  public var decide: Int
  public var export: Int

  public init(load: Int = 0, evaluate: Int = 0, decide: Int = 0, export: Int = 0) {
    self.load = load
    self.evaluate = evaluate
    self.decide = decide
    self.export = export
  }

  public var total: Int { load + evaluate + decide + export }
}
