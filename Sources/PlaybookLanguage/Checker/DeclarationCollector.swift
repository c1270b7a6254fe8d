extension PlaybookModel {
  /// An empty model of `playbook`; `DeclarationCollector` fills it.
  init(empty playbook: Playbook, file: String) {
    self.init(
      playbook: playbook, file: file, name: "", clock: nil, window: 30 * 86_400, tables: [],
      rows: [:], segments: [:], channels: [], offers: [], rules: [],
      holdoutPercent: 0, export: nil, ledger: nil, tests: [], hasDeclarationErrors: false)
  }
}

/// Builds a `PlaybookModel` statement by statement, collecting diagnostics.
struct DeclarationCollector {
  var model: PlaybookModel
  var diagnostics: [Diagnostic] = []
  /// First declaration of each name per namespace, for duplicate reports.
  private var seen: [String: [String: SourceRange]] = [:]
  /// Offer codes by `ExportFileNames.clashKey`, for codes that differ only in case.
  private var offerFiles: [String: Name] = [:]
  /// The `limit` statements' ranges, for the fix-it of a per-run limit.
  private var limitRanges: [SourceRange] = []

  init(playbook: Playbook, file: String) {
    model = PlaybookModel(empty: playbook, file: file)
  }

  mutating func collect() {
    var ruleOrder = 0
    for statement in model.playbook.statements {
      switch statement.kind {
      case .playbook(let name):
        model.name = name.value
      case .asOf(let clock):
        model.clock = clock.secondsSinceEpoch
      case .window(let duration):
        if let duration, duration.seconds <= 0 {
          report(.windowNotPositive, at: duration.range)
        }
        model.window = duration?.seconds
      case .load(let load):
        addTable(load)
      case .define(let define):
        guard declare("row", define.name, what: "row") else { break }
        model.rows[define.name.text] = RowBinding(
          name: define.name.text, table: "", filters: [define.condition],
          filterRows: [define.source.text], isCustomer: false, range: define.name.range)
      case .segment(let segment):
        if declare("segment", segment.name, what: "segment") {
          model.segments[segment.name.text] = segment
        }
      case .channel(let channel):
        if declare("channel", channel.name, what: "channel") { model.channels.append(channel) }
      case .offer(let offer):
        if declare("offer", offer.code, what: "offer") {
          checkExportFileName(offer.code)
          model.offers.append(offer)
        }
      case .rule(let rule):
        guard declare("rule", rule.name, what: "rule") else { break }
        var priority = 0
        if let literal = rule.priority {
          if literal.isInteger {
            priority = Int(literal.value)
          } else {
            report(.priorityNotWhole, at: literal.range)
          }
        }
        if let every = rule.every, every.seconds <= 0 { report(.everyNotPositive, at: every.range) }
        model.rules.append(RuleBinding(rule: rule, priority: priority, order: ruleOrder))
        ruleOrder += 1
      case .limit(let limit):
        if !limit.count.isInteger || limit.count.value < 1 {
          report(.limitNotWhole, at: limit.count.range)
        }
        if let period = limit.period, period.seconds <= 0 {
          report(.limitPeriodNotPositive, at: period.range)
        }
        model.limits.append(limit)
        limitRanges.append(statement.range)
      case .holdout(let group):
        if group.percent.value < 0 || group.percent.value > 100 {
          report(.holdoutOutOfRange(group.percent.spelling), at: group.percent.range)
        }
        model.holdoutPercent = group.percent.value
        model.holdoutSeed = group.seed
      case .export(let export):
        model.export = export
      case .ledger(let path):
        model.ledger = path
      case .timezone(let zone):
        if let first = model.timezone {
          report(.secondTimezone(firstLine: first.field.range.start.line), at: statement.range)
        } else {
          model.timezone = zone
        }
      case .test(let test):
        if declare("test", Name(test.name.value, range: test.name.range), what: "test") {
          model.tests.append(test)
        }
      }
    }
    if model.ledger != nil {
      for (limit, range) in zip(model.limits, limitRanges) { warnIfPerRun(limit, at: range) }
    }
    resolveDefines(dropping: reportCycles())
    resolveLinkTables()
    if model.tables.isEmpty == false, model.customerTable == nil {
      report(.noCustomersTable, at: model.tables[0].load.table.range)
    }
  }

  private mutating func addTable(_ load: Load) {
    let rowName = load.rowName?.text ?? PlaybookModel.singular(load.table.text)
    guard declare("table", load.table, what: "table"),
      declare("row", Name(rowName, range: load.rowName?.range ?? load.table.range), what: "row")
    else { return }
    let isCustomers = rowName == "customer"
    if isCustomers, let link = load.link {
      report(.customersLinked, at: link.range)
    }
    var fields = isCustomers ? [:] : TableBinding.lifecycleDefaults
    for mapping in load.fieldMap { fields[mapping.field.text] = mapping.column.text }
    // The parser has already refused unknown type names and export formats.
    var types: [String: ColumnType] = [:]
    var formats: [String: TimestampFormat] = [:]
    for declaration in load.columnTypes {
      if let type = ColumnType(rawValue: declaration.type.text) { types[declaration.column.text] = type }
      // The parser has refused formats that do not compile, too.
      if let format = declaration.format.flatMap({ try? TimestampFormat($0.value) }) {
        formats[declaration.column.text] = format
      }
    }
    var binding = TableBinding(
      load: load, name: load.table.text, rowName: rowName, path: load.source,
      keyColumn: load.key?.text ?? "id",
      linkColumn: isCustomers ? nil : (load.link?.text ?? "customer_id"),
      linkTable: isCustomers ? nil : load.linkTable?.text, isCustomers: isCustomers,
      fieldColumns: fields, declaredTypes: types,
      // The parser has refused unknown delimiters and encodings too.
      delimiter: load.delimiter.flatMap { FieldDelimiter(character: $0.value) },
      encoding: load.encoding.flatMap { TextEncoding(name: $0.value) } ?? .utf8)
    binding.timeFormats = formats
    binding.nullTokens = load.nullTokens.map(\.value)
    binding.timezone = load.timezone?.value
    model.tables.append(binding)
    model.rows[rowName] = RowBinding(
      name: rowName, table: binding.name, filters: [], filterRows: [], isCustomer: isCustomers,
      range: load.table.range)
  }

  /// An offer's code names its audience file: refuse what the export would refuse.
  private mutating func checkExportFileName(_ code: Name) {
    let key = ExportFileNames.clashKey(code.text)
    if ExportFileNames.reserved.contains(key) {
      report(.offerNamesExportFile(code.text, file: key), at: code.range)
    } else if let twin = offerFiles[key] {
      report(.offerCaseTwin(code.text, twin.text, firstLine: twin.range.start.line), at: code.range)
    } else {
      offerFiles[key] = code
    }
  }

  /// Records a declaration; reports and returns false when the name is taken.
  private mutating func declare(_ namespace: String, _ name: Name, what: String) -> Bool {
    if let first = seen[namespace]?[name.text] {
      report(.duplicateName(what, name.text, firstLine: first.start.line), at: name.range)
      return false
    }
    seen[namespace, default: [:]][name.text] = name.range
    return true
  }

  /// With a ledger, a `limit` without `per D` counts one run's sends only, so nightly
  /// runs stack offers: a warning whose fix-it is the line with a period.
  mutating func warnIfPerRun(_ limit: Limit, at range: SourceRange) {
    guard limit.period == nil else { return }
    report(.limitPerRun(limit), at: range)
  }

  mutating func report(_ message: DiagnosticMessage, at range: SourceRange) {
    diagnostics.append(Diagnostic(message, file: model.file, range: range))
  }
}
