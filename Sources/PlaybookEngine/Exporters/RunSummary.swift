public import PlaybookLanguage

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
  /// Decisions counted by rule, by offer and by status.
  public var counts: DecisionCounts
  /// Wall time per phase; the only part that changes between identical runs.
  public var timings: PhaseTimings
  /// True for the shell's `:export --preview`: a look at what a run would send, which
  /// sends nothing and is never recorded (`"preview": true` in `summary.json`).
  public var isPreview = false
  /// The offers with `subject` or `message` lines, by code: what their audience files
  /// add (not part of `summary.json`).
  public var offerTexts: [String: OfferTexts] = [:]
  /// How many files each offer's audience was split into, for offers a sending tool's
  /// limit split into more than one (`audienceFiles` names them; set by the exporter).
  public var audienceParts: [String: Int] = [:]
  /// Whether the playbook has a `timezone` statement: its audience files and decisions
  /// log then have a `local_send_at` column (not part of `summary.json`).
  public var hasLocalSendTimes = false

  /// A summary of a run at `clock` (seconds since 1970-01-01 UTC) with a `window` in
  /// seconds (nil for `window all`).
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

/// What an offer with message lines adds to its audience file.
public struct OfferTexts: Hashable, Sendable {
  /// The offer's description; nil when it has none.
  public var description: String?
  /// Whether it has a `subject` line.
  public var hasSubject: Bool
  /// Whether it has a `message` line.
  public var hasMessage: Bool

  /// The texts of `offer`; nil when it has no message lines.
  public init?(_ offer: Offer) {
    guard !offer.messages.isEmpty else { return nil }
    description = offer.description?.value
    hasSubject = offer.messages.contains { $0.part == .subject }
    hasMessage = offer.messages.contains { $0.part == .message }
  }
}
