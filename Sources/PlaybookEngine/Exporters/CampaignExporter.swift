import Foundation
import PlaybookLanguage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a run's campaigns: one audience file per offer, the decisions log and
/// `summary.json`, replacing the export directory as a whole.
///
/// - `<OFFER>.csv|jsonl`: customer_id, channel, address, offer, send_at, expires_at, rule,
///   trigger_id — the offer's `send` decisions only; a header alone when there are none.
/// - `decisions.csv|jsonl`: customer_id, rule, offer, trigger_id, trigger_time, send_at,
///   expires_at, channel, address, status, reason, merged, priority — every candidate.
/// - Rows by offer, customer id, rule, trigger id (UTF-8 byte order); times ISO 8601 UTC.
///   CSV follows `CSVWriter` (RFC 4180, CRLF, formulas neutralised); JSON Lines values are
///   written as they are (JSON is not opened as a spreadsheet), nulls as `null`.
/// - Same decisions and summary, same bytes (`summary.json`'s `timings_ms` aside).
/// - A sending tool's format (`ImportTool`: braze, customerio, …) writes each offer's file
///   as that tool's import takes it (`ImportAudienceWriter`, split at the tool's limit into
///   numbered files) and the decisions log as CSV.
///
/// Exporting is two steps so a caller can put its own transaction (the send ledger)
/// between them: `stage` writes every file into a fresh hidden sibling directory
/// `.NAME.tmp-<pid>` and fsyncs it; `StagedExport.commit()` then swaps it for the export
/// directory with two renames. A run that fails or is killed before the commit leaves the
/// previous export untouched; the next export (or `recover`) removes its leftovers.
///
/// The export directory belongs to the export: everything in it is replaced. To avoid
/// wiping a folder by mistake, an existing directory is only replaced when it is empty or
/// holds a `summary.json` (a previous export). Runs exporting to the same directory must
/// not overlap (the ledger's lock serialises them).
public enum CampaignExporter {
  /// Writes the export into its staging directory and returns it uncommitted.
  ///
  /// - Parameters:
  ///   - decisions: every candidate; sorted here by offer, customer id, rule and trigger id.
  ///   - summary: the run's summary. Its counts are recounted from `decisions`, keeping the
  ///     rules and offers it lists: every offer there gets an audience file, with just a
  ///     header when no decision for it is `send`. `export` is set to `target`.
  ///   - target: the export directory (created with its parents if need be) and format.
  ///   - exportMilliseconds: called just before `summary.json` is written, to record the
  ///     export phase's time so far in `timings.export`; nil leaves the timing given.
  /// - Throws: a `Diagnostic` (`export_failed`) naming the path that could not be written.
  ///   Nothing is left behind and the previous export is untouched.
  public static func stage(
    _ decisions: [Decision], summary: RunSummary, to target: ExportTarget,
    exportMilliseconds: (() -> Int)? = nil
  ) throws(Diagnostic) -> StagedExport {
    try stage(
      decisions, summary: summary, to: target, exportMilliseconds: exportMilliseconds,
      beforeWriting: { _ throws(Diagnostic) in })
  }

  /// `stage(_:summary:to:exportMilliseconds:)` with `run`'s decisions, read where the
  /// decider left them (`DecisionRows`) when the run never spelled them out, has no
  /// message lines or local send times, and the format is not a sending tool's: the
  /// same files, without making a string per value.
  public static func stage(
    _ run: CampaignRun, summary: RunSummary, to target: ExportTarget, exportMilliseconds: (() -> Int)? = nil
  ) throws(Diagnostic) -> StagedExport {
    guard target.format.importTool == nil, let rows = run.unspelled, rows.isPlain else {
      return try stage(run.decisions, summary: summary, to: target, exportMilliseconds: exportMilliseconds)
    }
    return try stage(
      rows, summary: summary, to: target, exportMilliseconds: exportMilliseconds,
      beforeWriting: { _ throws(Diagnostic) in })
  }

  /// `stage`, calling `beforeWriting` with each file name before the files are written
  /// (the audience files, the decisions log, then `summary.json`; tests inject failures there).
  static func stage(
    _ decisions: some ExportedDecisions, summary: RunSummary, to target: ExportTarget,
    exportMilliseconds: (() -> Int)?, beforeWriting: (String) throws(Diagnostic) -> Void
  ) throws(Diagnostic) -> StagedExport {
    let location = try ExportLocation(target.directory)
    try recover(location)
    try checkReplaceable(location, by: summary)
    var summary = summary
    summary.export = target
    summary.audienceParts = [:]
    // Ordering and counting are independent: done side by side.
    let declared = summary.counts
    let prepared = Parallel.map(2) { k in
      k == 0
        ? Prepared.order(decisions.arranged())
        : Prepared.counts(decisions.recounted(declared))
    }
    guard case .order(let order) = prepared[0], case .counts(let counts) = prepared[1] else {
      preconditionFailure("Parallel.map returns results in index order")
    }
    summary.counts = counts
    let offers = summary.counts.byOffer.map(\.name)
    try checkFileNames(offers, location)

    let staging = location.sibling("tmp", pid: getpid())
    try ExportFileSystem.makeDirectory(staging)
    do {
      // Each offer's rows, found by its UTF-8 bytes (the order's comparison) in one lookup.
      let ranges = Dictionary(order.offers.map { (Array($0.offer.utf8), $0.range) }) { first, _ in first }
      let offerRows = offers.map { order.indices[ranges[Array($0.utf8)] ?? 0..<0] }
      let log = ExportFileJob(
        name: "decisions.\(target.format.fileExtension)", rows: order.indices[...], sendOnly: false,
        columns: ExportColumn.decisions(
          variants: !summary.counts.byVariant.isEmpty, texts: summary.offerTexts.values
        )
        .withLocalSendAt(summary.hasLocalSendTimes))
      if let tool = target.format.importTool {
        for name in summary.audienceFiles + [log.name] { try beforeWriting(name) }
        let decisions = decisions.spelled()
        try write(decisions, [log], format: target.format.logFormat, in: staging)
        let audiences = zip(offers, offerRows).map { offer, rows in
          ImportAudienceWriter.Offer(
            name: offer, rows: rows,
            columns: tool.columns(variants: !summary.counts.byVariant.isEmpty, texts: summary.offerTexts[offer]))
        }
        summary.audienceParts = try ImportAudienceWriter.write(
          decisions, audiences, tool: tool, limit: target.fileLimit ?? tool.documentedLimit, in: staging)
      } else {
        var files: [ExportFileJob] = []
        for (offer, (file, rows)) in zip(offers, zip(summary.audienceFiles, offerRows)) {
          files.append(
            ExportFileJob(
              name: file, rows: rows, sendOnly: true,
              columns: ExportColumn.audience(summary.offerTexts[offer]).withLocalSendAt(summary.hasLocalSendTimes),
              description: summary.offerTexts[offer]?.description))
        }
        files.append(log)
        for file in files { try beforeWriting(file.name) }
        try write(decisions, files, format: target.format, in: staging)
      }
      if let exportMilliseconds { summary.timings.export = exportMilliseconds() }
      try beforeWriting("summary.json")
      let file = try ExportFile(creating: "\(staging)/summary.json")
      try file.write(Array(summary.json.prettyText.utf8))
      try file.close()
      try ExportFileSystem.syncDirectory(staging)
    } catch {
      try? ExportFileSystem.remove(staging)
      throw error
    }
    return StagedExport(location: location, staging: staging, summary: summary)
  }

  /// Cleans up after runs that were killed mid-export: removes their staging directories
  /// and, if one died between the two renames of its commit, puts the previous export
  /// back (the staged one was never committed, so the ledger never recorded it).
  /// Siblings of processes still running are left alone. `stage` calls this first.
  public static func recover(_ directory: String) throws(Diagnostic) {
    try recover(ExportLocation(directory))
  }

  static func recover(_ location: ExportLocation) throws(Diagnostic) {
    for staging in try location.leftovers("tmp") { try ExportFileSystem.remove(staging) }
    for previous in try location.leftovers("old") {
      if ExportFileSystem.kind(location.directory) == .missing {
        try ExportFileSystem.rename(previous, to: location.directory)
        try ExportFileSystem.syncDirectory(location.parent)
      } else {
        // A previous export made read-only is made writable again to be removed; one
        // that still cannot be removed is explained, not retried forever in silence.
        do throws(Diagnostic) {
          try ExportFileSystem.remove(previous)
        } catch {
          throw Diagnostic(.exportLeftover(previous, reason: error.message), file: previous)
        }
      }
    }
  }

  /// Refuses a folder that is not an earlier export, and one holding a ledgered export
  /// (its `summary.json` has a `run_id`) unless `summary` is a ledgered run of the same
  /// playbook: a preview, a run without the ledger or another playbook's run never
  /// replaces what a downstream sender takes as the night's sends.
  private static func checkReplaceable(_ location: ExportLocation, by summary: RunSummary) throws(Diagnostic) {
    switch ExportFileSystem.kind(location.directory) {
    case .missing:
      try ExportFileSystem.makeDirectory(location.parent, withParents: true)
    case .other:
      throw Diagnostic(.exportNotAFolder(location.directory), file: location.directory)
    case .directory:
      let entries = try ExportFileSystem.contents(location.directory)
      guard entries.isEmpty || entries.contains("summary.json") else {
        throw Diagnostic(.exportFolderInUse(location.directory), file: location.directory)
      }
      guard let owner = ledgeredOwner(of: location.directory) else { return }
      if summary.runID == nil || summary.isPreview || owner.playbook != summary.playbook {
        throw Diagnostic(
          .exportLedgered(location.directory, runID: owner.runID, playbook: owner.playbook),
          file: location.directory)
      }
    }
  }

  /// The run id and playbook of the ledgered export in `directory`; nil when its
  /// `summary.json` has no `run_id` (or cannot be read as a summary).
  static func ledgeredOwner(of directory: String) -> (runID: String, playbook: String)? {
    guard let data = FileManager.default.contents(atPath: directory + "/summary.json"),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let runID = object["run_id"] as? String
    else { return nil }
    return (runID, object["playbook"] as? String ?? "")
  }

  /// Offer codes become file names: each must be a plain name, distinct (ignoring case,
  /// for case-insensitive disks) from the others and from the decisions log and summary
  /// (`ExportFileNames`, which `check` applies too).
  private static func checkFileNames(_ offers: [String], _ location: ExportLocation) throws(Diagnostic) {
    var taken = ExportFileNames.reserved
    for offer in offers {
      guard !offer.isEmpty, !offer.hasPrefix("."), !offer.contains("/"), !offer.contains("\0"),
        taken.insert(ExportFileNames.clashKey(offer)).inserted
      else {
        throw Diagnostic(.exportOfferName(offer, directory: location.directory), file: location.directory)
      }
    }
  }

  /// What `stage` works out before writing.
  private enum Prepared: Sendable {
    case order(DecisionOrder.Arrangement)
    case counts(DecisionCounts)
  }

  /// One file to write: which decisions, in export order, and which columns.
  private struct ExportFileJob: Sendable {
    let name: String
    let rows: ArraySlice<Int>
    /// Only the decisions with status `send` (audience files).
    let sendOnly: Bool
    let columns: [ExportColumn]
    /// The offer's description, for its `description` column.
    var description: String? = nil
  }

  /// Writes the files, encoding on all cores. The decisions log, the largest file, is
  /// encoded in two halves that start first, so the cores share the work evenly: the
  /// first half streams into the file, the second into a hidden file beside it that is
  /// appended when both are done. (Kept in memory, the second half cost a tenth of the
  /// run's peak at a million customers.) Every other file streams into itself. `files`:
  /// the audience files, then the decisions log.
  private static func write(
    _ decisions: some ExportedDecisions, _ files: [ExportFileJob], format: ExportFormat, in staging: String
  ) throws(Diagnostic) {
    let log = files.count - 1
    let rows = files[log].rows
    let half = rows.startIndex + rows.count / 2
    let pieces =
      [Piece(file: log, rows: rows[..<half], opens: true), Piece(file: log, rows: rows[half...], opens: false)]
      + files.indices.dropLast().map { Piece(file: $0, rows: files[$0].rows, opens: true) }
    let results = Parallel.map(pieces.count) { k in
      let piece = pieces[k]
      let job = files[piece.file]
      return Result { () throws(Diagnostic) -> ExportFile in
        var encoder = DecisionRowEncoder(columns: job.columns, format: format, description: job.description)
        let file = try ExportFile(
          creating: "\(staging)/\(piece.opens ? job.name : ".\(job.name).rest")", temporary: !piece.opens)
        if piece.opens { encoder.writeHeader() }
        // The encoded bytes go to the file every megabyte (larger buffers made no faster
        // export and cost memory at the run's peak); the rest stays in the encoder.
        try decisions.encode(piece.rows, sendOnly: job.sendOnly, with: &encoder) { (encoder) throws(Diagnostic) in
          guard encoder.byteCount >= 1 << 20 else { return }
          try encoder.withBytes { (bytes) throws(Diagnostic) in try file.write(bytes) }
          encoder.removeAllBytes()
        }
        try encoder.withBytes { (bytes) throws(Diagnostic) in try file.write(bytes) }
        return file
      }
    }
    var opened: [Int: ExportFile] = [:]
    for (piece, result) in zip(pieces, results) {
      let file = try result.get()
      if piece.opens {
        opened[piece.file] = file
      } else {
        try opened[piece.file]!.append(file)
      }
    }
    for file in files.indices { try opened[file]!.close() }
  }

  /// Some of a file's rows, encoded by one task into a file of its own: the piece that
  /// `opens` creates the file named, the other a hidden one to be appended to it.
  private struct Piece: Sendable {
    let file: Int
    let rows: ArraySlice<Int>
    let opens: Bool
  }
}
