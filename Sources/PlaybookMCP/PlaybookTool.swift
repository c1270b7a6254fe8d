import MCP

/// The tools `playloop mcp` offers: each is a `playloop` command run with `--format json`,
/// so an agent gets exactly the JSON document the command line prints.
enum PlaybookTool: String, CaseIterable, Sendable {
  case check, run, explain, test, describe, sample, diff

  /// What the tool does, for the agent choosing one.
  var summary: String {
    switch self {
    case .check:
      "Check a playbook against its data's columns. Answers {\"diagnostics\": [...]}: each with code, severity, "
        + "message, file, line, column and hint. An empty list means the playbook is fine."
    case .run:
      "Run a playbook and answer its summary (audiences per offer and status, variants, tables, timings). "
        + "A dry run by default: nothing is exported and no ledger is written unless dry_run is false and "
        + "the server was started with --allow-export."
    case .explain:
      "What one customer would get from a playbook, and why: each rule's trigger rows, the conditions' "
        + "values, and the decision (send, holdout, capped, unreachable, already_sent, unrendered). With "
        + "what_if: what they would get if some statements were added or replaced."
    case .test:
      "Run the playbook's test blocks; answers each expectation with its outcome."
    case .describe:
      "The tables a playbook loads: each column's type and why, nulls, examples, and the rows set aside."
    case .sample:
      "A seeded random sample of a rule's or an offer's decisions, or of a segment's (or all) customers with "
        + "their decisions, optionally only those with one status; each row with its reason. Pick customers to "
        + "explain from it."
    case .diff:
      "What some statements would change (a statement's impact): per offer the counts before and after and who "
        + "gains or loses it, then the changed customers with both decisions. The file is not changed."
    }
  }

  /// The tool's arguments as a JSON schema.
  var inputSchema: Value {
    var properties: [String: Value] = [
      "file": .object([
        "type": "string",
        "description": "The playbook file (default: the one the server was started with).",
      ])
    ]
    var required: [Value] = []
    switch self {
    case .check, .test: break
    case .run:
      properties["as_of"] = Self.asOf
      properties["dry_run"] = .object([
        "type": "boolean",
        "description": "false exports the campaigns and writes the ledger (needs --allow-export); default true.",
      ])
    case .explain:
      properties["customer"] = .object([
        "type": "string", "description": "The customer: an id (in any case), an email, a phone number or a name.",
      ])
      properties["rule"] = .object(["type": "string", "description": "Explain only this rule."])
      properties["all"] = .object(["type": "boolean", "description": "Show rules that never came close too."])
      properties["what_if"] = .object([
        "type": "string",
        "description": .string(
          "Playbook statements to explain as if they were in the playbook (e.g. a changed rule): "
            + "each replaces the statement defining the same thing, or is added. The file is not changed."),
      ])
      properties["why_not"] = .object([
        "type": "string",
        "description": .string(
          "An offer: answer why the customer does not get it (each trigger row's first obstacle and what "
            + "would have cleared it) in `why_not`."),
      ])
      properties["as_of"] = Self.asOf
      required = ["customer"]
    case .describe:
      properties["table"] = .object(["type": "string", "description": "Describe only this table."])
    case .sample:
      properties["of"] = .object([
        "type": "string",
        "description": "A rule or an offer (its decisions) or a segment (its customers); all customers when left out.",
      ])
      properties["status"] = .object([
        "type": "string",
        "description": "Only decisions with this status: send, holdout, capped, unreachable, already_sent, unrendered.",
      ])
      properties["count"] = .object(["type": "integer", "description": "How many to pick (default 10)."])
      properties["seed"] = .object(["type": "integer", "description": "Another seed picks others (default 1)."])
      properties["as_of"] = Self.asOf
    case .diff:
      properties["what_if"] = .object([
        "type": "string",
        "description": .string(
          "The statements to try: each replaces the statement defining the same thing (rule x, limit, …) or is "
            + "added; a rule may be written on one line."),
      ])
      properties["limit"] = .object([
        "type": "integer", "description": "How many changed customers to include (default 10).",
      ])
      properties["as_of"] = Self.asOf
      required = ["what_if"]
    }
    return .object(["type": "object", "properties": .object(properties), "required": .array(required)])
  }

  private static let asOf: Value = .object([
    "type": "string",
    "description": "Evaluate as of this ISO 8601 time, or `now` (default: the playbook's `as of`, else now).",
  ])

  /// The arguments the tool takes, in order.
  var argumentNames: [String] {
    (inputSchema.objectValue?["properties"]?.objectValue?.keys).map { $0.sorted() } ?? []
  }

  /// Whether the tool only reads: all but a run that exports.
  var annotations: Tool.Annotations {
    Tool.Annotations(readOnlyHint: self != .run, openWorldHint: false)
  }

  /// The listing entry.
  var tool: Tool {
    Tool(name: rawValue, description: summary, inputSchema: inputSchema, annotations: annotations)
  }
}
