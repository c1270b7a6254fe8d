/// The catalogue of diagnostic codes: every problem Playloop can report, with a stable
/// snake_case id (for programs, `--format json`, and docs/DIAGNOSTICS.md), its severity
/// and what kind of failure it is. The texts come from `DiagnosticMessage`'s factories.
public enum DiagnosticCode: String, CaseIterable, Hashable, Sendable {
  // Syntax: the playbook's text does not follow the grammar.
  case parseError = "parse_error"
  case invalidToken = "invalid_token"
  case unknownStatement = "unknown_statement"
  case misplacedLine = "misplaced_line"
  case unknownWord = "unknown_word"
  case unknownPhrase = "unknown_phrase"
  case unknownType = "unknown_type"
  case unknownFormat = "unknown_format"
  case unknownDelimiter = "unknown_delimiter"
  case unknownEncoding = "unknown_encoding"
  case invalidTimeFormat = "invalid_time_format"
  case duplicateClause = "duplicate_clause"
  case invalidComparison = "invalid_comparison"
  case unclosedBracket = "unclosed_bracket"
  case nestingTooDeep = "nesting_too_deep"
  case numberTooLarge = "number_too_large"
  case mixedIndentation = "mixed_indentation"
  case tooManyErrors = "too_many_errors"
  case templateSyntax = "template_syntax"
  // Checks: the playbook reads but means nothing, or not what it says.
  case duplicateName = "duplicate_name"
  case offerNameClash = "offer_name_clash"
  case invalidValue = "invalid_value"
  case noCustomers = "no_customers"
  case invalidLink = "invalid_link"
  case invalidDefine = "invalid_define"
  case definitionCycle = "definition_cycle"
  case defineChainTooLong = "define_chain_too_long"
  case unknownRow = "unknown_row"
  case invalidRow = "invalid_row"
  case unknownField = "unknown_field"
  case unknownColumn = "unknown_column"
  case unknownSegment = "unknown_segment"
  case unknownOffer = "unknown_offer"
  case unknownChannel = "unknown_channel"
  case unknownTable = "unknown_table"
  case typeError = "type_error"
  case unknownFunction = "unknown_function"
  case invalidPattern = "invalid_pattern"
  case correlatedAggregate = "correlated_aggregate"
  case twoTriggers = "two_triggers"
  case missingSend = "missing_send"
  case limitPerRun = "limit_per_run"
  case everyWithTrigger = "every_with_trigger"
  case ledgerRequired = "ledger_required"
  case unknownFilter = "unknown_filter"
  case longSMS = "long_sms"
  case importSetAside = "import_set_aside"
  case importTextClipped = "import_text_clipped"
  case missingMessage = "missing_message"
  case invalidSendWindow = "invalid_send_window"
  case unknownZone = "unknown_zone"
  case compileUnsupported = "compile_unsupported"
  // Files: what a command reads or writes.
  case unreadableFile = "io_error"
  case writeFailed = "write_failed"
  case loadUnreadable = "load_unreadable"
  case loadBadFormat = "load_bad_format"
  case loadUnknownColumn = "load_unknown_column"
  case loadBadKey = "load_bad_key"
  case loadBadRow = "load_bad_row"
  case loadAllSetAside = "load_all_set_aside"
  case loadRenamedColumns = "load_renamed_columns"
  case loadUnknownZone = "load_unknown_zone"
  case loadBadDatabase = "load_bad_database"
  case loadDatabaseUnreachable = "load_database_unreachable"
  case engineMismatch = "engine_mismatch"
  case engineFailed = "engine_failed"
  case rowSetAside = "row_set_aside"
  case setAsideShare = "set_aside_share"
  case valuesOverflowed = "values_overflowed"
  case unknownZoneValues = "unknown_zone_values"
  case exportFailed = "export_failed"
  case ledgerMissing = "ledger_missing"
  case ledgerUnreadable = "ledger_unreadable"
  case ledgerForeign = "ledger_foreign"
  case ledgerNewer = "ledger_newer"
  case ledgerOtherPlaybook = "ledger_other_playbook"
  case ledgerFailed = "ledger_failed"
  case ledgerBusy = "ledger_busy"
  case ledgerRecovered = "ledger_recovered"
  case ledgerLocked = "ledger_locked"
  case ledgerExists = "ledger_exists"
  case ledgerHoldoutChanged = "ledger_holdout_changed"
  case ledgerReplay = "ledger_replay"
  case exportLedgered = "export_ledgered"
  // Commands: the CLI and the shell used wrongly, or asked about what is not there.
  case usageError = "usage_error"
  case ledgerWithoutExport = "ledger_without_export"
  case unknownCustomer = "unknown_customer"
  case ambiguousCustomer = "ambiguous_customer"
  case unknownRule = "unknown_rule"
  case unknownName = "unknown_name"
  case noData = "no_data"
  case noExportFolder = "no_export_folder"
  case notChanged = "not_changed"
  case stillUsed = "still_used"
  case testsFailed = "tests_failed"
  case noTests = "no_tests"
  case toolFailed = "tool_failed"
  case unsavedChanges = "unsaved_changes"
  case replaceFile = "replace_file"
  case playbookHasErrors = "playbook_has_errors"
  case exportInterrupted = "export_interrupted"
  case loadInterrupted = "load_interrupted"

  /// The stable id, e.g. `unknown_field`.
  public var id: String { rawValue }

  /// What kind of failure a code is; the command line maps each kind to an exit code.
  public enum Kind: String, Sendable {
    /// The playbook is wrong: it does not parse or check.
    case playbook
    /// Input cannot be read or output cannot be written (a file, data, a ledger).
    case input
    /// A command or its arguments were used wrongly, or name what is not there.
    case usage
    /// What the user asked to verify did not hold (a `test` block failed).
    case failure
    /// The send ledger refused the run, to keep its promise: never the same offer twice,
    /// never a reset control group (a damaged, foreign, newer or locked ledger, a changed
    /// holdout, an export folder another run's ledger owns).
    case refused
  }

  /// Warning for what does not stop a command, note for what only tells what is
  /// happening, error for the rest.
  public var severity: Diagnostic.Severity {
    switch self {
    case .mixedIndentation, .rowSetAside, .setAsideShare, .valuesOverflowed, .ledgerRecovered, .unsavedChanges,
      .limitPerRun, .ledgerReplay, .loadRenamedColumns, .replaceFile, .longSMS, .importSetAside, .importTextClipped,
      .missingMessage,
      .ledgerRequired,
      .unknownZoneValues:
      .warning
    case .ledgerBusy: .note
    default: .error
    }
  }

  /// What kind of failure the code is.
  public var kind: Kind {
    switch self {
    case .parseError, .invalidToken, .unknownStatement, .misplacedLine, .unknownWord, .unknownPhrase,
      .unknownType, .unknownFormat, .unknownDelimiter, .unknownEncoding, .invalidTimeFormat, .duplicateClause,
      .invalidComparison, .unclosedBracket, .nestingTooDeep, .numberTooLarge, .mixedIndentation, .tooManyErrors,
      .duplicateName,
      .offerNameClash, .invalidValue, .noCustomers, .invalidLink, .invalidDefine, .definitionCycle,
      .defineChainTooLong,
      .unknownRow, .invalidRow, .unknownField, .unknownColumn, .unknownSegment, .unknownOffer,
      .unknownChannel, .unknownTable, .typeError, .unknownFunction, .invalidPattern, .correlatedAggregate,
      .twoTriggers, .missingSend, .notChanged, .stillUsed, .limitPerRun, .ledgerReplay, .playbookHasErrors,
      .templateSyntax, .unknownFilter, .missingMessage, .everyWithTrigger, .ledgerRequired, .invalidSendWindow,
      .unknownZone, .compileUnsupported:
      .playbook
    case .unreadableFile, .writeFailed, .loadUnreadable, .loadBadFormat, .loadUnknownColumn, .loadBadKey,
      .loadBadRow, .loadAllSetAside, .loadRenamedColumns, .loadUnknownZone, .loadBadDatabase, .loadDatabaseUnreachable,
      .engineMismatch, .engineFailed, .rowSetAside,
      .setAsideShare,
      .valuesOverflowed, .exportFailed, .ledgerMissing, .ledgerFailed, .ledgerBusy, .ledgerRecovered, .longSMS,
      .importSetAside, .importTextClipped,
      .unknownZoneValues:
      .input
    case .ledgerUnreadable, .ledgerForeign, .ledgerNewer, .ledgerOtherPlaybook, .ledgerLocked, .ledgerExists,
      .ledgerHoldoutChanged, .exportLedgered:
      .refused
    case .usageError, .ledgerWithoutExport, .unknownCustomer, .ambiguousCustomer, .unknownRule, .unknownName, .noData,
      .noExportFolder, .unsavedChanges, .replaceFile, .exportInterrupted, .loadInterrupted:
      .usage
    case .testsFailed, .noTests, .toolFailed:
      .failure
    }
  }

  /// One line on what the code means (docs/DIAGNOSTICS.md says more, with examples).
  public var meaning: String {
    switch self {
    case .parseError: "the text does not follow the grammar where it stands"
    case .invalidToken: "text that is no token: a bad duration or timestamp, an unterminated string, a stray character"
    case .unknownStatement: "a line starts with a word that begins no statement"
    case .misplacedLine: "a continuation line (when, send, from, expect …) outside its statement"
    case .unknownWord: "a word the statement does not take, e.g. an unknown load clause"
    case .unknownPhrase: "a lifecycle phrase that does not exist (withn for within)"
    case .unknownType: "a column type in `types` that does not exist"
    case .unknownFormat: "an export format that does not exist"
    case .unknownDelimiter: "a `delimiter` other than comma, semicolon, tab or pipe"
    case .unknownEncoding: "an `encoding` Playloop does not read"
    case .invalidTimeFormat:
      "a timestamp format in `types` that cannot be read, or on a type other than timestamp or date"
    case .duplicateClause: "a clause given twice on one load or channel, or a second `timezone` statement"
    case .invalidComparison: "'=' or '=<' for a comparison, or comparisons chained"
    case .unclosedBracket: "a list or parenthesis not closed on its line"
    case .nestingTooDeep: "an expression nested deeper than the parser follows"
    case .numberTooLarge: "a number or duration too large to compute with"
    case .mixedIndentation: "indentation mixes tabs and spaces"
    case .tooManyErrors: "so many syntax errors (likely not a playbook) that the parser stopped reading"
    case .templateSyntax: "a message template's {{ }} or {% %} tags do not read"
    case .duplicateName: "a name declared twice"
    case .offerNameClash: "an offer code the export cannot name a file for (a case-only twin, or decisions or summary)"
    case .invalidValue: "a number, duration or percent outside what the statement allows"
    case .noCustomers: "the playbook loads no customers table"
    case .invalidLink: "a link no row can follow: from the customers table, or tables linking in a circle"
    case .invalidDefine: "a define over customers (a segment is meant)"
    case .definitionCycle: "segments or defines that use themselves, directly or through each other"
    case .defineChainTooLong: "defines built on defines more than 100 deep"
    case .unknownRow: "a row name no load or define declares"
    case .invalidRow: "a row used where it cannot be (an event row in a segment)"
    case .unknownField: "a field the row's table has no column for"
    case .unknownColumn: "a column a load names (key, link, with, types) that the file lacks"
    case .unknownSegment: "a segment that is not declared"
    case .unknownOffer: "an offer that is not declared"
    case .unknownChannel: "a channel that is not declared"
    case .unknownTable: "a table the playbook does not load, named by a test or a link"
    case .typeError: "values of types that do not go together"
    case .unknownFunction: "a function that does not exist (the known ones are listed)"
    case .invalidPattern: "a `matches` pattern that is not a valid regular expression"
    case .correlatedAggregate:
      "an aggregate's filter refers to the trigger row other than by one `<`, `<=`, `>` or `>=` joined with `and`"
    case .twoTriggers: "a rule names two different event rows"
    case .missingSend: "a rule with no send line"
    case .limitPerRun: "a ledgered playbook's limit without `per D` counts one run only, so nightly runs stack offers"
    case .everyWithTrigger: "`every D` on a rule with a trigger row, which sends once per trigger already"
    case .ledgerRequired: "`every D` or `sent(…)` in a playbook that names no ledger (and no --ledger was given)"
    case .unknownFilter: "a filter a message template uses that does not exist"
    case .longSMS: "an SMS message renders longer than one text (160 GSM-7 or 70 UCS-2 characters)"
    case .importSetAside: "sends a sending tool's import cannot take (no email address), left out of its files"
    case .importTextClipped: "a subject or message longer than the sending tool's text field, which its import clips"
    case .missingMessage: "a rule sends an offer with message lines by a channel it has no `message` line for"
    case .invalidSendWindow: "a channel's `quiet` hours that are empty, or a `days` name that is no day"
    case .unknownZone: "the `timezone` statement's default names no time zone this machine knows"
    case .compileUnsupported:
      "a construct `playloop compile` cannot turn into the dialect's SQL with exactly the engine's meaning"
    case .unreadableFile: "a playbook file cannot be read"
    case .writeFailed: "a file cannot be written"
    case .loadUnreadable: "a data file does not exist or cannot be read"
    case .loadBadFormat: "a data file is not UTF-8 CSV or JSON Lines that can be read"
    case .loadUnknownColumn: "a data file lacks the key or link column"
    case .loadBadKey: "two customers share a key, or a key is empty"
    case .loadBadRow: "a row cannot be read and --strict is on"
    case .loadAllSetAside: "every row of a data file was set aside"
    case .loadRenamedColumns: "header names that are empty or repeated: those columns are named by position"
    case .loadUnknownZone: "a load's timezone names no time zone this machine knows"
    case .loadBadDatabase: "a database load's table does not exist or its query cannot run"
    case .loadDatabaseUnreachable: "a database server cannot be reached with the connection settings given"
    case .engineMismatch:
      "a candidate a database engine computed (`run --engine postgres`) names nothing the run loaded"
    case .engineFailed:
      "the engine `run --engine` names could not compute the candidates: Spark missing or its job failed"
    case .rowSetAside: "a row that cannot be read or linked is set aside"
    case .setAsideShare: "more of a data file's rows set aside than --max-set-aside allows"
    case .valuesOverflowed: "times or durations computed from the data left the span the language computes in"
    case .unknownZoneValues: "customers whose time zone field names no zone this machine knows: the default is used"
    case .exportFailed: "the campaign files cannot be exported"
    case .ledgerMissing: "there is no ledger at the path"
    case .ledgerUnreadable: "the ledger path holds no valid ledger: empty, not SQLite, or damaged"
    case .ledgerForeign: "the file is a SQLite database but not a ledger"
    case .ledgerNewer: "the ledger was written by a newer Playloop"
    case .ledgerOtherPlaybook: "the ledger belongs to another playbook"
    case .ledgerFailed: "the ledger cannot be read or written"
    case .ledgerBusy: "another run holds the ledger; this one waits for it (run --wait)"
    case .ledgerRecovered: "a run on the ledger was interrupted, and this run settled it"
    case .ledgerLocked: "another run holds the ledger (a run waits for it only with --wait)"
    case .ledgerExists: "--new-ledger names a file that already holds something"
    case .ledgerHoldoutChanged: "the holdout differs from the one the ledger recorded (--new-holdout starts a new one)"
    case .ledgerReplay: "a ledgered run's clock is pinned by `as of`, so it replays the same night"
    case .exportLedgered: "the export folder holds a ledgered export that only its own ledgered runs may replace"
    case .usageError: "a command or its arguments used wrongly"
    case .ledgerWithoutExport: "a ledger for a run that exports nothing"
    case .unknownCustomer: "no customer with this id in the data"
    case .ambiguousCustomer: "an email, phone or name that several customers answer to"
    case .unknownRule: "no rule with this name in the playbook"
    case .unknownName: "no rule, segment, offer or channel with this name in the shell"
    case .noData: "a shell command needs data and none is loaded"
    case .noExportFolder: "the shell's :export has no folder"
    case .notChanged: "a statement is kept unchanged because others using it would be wrong"
    case .stillUsed: "a statement cannot be dropped because others use it"
    case .testsFailed: "a playbook's tests failed"
    case .noTests: "playloop test found no test to run (none written, or none matching --run)"
    case .toolFailed: "an MCP tool's command could not start, or ended without its JSON answer"
    case .unsavedChanges: "the shell asks once before typed statements would be lost"
    case .replaceFile: "the shell asks once before :save replaces a file other than the playbook's own"
    case .playbookHasErrors: "a shell command needs a playbook that checks, and the loaded one has errors"
    case .exportInterrupted: "Ctrl-C stopped the shell's :export before anything was exported or recorded"
    case .loadInterrupted: "Ctrl-C stopped the shell's :load; the session keeps what it had"
    }
  }
}
