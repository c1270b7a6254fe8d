import PlaybookLanguage

extension RunSummary {
  /// `summary.json` and `playloop run --json`: pretty-printed, keys in a fixed order,
  /// times ISO 8601 UTC, ending with a newline. For example (abridged):
  ///
  /// ```json
  /// {
  ///   "playbook": "Service recovery loop",
  ///   "run_id": null,
  ///   "clock": "2026-11-01T00:00:00Z",
  ///   "window_seconds": 2592000,
  ///   "window_start": "2026-10-02T00:00:00Z",
  ///   "export": {"directory": "out", "format": "csv", "audience_files": ["SORRY25.csv"],
  ///              "decisions_file": "decisions.csv"},
  ///   "tables": {"tickets": {"file": "tickets.csv", "rows": 1013, "set_aside": 2}},
  ///   "set_aside": 2,
  ///   "candidates": 19,
  ///   "statuses": {"send": 13, "holdout": 1, "capped": 1, "unreachable": 4, "already_sent": 0},
  ///   "rules": {"slow_fix_apology": {"candidates": 19, "send": 13, …}},
  ///   "offers": {"SORRY25": {"candidates": 19, "send": 13, …}},
  ///   "timings_ms": {"load": 12, "evaluate": 3, "decide": 1, "export": 25, "total": 41}
  /// }
  /// ```
  ///
  /// `export` is null when nothing was exported. `timings_ms` is the only part that
  /// differs between runs over the same inputs. A preview (the shell's `:export
  /// --preview`) has `"preview": true` after `run_id`; other summaries have no such key.
  /// A playbook with an A/B split has `variants` after `offers`: one object per variant,
  /// `{"rule": "thanks", "variant": "A", "offer": "THANKS10", "share": "70%",
  /// "candidates": 120, "send": 100, …}`.
  public var json: JSONValue {
    var members = self.members
    if isPreview { members.insert(JSONMember("preview", .bool(true)), at: 2) }
    if !counts.byVariant.isEmpty, let offers = members.firstIndex(where: { $0.key == "offers" }) {
      members.insert(JSONMember("variants", .array(counts.byVariant.map(Self.variantJSON))), at: offers + 1)
    }
    return .object(members)
  }

  private static func variantJSON(_ v: VariantCounts) -> JSONValue {
    .object(
      [
        JSONMember("rule", .string(v.rule)), JSONMember("variant", .string(v.variant)),
        JSONMember("offer", .string(v.offer)), JSONMember("share", .string(v.shareText)),
      ] + statusMembers(v.counts))
  }

  private var members: [JSONMember] {
    [
      JSONMember("playbook", .string(playbook)),
      JSONMember("run_id", runID.map(JSONValue.string) ?? .null),
      JSONMember("clock", .string(Timestamp.format(clock))),
      JSONMember("window_seconds", window.map(JSONValue.integer) ?? .null),
      JSONMember("window_start", window.map { .string(Timestamp.format(clock - $0)) } ?? .null),
      JSONMember("export", export.map(exportJSON) ?? .null),
      JSONMember(
        "tables",
        .object(
          tables.map {
            JSONMember(
              $0.name,
              .object([
                JSONMember("file", .string($0.file)),
                JSONMember("rows", .integer(Int64($0.rows))),
                JSONMember("set_aside", .integer(Int64($0.setAside))),
              ]))
          })),
      JSONMember("set_aside", .integer(Int64(setAsideRows))),
      JSONMember("candidates", .integer(Int64(counts.byStatus.total))),
      JSONMember("statuses", Self.statusJSON(counts.byStatus, withTotal: false)),
      JSONMember("rules", .object(counts.byRule.map { JSONMember($0.name, Self.statusJSON($0.counts)) })),
      JSONMember("offers", .object(counts.byOffer.map { JSONMember($0.name, Self.statusJSON($0.counts)) })),
      JSONMember(
        "timings_ms",
        .object([
          JSONMember("load", .integer(Int64(timings.load))),
          JSONMember("evaluate", .integer(Int64(timings.evaluate))),
          JSONMember("decide", .integer(Int64(timings.decide))),
          JSONMember("export", .integer(Int64(timings.export))),
          JSONMember("total", .integer(Int64(timings.total))),
        ])),
    ]
  }

  /// The audience file names, one per offer counted (several for an offer a sending
  /// tool's limit split, `audienceParts`), in count order.
  public var audienceFiles: [String] {
    guard let export else { return [] }
    return counts.byOffer.flatMap { offer in
      let parts = audienceParts[offer.name] ?? 1
      return (1...parts).map {
        AudienceFileName.of(offer.name, part: $0, of: parts, extension: export.format.fileExtension)
      }
    }
  }

  private func exportJSON(_ target: ExportTarget) -> JSONValue {
    .object([
      JSONMember("directory", .string(target.directory)),
      JSONMember("format", .string(target.format.rawValue)),
      JSONMember("audience_files", .array(audienceFiles.map(JSONValue.string))),
      JSONMember("decisions_file", .string("decisions.\(target.format.fileExtension)")),
    ])
  }

  static func statusJSON(_ counts: StatusCounts, withTotal: Bool = true) -> JSONValue {
    .object(statusMembers(counts, withTotal: withTotal))
  }

  private static func statusMembers(_ counts: StatusCounts, withTotal: Bool = true) -> [JSONMember] {
    let statuses = DecisionStatus.allCases.map { JSONMember($0.rawValue, .integer(Int64(counts[$0]))) }
    return (withTotal ? [JSONMember("candidates", .integer(Int64(counts.total)))] : []) + statuses
  }
}
